import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveLayout } from './layout.js';
import { isProcessAlive, ownerPid } from './tmp-names.js';

/**
 * Cleans what a crash left in tmp/: files of processes that are gone. Objects are only ever renamed
 * into objects/ whole, and catalogue rows are committed after that, so tmp/ is all there is to clean.
 * Returns the names removed.
 */
export async function cleanTmp(layout: ArchiveLayout): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of [layout.tmp, layout.uploads]) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (dir === layout.tmp && name === 'uploads') continue;
      const pid = ownerPid(name);
      if (pid !== null && isProcessAlive(pid)) continue;
      await rm(path.join(dir, name), { force: true, recursive: true });
      removed.push(path.relative(layout.tmp, path.join(dir, name)));
    }
  }
  return removed;
}
