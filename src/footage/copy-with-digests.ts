import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import { toIoError } from '../archive/object-store.js';
import { tmpName } from '../archive/tmp-names.js';
import type { FilePort } from '../ports/file-port.js';
import type { DigestPool, DigestSession } from './digest-pool.js';
import { SNIFF_BYTES } from './media-sniff.js';

export interface CopiedFile {
  /** The copy under tmp/, fsynced. */
  path: string;
  size: number;
  sha256: string;
  sm3: string;
  /** The first bytes, for content sniffing without a second read of the source. */
  head: Uint8Array;
}

export interface CopyOptions {
  files: FilePort;
  pool: DigestPool;
  source: string;
  tmpDir: string;
  /** Names the file in errors (its path on the camera). */
  label: string;
  signal?: AbortSignal;
  onBytes?: (n: number) => void;
  /** Called with the first bytes before anything else is copied; throw to refuse the file. */
  onHead?: (head: Uint8Array) => void;
  /** Start writing back to disk every this many bytes while copying (so the final fsync is short). */
  syncEveryBytes?: number;
  /** False leaves the final fsync to the caller (`fsyncFile`), so it can overlap the next file's copy. */
  fsync?: boolean;
}

/**
 * Copies a source into tmp/ with ONE read: each chunk read into a shared slot is written to the copy
 * and hashed (SHA-256 + SM3, on a worker) at the same time. The copy is fsynced; on any failure it is
 * removed and the error names the file. The source is only ever opened read-only.
 */
export async function copyWithDigests(o: CopyOptions): Promise<CopiedFile> {
  await o.files.mkdir(o.tmpDir, { recursive: true }).catch((e: unknown) => {
    throw toIoError(e, o.label);
  });
  const dest = path.join(o.tmpDir, tmpName());
  let input: FileHandle | null = null;
  let out: FileHandle | null = null;
  let session: DigestSession | null = null;
  const inflight = new Set<Promise<void>>();
  try {
    input = await o.files.open(o.source, 'r');
    out = await o.files.open(dest, 'wx', 0o600);
    session = await o.pool.open(['sha256', 'sm3']);
    const s = session;
    const w = out;
    let pos = 0;
    let head: Uint8Array | null = null;
    let firstError: unknown = null;
    let syncing: Promise<void> | null = null;
    let sinceSync = 0;
    for (;;) {
      if (o.signal?.aborted) throw cancelled(o.label);
      if (firstError) throw firstError;
      const slot = await s.acquire();
      let n: number;
      try {
        n = (await input.read(slot.view, 0, slot.view.length, null)).bytesRead;
      } catch (e) {
        s.release(slot);
        throw e;
      }
      if (n === 0) {
        s.release(slot);
        break;
      }
      if (!head) {
        head = slot.view.slice(0, Math.min(n, SNIFF_BYTES));
        try {
          o.onHead?.(head);
        } catch (e) {
          s.release(slot);
          throw e;
        }
      }
      const at = pos;
      pos += n;
      const p = Promise.allSettled([writeAllAt(w, slot.view.subarray(0, n), at), s.hash(slot, n)]).then(([wr, hr]) => {
        s.release(slot);
        const err = wr.status === 'rejected' ? wr.reason : hr.status === 'rejected' ? hr.reason : null;
        if (err) firstError ??= err;
        else o.onBytes?.(n);
      });
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
      sinceSync += n;
      if (o.syncEveryBytes && sinceSync >= o.syncEveryBytes && !syncing) {
        sinceSync = 0;
        syncing = w
          .datasync()
          .catch((e: unknown) => void (firstError ??= e))
          .finally(() => (syncing = null));
      }
    }
    await Promise.all(inflight);
    if (syncing) await syncing;
    if (firstError) throw firstError;
    const d = await s.finish();
    session = null;
    if (o.fsync !== false) await w.sync();
    out = null;
    await w.close();
    const src = input;
    input = null;
    await src.close();
    return { path: dest, size: pos, sha256: d.sha256!, sm3: d.sm3!, head: head ?? new Uint8Array(0) };
  } catch (e) {
    session?.abort();
    await Promise.allSettled([...inflight]);
    await out?.close().catch(() => undefined);
    await input?.close().catch(() => undefined);
    await o.files.unlink(dest).catch(() => undefined);
    throw toIoError(e, o.label);
  }
}

