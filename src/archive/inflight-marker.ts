import { mkdir, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveLayout } from './layout.js';
import { tmpName } from './tmp-names.js';

/**
 * In-flight markers: before a verified copy is renamed into objects/, a marker `inflight/<pid>-<uuid>`
 * names its SHA-256; it is removed once the catalogue row is committed. A marker whose process is
 * gone points at an object that may have no row: recovery quarantines it (moved, recorded, audited,
 * never deleted). Kept outside tmp/, which opening an archive empties. Used by every writer
 * that places an object before its row commits (footage ingest, documents); the recovery is in
 * src/footage/inflight.ts.
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
