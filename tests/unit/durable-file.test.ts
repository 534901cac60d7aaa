import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.js';
import { placeObject, publish } from '../../src/archive/durable-file.js';
import { archiveLayout } from '../../src/archive/layout.js';
import { ObjectStore } from '../../src/archive/object-store.js';
import { type FilePort, nodeFilePort } from '../../src/ports/file-port.js';
import { tmpDir } from '../helpers/tmp.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f !== 'uploads') : []);

function store(port: FilePort = nodeFilePort) {
  const layout = archiveLayout(path.join(tmpDir(), 'a'));
  return { layout, store: new ObjectStore(layout, port) };
}

/** Overwrites a stored (read-only) object with other bytes, as a failing disk or a stray copy would. */
function corrupt(file: string, bytes: Uint8Array): void {
  chmodSync(file, 0o644);
  writeFileSync(file, bytes);
}

describe('one durable write path (src/archive/durable-file.ts)', () => {
  const content = Buffer.from('询问笔录 第1页 — scanned page bytes '.repeat(2000), 'utf8');

  it('the object store re-digests an object already at the address and replaces a corrupt one', async () => {
    const { layout, store: s } = store();
    const first = await s.putBytes(content, 'page-1.jpg');
    expect(first).toMatchObject({ created: true, repaired: false });
    // Same size, one byte different: only the digest can tell.
    const damaged = Buffer.from(content);
    damaged[100] = damaged[100]! ^ 0xff;
    corrupt(first.path, damaged);
    expect(sha(readFileSync(first.path))).not.toBe(first.sha256);

    const again = await s.putBytes(content, 'page-1.jpg');
    expect(again).toMatchObject({ sha256: first.sha256, path: first.path, created: false, repaired: true });
    expect(sha(readFileSync(first.path))).toBe(first.sha256);
    expect(statSync(first.path).mode & 0o777).toBe(0o444);
    expect(files(layout.tmp)).toEqual([]);

    // A truncated object (other size) is replaced as well; an intact one is kept and the copy dropped.
    corrupt(first.path, content.subarray(0, 10));
    expect(await s.putBytes(content, 'page-1.jpg')).toMatchObject({ created: false, repaired: true });
    const ino = statSync(first.path).ino;
    expect(await s.putBytes(content, 'page-1.jpg')).toMatchObject({ created: false, repaired: false });
    expect(statSync(first.path).ino).toBe(ino);
    expect(readFileSync(first.path).equals(content)).toBe(true);
    expect(files(layout.tmp)).toEqual([]);
  });

  it('placeObject: an unreadable object at the address is replaced too; a failed rename names the file and keeps the copy out of objects/', async () => {
    const dir = tmpDir();
    const dest = path.join(dir, 'objects', 'ab', 'abcdef');
    const copy = path.join(dir, 'copy');
    writeFileSync(copy, content);
    const placedFirst = await placeObject(nodeFilePort, { path: copy, sha256: sha(content), size: content.length }, dest, async () => sha(content));
    expect(placedFirst).toEqual({ created: true, repaired: false });

    writeFileSync(copy, content);
    const unreadable = async (): Promise<string> => {
      throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
    };
    expect(await placeObject(nodeFilePort, { path: copy, sha256: sha(content), size: content.length }, dest, unreadable)).toEqual({
      created: false,
      repaired: true,
    });
    expect(existsSync(copy)).toBe(false);

    const fullDisk: FilePort = {
      ...nodeFilePort,
      rename: async () => {
        throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
      },
    };
    const { layout, store: s } = store(fullDisk);
    const e = await s.putBytes(content, '询问笔录.jpg').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).messageZh).toBe('询问笔录.jpg：磁盘空间已满');
    expect(files(layout.tmp)).toEqual([]);
    const stored = existsSync(layout.objects)
      ? readdirSync(layout.objects, { recursive: true }).filter((f) => statSync(path.join(layout.objects, String(f))).isFile())
      : [];
    expect(stored).toEqual([]);
  });

  it('publish renames a finished file into place and fsyncs its folder, through the port', async () => {
    const dir = tmpDir();
    const calls: string[] = [];
    const port: FilePort = {
      ...nodeFilePort,
      rename: async (a, b) => {
        calls.push(`rename ${path.basename(a)} → ${path.basename(b)}`);
        return nodeFilePort.rename(a, b);
      },
      open: async (p, flags, mode) => {
        calls.push(`open ${p === dir ? '<folder>' : path.basename(p)} ${flags}`);
        return nodeFilePort.open(p, flags, mode);
      },
    };
    writeFileSync(path.join(dir, '.卷1.pdf.part'), 'pdf');
    await publish(port, path.join(dir, '.卷1.pdf.part'), path.join(dir, '卷1.pdf'));
    expect(calls).toEqual(['rename .卷1.pdf.part → 卷1.pdf', 'open <folder> r']);
    expect(readFileSync(path.join(dir, '卷1.pdf'), 'utf8')).toBe('pdf');
  });
});
