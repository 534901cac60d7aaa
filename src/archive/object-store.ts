import { createHash } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { FilePort } from '../ports/file-port.js';
import { placeObject } from './durable-file.js';
import { type ArchiveLayout, objectPath } from './layout.js';
import { tmpName } from './tmp-names.js';

const CHUNK = 1024 * 1024;

export interface StagedFile {
  /** Absolute path under tmp/. */
  path: string;
  size: number;
  sha256: string;
}

export interface StoredObject {
  sha256: string;
  size: number;
  path: string;
  /** False when an identical object was already stored. */
  created: boolean;
  /** An object at the address with other content was replaced (see `placeObject`). */
  repaired: boolean;
}

/**
 * The content-addressed store. Every write goes tmp → fsync → digest check → rename
 * (src/archive/durable-file.ts); the catalogue commit comes after, so a crash leaves either nothing
 * or a complete, verified object.
 */
export class ObjectStore {
  constructor(
    private readonly layout: ArchiveLayout,
    private readonly fs: FilePort,
  ) {}

  pathOf(sha256: string): string {
    return objectPath(this.layout, sha256);
  }

  /** Copies a source into tmp/ (or tmp/uploads/), hashing on the way; the source is only read. */
  async stageFrom(
    source: string | AsyncIterable<Uint8Array>,
    opts: { dir?: 'tmp' | 'uploads'; signal?: AbortSignal; onBytes?: (n: number) => void; label?: string } = {},
  ): Promise<StagedFile> {
    const dir = opts.dir === 'uploads' ? this.layout.uploads : this.layout.tmp;
    await this.fs.mkdir(dir, { recursive: true });
    const dest = path.join(dir, tmpName());
    const label = opts.label ?? (typeof source === 'string' ? path.basename(source) : 'upload');
    const hash = createHash('sha256');
    let size = 0;
    const out = await this.fs.open(dest, 'wx', 0o600);
    try {
      if (typeof source === 'string') {
        const input = await this.openSource(source, label);
        try {
          const buf = Buffer.allocUnsafe(CHUNK);
          for (;;) {
            if (opts.signal?.aborted) throw cancelled(label);
            const { bytesRead } = await input.read(buf, 0, CHUNK, null);
            if (bytesRead === 0) break;
            const chunk = buf.subarray(0, bytesRead);
            hash.update(chunk);
            await writeAll(out, chunk);
            size += bytesRead;
            opts.onBytes?.(bytesRead);
          }
        } finally {
          await input.close();
        }
      } else {
        for await (const chunk of source) {
          if (opts.signal?.aborted) throw cancelled(label);
          hash.update(chunk);
          await writeAll(out, chunk);
          size += chunk.byteLength;
          opts.onBytes?.(chunk.byteLength);
        }
      }
      await out.sync();
    } catch (e) {
      await out.close().catch(() => undefined);
      await this.fs.unlink(dest).catch(() => undefined);
      throw toIoError(e, label);
    }
    await out.close();
    return { path: dest, size, sha256: hash.digest('hex') };
  }

  /**
   * Moves a staged file into objects/ after re-reading it and checking its digest. An object already
   * at the address is re-digested: intact, the staged copy is dropped; damaged, it is replaced.
   */
  async commit(staged: StagedFile, label: string): Promise<StoredObject> {
    const check = await this.digestFile(staged.path, label);
    if (check.sha256 !== staged.sha256 || check.size !== staged.size) {
      await this.fs.unlink(staged.path).catch(() => undefined);
      throw new AppError(
        'io_error',
        `${label}: the copy does not match the source (digest changed while writing)`,
        `${label}：写入后的副本与源文件不一致（摘要不符），未入库`,
        { item: label },
      );
    }
    const dest = this.pathOf(staged.sha256);
    try {
      const placed = await placeObject(this.fs, staged, dest, async (f) => (await this.digestFile(f, label)).sha256);
      return { sha256: staged.sha256, size: staged.size, path: dest, ...placed };
    } catch (e) {
      await this.fs.unlink(staged.path).catch(() => undefined);
      throw toIoError(e, label);
    }
  }

  /** Stores bytes (derived files such as thumbnails). */
  async putBytes(bytes: Uint8Array, label: string): Promise<StoredObject> {
    async function* one(): AsyncIterable<Uint8Array> {
      yield bytes;
    }
    const staged = await this.stageFrom(one(), { label });
    return this.commit(staged, label);
  }

  async digestFile(file: string, label: string): Promise<{ sha256: string; size: number }> {
    const input = await this.openSource(file, label);
    const hash = createHash('sha256');
    let size = 0;
    try {
      const buf = Buffer.allocUnsafe(CHUNK);
      for (;;) {
        const { bytesRead } = await input.read(buf, 0, CHUNK, null);
        if (bytesRead === 0) break;
        hash.update(buf.subarray(0, bytesRead));
        size += bytesRead;
      }
    } catch (e) {
      throw toIoError(e, label);
    } finally {
      await input.close();
    }
    return { sha256: hash.digest('hex'), size };
  }

  async discard(file: string): Promise<void> {
    await this.fs.unlink(file).catch(() => undefined);
  }

  private async openSource(file: string, label: string) {
    try {
      // A FIFO, device or socket would block the open (or never end): only regular files are read.
      if (!(await this.fs.stat(file)).isFile()) {
        throw new AppError('bad_file', `${label}: not a regular file (a folder, pipe or device)`, `${label}：不是普通文件（文件夹、管道或设备）`, {
          item: label,
        });
      }
      return await this.fs.open(file, 'r');
    } catch (e) {
      throw toIoError(e, label);
    }
  }
}

async function writeAll(out: import('node:fs/promises').FileHandle, chunk: Uint8Array): Promise<void> {
  let off = 0;
  while (off < chunk.byteLength) {
    const { bytesWritten } = await out.write(chunk, off, chunk.byteLength - off);
    off += bytesWritten;
  }
}

function cancelled(label: string): AppError {
  return new AppError('cancelled', `${label}: cancelled`, `${label}：已取消`, { item: label });
}

const IO_REASONS: Record<string, [string, string]> = {
  ENOENT: ['file not found (removed or device unplugged?)', '文件不存在（已被移除或设备已拔出？）'],
  EACCES: ['permission denied', '没有读取权限'],
  EPERM: ['operation not permitted', '操作不被允许'],
  ENOSPC: ['the disk is full', '磁盘空间已满'],
  EIO: ['input/output error (device failing or unplugged?)', '读写错误（设备故障或已拔出？）'],
  EISDIR: ['is a folder, not a file', '这是文件夹，不是文件'],
  EROFS: ['the disk or folder is read-only', '磁盘或文件夹为只读，无法写入'],
};

export function toIoError(e: unknown, label: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const [en, zh] = IO_REASONS[code] ?? [String((e as Error)?.message ?? e), `读写失败：${String((e as Error)?.message ?? e)}`];
  return new AppError('io_error', `${label}: ${en}`, `${label}：${zh}`, { item: label, details: { errno: code }, cause: e });
}
