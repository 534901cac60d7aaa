import { createHash, getHashes } from 'node:crypto';
import { createRequire } from 'node:module';
import { AppError } from '../api/errors.js';

/**
 * The digest port: SHA-256 always from Node crypto; SM3 (GB/T 32905) from Node crypto where its
 * OpenSSL lists it, else from hash-wasm — Electron's BoringSSL has no SM3 (electron #34925, #35857).
 * `JUANZONG_SM3=hash-wasm` (or `forceSm3Backend`) forces the fallback, for tests and the benchmark.
 */
export type DigestAlg = 'sha256' | 'sm3';
export type Sm3Backend = 'node' | 'hash-wasm';

export interface Hasher {
  update(chunk: Uint8Array): void;
  hex(): string;
}

let forced: Sm3Backend | null = null;

/** Forces an SM3 backend (null: choose automatically). */
export function forceSm3Backend(b: Sm3Backend | null): void {
  forced = b;
}

export function nodeHasSm3(): boolean {
  return getHashes().includes('sm3');
}

/** The SM3 backend in use: forced, then JUANZONG_SM3, then Node's when it has one. */
export function sm3Backend(): Sm3Backend {
  const want = forced ?? (process.env.JUANZONG_SM3 === 'hash-wasm' || process.env.JUANZONG_SM3 === 'node' ? process.env.JUANZONG_SM3 : null);
  if (want === 'node' && !nodeHasSm3()) {
    throw new AppError('internal', 'SM3 was forced to Node crypto, which has no SM3 in this runtime', '指定使用 Node 内置 SM3，但当前运行环境不支持 SM3');
  }
  return want ?? (nodeHasSm3() ? 'node' : 'hash-wasm');
}

/** Where hash-wasm lives (the digest workers load it by path, so it works under any loader). */
export function hashWasmPath(): string {
  return createRequire(import.meta.url).resolve('hash-wasm');
}

export async function createHasher(alg: DigestAlg, backend: Sm3Backend = sm3Backend()): Promise<Hasher> {
  if (alg === 'sha256' || backend === 'node') {
    const h = createHash(alg);
    return { update: (c) => void h.update(c), hex: () => h.digest('hex') };
  }
  const { createSM3 } = (await import('hash-wasm')) as typeof import('hash-wasm');
  const h = await createSM3();
  h.init();
  return { update: (c) => void h.update(c), hex: () => h.digest('hex') };
}

/** Digests of a buffer in this thread (small things: thumbnails, tests). */
export async function digestBytes(
  bytes: Uint8Array,
  algs: readonly DigestAlg[] = ['sha256', 'sm3'],
  backend?: Sm3Backend,
): Promise<Partial<Record<DigestAlg, string>>> {
  const out: Partial<Record<DigestAlg, string>> = {};
  for (const a of algs) {
    const h = await createHasher(a, backend);
    h.update(bytes);
    out[a] = h.hex();
  }
  return out;
}
