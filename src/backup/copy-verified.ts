import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open } from 'node:fs/promises';
import path from 'node:path';

/** SHA-256 of a file, read back from the disk. */
export async function sha256OfFile(file: string, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) })) {
    h.update(chunk as Buffer);
    onBytes?.((chunk as Buffer).length);
  }
  return h.digest('hex');
}

/** Copies `from` to `to` (parents created), fsyncs it, and returns the SHA-256 read back from the copy. */
export async function copyAndDigest(from: string, to: string, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<string> {
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(from, to);
  const fd = await open(to, 'r');
  try {
    await fd.sync();
  } finally {
    await fd.close();
  }
  return sha256OfFile(to, onBytes, signal);
}
