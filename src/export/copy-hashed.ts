import type { FileHandle } from 'node:fs/promises';
import { toIoError } from '../archive/object-store.js';
import { createHasher } from '../ports/digests.js';
import type { FilePort } from '../ports/file-port.js';

const CHUNK = 1 << 20;

export interface Hashed {
  size: number;
  sha256: string;
  sm3: string;
}

/**
 * Streams a file into a new file 1 MiB at a time, hashing SHA-256 and SM3 on the way, then fsyncs
 * it. Memory does not depend on the file's size (a 4 GB clip costs one 1 MiB buffer). `dest` must not
 * exist. On failure the partial copy is removed and the error names `label`.
 */
export async function copyHashed(
  files: FilePort,
  source: string,
  dest: string,
  label: string,
  o: { signal?: AbortSignal; onBytes?: (n: number) => void } = {},
): Promise<Hashed> {
  const sha = await createHasher('sha256');
  const sm3 = await createHasher('sm3');
  let input: FileHandle | null = null;
  let out: FileHandle | null = null;
  let size = 0;
  try {
    input = await files.open(source, 'r');
    out = await files.open(dest, 'wx', 0o644);
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      if (o.signal?.aborted) throw Object.assign(new Error('cancelled'), { code: 'ECANCELED' });
      const { bytesRead } = await input.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      sha.update(chunk);
      sm3.update(chunk);
      for (let off = 0; off < bytesRead;) off += (await out.write(chunk, off, bytesRead - off, null)).bytesWritten;
      size += bytesRead;
      o.onBytes?.(bytesRead);
    }
    await out.sync();
    const h = out;
    out = null;
    await h.close();
    return { size, sha256: sha.hex(), sm3: sm3.hex() };
  } catch (e) {
    await out?.close().catch(() => undefined);
    await files.unlink(dest).catch(() => undefined);
    throw toIoError(e, label);
  } finally {
    await input?.close().catch(() => undefined);
  }
}

/** Writes bytes (a tag file, metadata.xml) to a new file, fsynced, and returns their digests. */
export async function writeHashed(files: FilePort, dest: string, bytes: Uint8Array, label: string): Promise<Hashed> {
  const sha = await createHasher('sha256');
  const sm3 = await createHasher('sm3');
  sha.update(bytes);
  sm3.update(bytes);
  let out: FileHandle | null = null;
  try {
    out = await files.open(dest, 'wx', 0o644);
    for (let off = 0; off < bytes.byteLength;) off += (await out.write(bytes, off, bytes.byteLength - off, null)).bytesWritten;
    await out.sync();
    const h = out;
    out = null;
    await h.close();
  } catch (e) {
    await out?.close().catch(() => undefined);
    await files.unlink(dest).catch(() => undefined);
    throw toIoError(e, label);
  }
  return { size: bytes.byteLength, sha256: sha.hex(), sm3: sm3.hex() };
}
