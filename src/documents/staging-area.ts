import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { StagedUpload } from '../api/types.js';
import type { ObjectStore, StagedFile } from '../archive/object-store.js';
import { fileNameProblem } from '../domain/file-names.js';

interface Entry extends StagedFile {
  name: string;
  stagedId: string;
}

/**
 * Files a user has handed over but not yet filed: copied into tmp/uploads/ with their SHA-256, by
 * id. A document takes them with `take`; anything left is removed on the next open of the archive.
 */
export class StagingArea {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly store: ObjectStore) {}

  async fromPath(file: string): Promise<StagedUpload> {
    return this.add(path.basename(file), file);
  }

  async fromStream(name: string, body: AsyncIterable<Uint8Array>): Promise<StagedUpload> {
    return this.add(name, body);
  }
  /** Bytes sent whole by a transport (Electron IPC). */
  async fromBytes(name: string, data: Uint8Array): Promise<StagedUpload> {
    async function* one(): AsyncIterable<Uint8Array> {
      yield data;
    }
    return this.fromStream(name, one());
  }

  private async add(name: string, source: string | AsyncIterable<Uint8Array>): Promise<StagedUpload> {
    const problem = fileNameProblem(name);
    if (problem) throw new AppError('bad_file', `${JSON.stringify(name)}: ${problem[0]}`, `${JSON.stringify(name)}：${problem[1]}`, { item: name });
    const staged = await this.store.stageFrom(source, { dir: 'uploads', label: name });
    if (staged.size === 0) {
      await this.store.discard(staged.path);
      throw new AppError('bad_file', `${name}: the file is empty (0 bytes)`, `${name}：文件为空（0 字节）`, { item: name });
    }
    const stagedId = path.basename(staged.path);
    this.entries.set(stagedId, { ...staged, name, stagedId });
    return { stagedId, name, size: staged.size };
  }

  get(stagedId: string): Entry {
    const e = this.entries.get(stagedId);
    if (!e)
      throw new AppError('not_found', `upload ${stagedId} not found (expired or already used)`, `上传的文件 ${stagedId} 不存在（已过期或已使用）`, {
        item: stagedId,
      });
    return e;
  }

  forget(stagedId: string): void {
    this.entries.delete(stagedId);
  }

  async discard(stagedId: string): Promise<void> {
    const e = this.entries.get(stagedId);
    if (!e) return;
    this.entries.delete(stagedId);
    await this.store.discard(e.path);
  }
}
