import { existsSync, readdirSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type FilePort, nodeFilePort } from '../../src/ports/file-port.js';
import { tmpDir } from '../helpers/tmp.js';
import { footageClient } from './helpers/footage-core.js';
import { makeVideo } from './helpers/media.js';

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** Wraps handles so reads / writes can fail on purpose (a root test process cannot provoke these). */
function port(o: {
  openSource?: (p: string) => string | null;
  read?: (p: string) => string | null;
  write?: (p: string, total: number) => string | null;
}): FilePort {
  let written = 0;
  return {
    ...nodeFilePort,
    async open(p, flags, mode) {
      if (flags === 'r' && o.openSource) {
        const code = o.openSource(p);
        if (code) throw errno(code);
      }
      const h = await nodeFilePort.open(p, flags, mode);
      const hh = h as unknown as Record<string, unknown>;
      if (flags === 'r' && o.read) {
        const read = h.read.bind(h) as (...a: unknown[]) => Promise<{ bytesRead: number }>;
        hh.read = async (...a: unknown[]) => {
          const code = o.read!(p);
          if (code) throw errno(code);
          return read(...a);
        };
      }
      if (flags === 'wx' && o.write) {
        const write = h.write.bind(h) as (...a: unknown[]) => Promise<{ bytesWritten: number }>;
        hh.write = async (...a: unknown[]) => {
          const code = o.write!(p, written);
          if (code) throw errno(code);
          const r = await write(...a);
          written += r.bytesWritten;
          return r;
        };
      }
      return h as FileHandle;
    },
  };
}

function camera(n: number): { root: string; names: string[] } {
  const root = path.join(tmpDir(), 'cam');
  const names = Array.from({ length: n }, (_, i) => `ZFY5130047_115007_2024031109${String(i).padStart(2, '0')}00_000${i + 1}.MP4`);
  names.forEach((name, i) => makeVideo(path.join(root, name), { seconds: 2, tag: `clip-${i}` }));
  return { root, names };
}

const leftovers = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];

function catalogueMatchesObjects(archive: string): void {
  const db = new Database(path.join(archive, 'catalog.db'), { readonly: true });
  const clips = db.prepare('SELECT sha256 FROM clips').all() as { sha256: string }[];
  db.close();
  const objects = new Set(leftovers(path.join(archive, 'objects')));
  for (const c of clips) expect(objects.has(c.sha256)).toBe(true);
  expect(objects.size).toBe(clips.length);
}

describe('faults during an ingest (injected through the file port)', () => {
  it('an unreadable file gets its own error; the others are ingested', async () => {
    const { root, names } = camera(3);
    const archive = path.join(tmpDir(), 'archive');
    const c = await footageClient(archive, { files: port({ openSource: (p) => (p.endsWith(names[1]!) ? 'EACCES' : null) }) });
    const r = await c.call('footage.ingest', { source: root, derive: 'skip' });
    expect(r.new).toBe(2);
    expect(r.errors).toEqual([{ relPath: names[1], code: 'io_error', message: `${names[1]}: permission denied`, messageZh: `${names[1]}：没有读取权限` }]);
    expect(leftovers(path.join(archive, 'tmp'))).toEqual([]);
    catalogueMatchesObjects(archive);
    await c.close();
  });

  it('a camera unplugged mid-ingest: each file left gets an error naming it; what was read completely is kept', async () => {
    const { root, names } = camera(4);
    const archive = path.join(tmpDir(), 'archive');
    let unplugged = false;
    let sourceReads = 0;
    const inSource = (p: string) => p.startsWith(root);
    const c = await footageClient(archive, {
      files: port({
        openSource: (p) => (unplugged && inSource(p) ? 'ENOENT' : null),
        read: (p) => {
          if (!inSource(p)) return null;
          if (++sourceReads === 3) unplugged = true;
          return unplugged ? 'EIO' : null;
        },
      }),
    });
    const r = await c.call('footage.ingest', { source: root, derive: 'skip' });
    expect(r.new + r.errors.length).toBe(4);
    expect(r.errors.length).toBeGreaterThanOrEqual(2);
    for (const e of r.errors) {
      expect(names).toContain(e.relPath);
      expect(e.messageZh).toMatch(/（设备故障或已拔出？）|（已被移除或设备已拔出？）/);
    }
    expect(leftovers(path.join(archive, 'tmp'))).toEqual([]);
    catalogueMatchesObjects(archive);
    await c.close();
  });

  it('a full disk stops the ingest, names the file that hit it and each file not attempted, and leaves no partial copy', async () => {
    const { root, names } = camera(4);
    const archive = path.join(tmpDir(), 'archive');
    const c = await footageClient(archive, {
      files: port({ write: (p, total) => (p.includes(`${path.sep}tmp${path.sep}`) && total > 250_000 ? 'ENOSPC' : null) }),
    });
    const r = await c.call('footage.ingest', { source: root, derive: 'skip' });
    expect(r.errors.length).toBeGreaterThanOrEqual(2);
    expect(r.new + r.errors.length).toBe(names.length);
    expect(r.errors.some((e) => /磁盘空间已满/.test(e.messageZh))).toBe(true);
    expect(
      r.errors.filter((e) => /未入库，档案库所在磁盘已满/.test(e.messageZh)).length + r.errors.filter((e) => /磁盘空间已满/.test(e.messageZh)).length,
    ).toBe(r.errors.length);
    expect(leftovers(path.join(archive, 'tmp'))).toEqual([]);
    catalogueMatchesObjects(archive);
    await c.close();
  });
});
