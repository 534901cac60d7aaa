import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive.js';
import type { ArchiveLayout } from '../archive/layout.js';
import { isProcessAlive, ownerPid, tmpName } from '../archive/tmp-names.js';
import { FixityRepo } from '../storage/repos/footage-fixity-repo.js';
import type { Tx } from '../archive/audited-change.js';
import { quarantineDir } from './quarantine.js';

/**
 * In-flight markers: before a verified copy is renamed into objects/, a marker `inflight/<pid>-<uuid>`
 * names its SHA-256; it is removed once the catalogue row is committed. A marker whose process is
 * gone points at an object that may have no row: recovery quarantines it (moved, recorded, audited,
 * never deleted). Kept outside tmp/, which opening an archive empties.
 */
export function inflightDir(layout: ArchiveLayout): string {
  return path.join(layout.root, 'inflight');
}

export async function markInflight(layout: ArchiveLayout, sha256: string): Promise<() => Promise<void>> {
  const dir = inflightDir(layout);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, tmpName());
  const h = await open(file, 'wx', 0o600);
  try {
    await h.writeFile(sha256);
    await h.sync();
  } finally {
    await h.close();
  }
  return () => unlink(file).catch(() => undefined);
}

export interface Recovered {
  name: string;
  movedTo: string;
  size: number;
}

/**
 * Finishes what dead processes left in flight: an object named by a marker but without a catalogue
 * row is moved to quarantine/ and reported; then the marker goes. Markers of live processes stay.
 */
export async function recoverInflight(archive: Archive, tx: Tx): Promise<Recovered[]> {
  const dir = inflightDir(archive.layout);
  if (!existsSync(dir)) return [];
  const repo = new FixityRepo(archive.db);
  const out: Recovered[] = [];
  for (const name of await readdir(dir)) {
    const pid = ownerPid(name);
    if (pid !== null && isProcessAlive(pid)) continue;
    const marker = path.join(dir, name);
    const sha256 = (await readFile(marker, 'utf8').catch(() => '')).trim();
    const obj = /^[0-9a-f]{64}$/.test(sha256) ? archive.store.pathOf(sha256) : null;
    const st = obj ? await stat(obj).catch(() => null) : null;
    if (obj && st && !repo.knownObject(sha256)) {
      const now = archive.clock.now();
      const rel = path.relative(archive.layout.objects, obj).split(path.sep).join('/');
      const dest = path.join(quarantineDir(archive.layout), now.toISOString().replace(/[-:]/g, '').slice(0, 15), rel);
      await mkdir(path.dirname(dest), { recursive: true });
      await rename(obj, dest);
      const movedTo = path.relative(archive.layout.root, dest).split(path.sep).join('/');
      tx(() => {
        const id = repo.addQuarantine({ name: rel, size: st.size, movedTo, runId: null, now: now.toISOString() });
        return {
          value: id,
          audit: [
            {
              action: 'footage.quarantine',
              targetType: 'object',
              targetId: sha256,
              detail: { reason: 'stored by a process that died before cataloguing it', movedTo, size: st.size, pid },
            },
          ],
        };
      });
      out.push({ name: rel, movedTo, size: st.size });
    }
    await unlink(marker).catch(() => undefined);
  }
  return out;
}
