import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { type ArchiveLayout, objectPath } from '../archive/layout.js';

export interface StrayObject {
  /** Path below objects/. */
  relPath: string;
  absPath: string;
  /** The file name (a SHA-256 when it looks like an object). */
  name: string;
  size: number;
  mtimeMs: number;
}

/** quarantine/ beside objects/: files found in objects/ that the catalogue does not know. */
export function quarantineDir(layout: ArchiveLayout): string {
  return path.join(layout.root, 'quarantine');
}

/**
 * Files under objects/ without a catalogue row (a crash between the rename and the commit, or a file
 * someone put there), and files not where their name says they belong.
 */
export async function findStrays(layout: ArchiveLayout, isKnown: (sha256: string) => boolean): Promise<StrayObject[]> {
  const out: StrayObject[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        await walk(abs);
        continue;
      }
      const sane = /^[0-9a-f]{64}$/.test(e.name) && objectPath(layout, e.name) === abs;
      if (sane && isKnown(e.name)) continue;
      const st = await stat(abs).catch(() => null);
      if (!st) continue;
      out.push({ relPath: path.relative(layout.objects, abs).split(path.sep).join('/'), absPath: abs, name: e.name, size: st.size, mtimeMs: st.mtimeMs });
    }
  };
  await walk(layout.objects);
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
}

/**
 * Moves strays into quarantine/<stamp>/ (never deletes them). A stray younger than `graceMs` may be
 * an object another process (the app while a CLI command runs) is about to catalogue: left alone.
 */
export async function quarantineStrays(
  layout: ArchiveLayout,
  strays: readonly StrayObject[],
  o: { now: Date; graceMs: number },
): Promise<{ moved: (StrayObject & { movedTo: string })[]; young: StrayObject[] }> {
  const stamp = o.now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  const moved: (StrayObject & { movedTo: string })[] = [];
  const young: StrayObject[] = [];
  for (const s of strays) {
    if (o.now.getTime() - s.mtimeMs < o.graceMs) {
      young.push(s);
      continue;
    }
    const dest = path.join(quarantineDir(layout), stamp, s.relPath);
    await mkdir(path.dirname(dest), { recursive: true });
    await rename(s.absPath, dest);
    moved.push({ ...s, movedTo: path.relative(layout.root, dest).split(path.sep).join('/') });
  }
  return { moved, young };
}
