import path from 'node:path';
import { toIoError, type ObjectStore } from '../archive/object-store.js';
import type { FilePort } from '../ports/file-port.js';
import type { DigestPool } from './digest-pool.js';
import { digestFile, type CopiedFile } from './copy-with-digests.js';

export interface CommittedObject {
  sha256: string;
  path: string;
  /** False when the object was already in objects/ (an earlier run stored it). */
  created: boolean;
  /** An object found at the address with other content was replaced by this verified copy. */
  repaired: boolean;
}

/**
 * Moves a verified copy into objects/ under its SHA-256 (read-only, then the folder is fsynced), using
 * the ObjectStore's layout. An object already at that address — left by a run that died before its
 * catalogue commit — is adopted only after its own digest is checked; one with other content is
 * replaced atomically by the verified copy.
 */
export async function commitObject(files: FilePort, store: ObjectStore, pool: DigestPool, copy: CopiedFile, label: string): Promise<CommittedObject> {
  const dest = store.pathOf(copy.sha256);
  try {
    const existing = await files.stat(dest).catch(() => null);
    if (existing) {
      const check = existing.size === copy.size ? await digestFile(files, pool, dest, ['sha256'], label).catch(() => null) : null;
      if (check && check.digests.sha256 === copy.sha256) {
        await files.unlink(copy.path).catch(() => undefined);
        return { sha256: copy.sha256, path: dest, created: false, repaired: false };
      }
    }
    await files.mkdir(path.dirname(dest), { recursive: true });
    await files.chmod(copy.path, 0o444);
    await files.rename(copy.path, dest);
    await fsyncDir(files, path.dirname(dest));
    return { sha256: copy.sha256, path: dest, created: !existing, repaired: Boolean(existing) };
  } catch (e) {
    await files.unlink(copy.path).catch(() => undefined);
    throw toIoError(e, label);
  }
}

async function fsyncDir(files: FilePort, dir: string): Promise<void> {
  const h = await files.open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}
