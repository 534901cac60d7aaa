import type { FileHandle } from 'node:fs/promises';
import { createHasher, type DigestAlg } from '../ports/digests.js';
import type { FilePort } from '../ports/file-port.js';

/** Streams a file through the digest port (1 MiB at a time). */
export async function digestOf(files: FilePort, file: string, algs: readonly DigestAlg[]): Promise<{ size: number } & Partial<Record<DigestAlg, string>>> {
  const hashers = await Promise.all(algs.map((a) => createHasher(a)));
  let h: FileHandle | null = null;
  let size = 0;
  try {
    h = await files.open(file, 'r');
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await h.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      for (const x of hashers) x.update(buf.subarray(0, bytesRead));
      size += bytesRead;
    }
  } finally {
    await h?.close();
  }
  const out: { size: number } & Partial<Record<DigestAlg, string>> = { size };
  algs.forEach((a, i) => (out[a] = hashers[i]!.hex()));
  return out;
}
