import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.js';
import { archiveLayout } from '../../src/archive/layout.js';
import { ObjectStore } from '../../src/archive/object-store.js';
import { type FilePort, nodeFilePort } from '../../src/ports/file-port.js';
import { tmpDir } from '../helpers/tmp.js';

function failingPort(on: 'write' | 'read' | 'rename', code: string, afterBytes = 0, readTarget = ''): FilePort {
  const err = () => Object.assign(new Error(`${code}: injected`), { code });
  return {
    ...nodeFilePort,
    async open(p, flags, mode) {
      const h = await nodeFilePort.open(p, flags, mode);
      let seen = 0;
      if (on === 'write' && flags === 'wx') {
        const write = h.write.bind(h) as (b: Uint8Array, o: number, l: number) => Promise<{ bytesWritten: number }>;
        (h as unknown as { write: typeof write }).write = async (b, o, l) => {
          seen += l;
          if (seen > afterBytes) throw err();
          return write(b, o, l);
        };
      }
      if (on === 'read' && flags === 'r' && p === readTarget) {
        const read = h.read.bind(h) as (b: Buffer, o: number, l: number, pos: null) => Promise<{ bytesRead: number }>;
        (h as unknown as { read: typeof read }).read = async (b, o, l, pos) => {
          if (seen >= afterBytes) throw err();
          const r = await read(b, o, l, pos);
          seen += r.bytesRead;
          return r;
        };
      }
      return h;
    },
    async rename(a, b) {
      if (on === 'rename') throw err();
      return nodeFilePort.rename(a, b);
    },
  };
}

const SRC_NAME = '询问笔录 第1页.jpg';

function setup(port: FilePort = nodeFilePort, srcDir = tmpDir()) {
  const layout = archiveLayout(path.join(tmpDir(), 'a'));
  const src = path.join(srcDir, SRC_NAME);
  const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
  bytes.write('scan', 100);
  writeFileSync(src, bytes);
  return { layout, src, bytes, store: new ObjectStore(layout, port) };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const leftovers = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f !== 'uploads')
    : [];

describe('object store', () => {
  it('stores a copy byte for byte under its SHA-256, read-only, and never touches the source', async () => {
    const { layout, src, bytes, store } = setup();
    const srcMode = statSync(src).mode;
    const staged = await store.stageFrom(src);
    const obj = await store.commit(staged, 'x');
    expect(obj).toMatchObject({ sha256: sha(bytes), size: bytes.length, created: true });
    expect(readFileSync(obj.path).equals(bytes)).toBe(true);
    expect(statSync(obj.path).mode & 0o777).toBe(0o444);
    expect(statSync(src).mode).toBe(srcMode);
    expect(leftovers(layout.tmp)).toEqual([]);
    // The same content again is not stored twice.
    const again = await store.commit(await store.stageFrom(src), 'x');
    expect(again.created).toBe(false);
    expect(leftovers(layout.tmp)).toEqual([]);
  });

  it.each([
    ['write', 'ENOSPC', /磁盘空间已满/],
    ['read', 'EIO', /读写错误（设备故障或已拔出？）/],
    ['read', 'ENOENT', /文件不存在（已被移除或设备已拔出？）/],
  ] as const)('names the file when a %s fails with %s, and leaves nothing behind', async (on, code, zh) => {
    const srcDir = tmpDir();
    const { layout, src, store } = setup(failingPort(on, code, 1024 * 1024, path.join(srcDir, SRC_NAME)), srcDir);
    const e = await store.stageFrom(src).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).messageZh).toMatch(zh);
    expect((e as AppError).messageZh.startsWith('询问笔录 第1页.jpg：')).toBe(true);
    expect(leftovers(layout.tmp)).toEqual([]);
    expect(leftovers(layout.objects)).toEqual([]);
  });

  it('refuses to file a staged copy whose bytes changed after staging', async () => {
    const { layout, src, store } = setup();
    const staged = await store.stageFrom(src);
    writeFileSync(staged.path, 'tampered');
    const e = await store.commit(staged, 'scan.jpg').catch((x: unknown) => x);
    expect((e as AppError).messageZh).toMatch(/摘要不符/);
    expect(leftovers(layout.objects)).toEqual([]);
  });

  it('leaves no object when the final rename fails', async () => {
    const { layout, src, store } = setup(failingPort('rename', 'EIO'));
    const staged = await store.stageFrom(src);
    await expect(store.commit(staged, 'scan.jpg')).rejects.toThrow();
    expect(leftovers(layout.objects).filter((f) => !statSync(path.join(layout.objects, f)).isDirectory())).toEqual([]);
  });
});