/** Flushes a copy made with `fsync: false` to the disk (through the port, so a failure can be injected). */
export async function fsyncFile(files: FilePort, file: string, label: string): Promise<void> {
  let h: FileHandle | null = null;
  try {
    h = await files.open(file, 'r+');
    await h.sync();
  } catch (e) {
    await files.unlink(file).catch(() => undefined);
    throw toIoError(e, label);
  } finally {
    await h?.close().catch(() => undefined);
  }
}

/**
 * Re-reads a copy and checks its SHA-256 and size before the catalogue may record it (a write the
 * disk acknowledged but got wrong shows up here). On a mismatch the copy is removed.
 */
export async function verifyCopy(o: { files: FilePort; pool: DigestPool; copy: CopiedFile; label: string; signal?: AbortSignal }): Promise<void> {
  let actual: { sha256: string; size: number };
  try {
    actual = await digestFile(o.files, o.pool, o.copy.path, ['sha256'], o.label, o.signal).then((r) => ({ sha256: r.digests.sha256!, size: r.size }));
  } catch (e) {
    await o.files.unlink(o.copy.path).catch(() => undefined);
    throw e;
  }
  if (actual.sha256 !== o.copy.sha256 || actual.size !== o.copy.size) {
    await o.files.unlink(o.copy.path).catch(() => undefined);
    throw new AppError(
      'io_error',
      `${o.label}: the copy does not match what was read from the source (digest changed while writing)`,
      `${o.label}：写入后的副本与读取的源文件不一致（摘要不符），未入库`,
      {
        item: o.label,
      },
    );
  }
}

/** Reads a file through the port and digests it on the pool (the read of chunk n+1 overlaps hashing chunk n). */
export async function digestFile(
  files: FilePort,
  pool: DigestPool,
  file: string,
  algs: readonly ('sha256' | 'sm3')[],
  label: string,
  signal?: AbortSignal,
  onBytes?: (n: number) => void,
): Promise<{ size: number; digests: Partial<Record<'sha256' | 'sm3', string>> }> {
  let input: FileHandle | null = null;
  const session = await pool.open(algs);
  const inflight = new Set<Promise<void>>();
  try {
    input = await files.open(file, 'r');
    let size = 0;
    for (;;) {
      if (signal?.aborted) throw cancelled(label);
      const slot = await session.acquire();
      let n: number;
      try {
        n = (await input.read(slot.view, 0, slot.view.length, null)).bytesRead;
      } catch (e) {
        session.release(slot);
        throw e;
      }
      if (n === 0) {
        session.release(slot);
        break;
      }
      size += n;
      const p = session.hash(slot, n).finally(() => session.release(slot));
      inflight.add(p);
      void p.then(() => onBytes?.(n)).finally(() => inflight.delete(p));
    }
    await Promise.all(inflight);
    const digests = await session.finish();
    return { size, digests };
  } catch (e) {
    session.abort();
    await Promise.allSettled([...inflight]);
    throw toIoError(e, label);
  } finally {
    await input?.close().catch(() => undefined);
  }
}

async function writeAllAt(out: FileHandle, chunk: Uint8Array, position: number): Promise<void> {
  let off = 0;
  while (off < chunk.byteLength) {
    const { bytesWritten } = await out.write(chunk, off, chunk.byteLength - off, position + off);
    off += bytesWritten;
  }
}

export function cancelled(label: string): AppError {
  return new AppError('cancelled', `${label}: cancelled`, `${label}：已取消`, { item: label });
}
