import { placeObject } from '../archive/durable-file.js';
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
    const digestOf = async (f: string) => (await digestFile(files, pool, f, ['sha256'], label)).digests.sha256 ?? '';
    const placed = await placeObject(files, { path: copy.path, sha256: copy.sha256, size: copy.size }, dest, digestOf);
    return { sha256: copy.sha256, path: dest, ...placed };
  } catch (e) {
    await files.unlink(copy.path).catch(() => undefined);
    throw toIoError(e, label);
  }
}
