import path from 'node:path';
import { faultPoint } from '../ports/fault-point.js';
import type { FilePort } from '../ports/file-port.js';

/**
 * The product's central promise, in one place: a file is written under a hidden or temporary name,
 * fsynced, its digest verified, then renamed into place and its folder fsynced — and only then does
 * the caller commit its catalogue row. Everything goes through the FilePort, so fault tests can make
 * any step fail (full disk, unplugged device, read-only folder).
 */

/** fsyncs a folder, so a rename or a new entry in it survives a power cut. */
export async function syncDir(files: FilePort, dir: string): Promise<void> {
  const h = await files.open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/**
 * The last step of every durable write: a complete, fsynced file or folder under its hidden name
 * moves to its final name with one rename, and the folder holding it is fsynced.
 */
export async function publish(files: FilePort, from: string, to: string): Promise<void> {
  await files.rename(from, to);
  await syncDir(files, path.dirname(to));
  faultPoint('publish');
}

/** A verified, fsynced copy waiting under tmp/ for its address. */
export interface VerifiedCopy {
  path: string;
  sha256: string;
  size: number;
}

export interface PlacedObject {
  /** False when an intact object was already at the address (the copy was dropped). */
  created: boolean;
  /** An object found at the address with other content (or unreadable) was replaced by the copy. */
  repaired: boolean;
}

/**
 * Places a verified copy at its content address `dest` (read-only). The one rule for an object
 * already there — left by a run that died before its catalogue commit, or damaged since — is to
 * re-digest it: an intact one is kept and the copy dropped; one with other content, another size
 * or that cannot be read is replaced atomically by the verified copy. `digestOf` gives a file's
 * SHA-256 (the caller's hasher: the object store's own, or the footage digest workers).
 */
export async function placeObject(files: FilePort, copy: VerifiedCopy, dest: string, digestOf: (file: string) => Promise<string>): Promise<PlacedObject> {
  const existing = await files.stat(dest).catch(() => null);
  if (existing) {
    const intact = existing.isFile() && existing.size === copy.size && (await digestOf(dest).catch(() => null)) === copy.sha256;
    if (intact) {
      await files.unlink(copy.path).catch(() => undefined);
      return { created: false, repaired: false };
    }
  }
  await files.mkdir(path.dirname(dest), { recursive: true });
  await files.chmod(copy.path, 0o444);
  await publish(files, copy.path, dest);
  return { created: !existing, repaired: Boolean(existing) };
}
