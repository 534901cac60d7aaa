import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FilePort, nodeFilePort } from '../../src/ports/file-port.js';
import { buildExportArchive, type ExportFixture } from './dossier-export-fixture.js';

/**
 * Faults injected through the FilePort reach the export: the volumes, the 移交包 and the final
 * rename all go through the archive's port (src/archive/durable-file.ts), so a full disk or a
 * read-only folder under the export location fails the export naming the file, and leaves nothing.
 */
type Fault = 'none' | 'full' | 'readonly';
let fault: Fault = 'none';
/** Which paths the fault hits (the export location, or only the package being built). */
let faulty: (p: string) => boolean = () => false;
const inside = (root: string) => (p: string) => p === root || p.startsWith(root + path.sep);

const err = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const writes = (flags: string) => /[wa+]/.test(flags);

/** A disk that fills up: opening works, every write under the export folder fails with ENOSPC. */
function fullDisk(h: FileHandle): FileHandle {
  const fail = async (): Promise<never> => {
    throw err('ENOSPC');
  };
  for (const m of ['write', 'writev', 'writeFile', 'appendFile'] as const) (h as unknown as Record<string, unknown>)[m] = fail;
  return h;
}

const port: FilePort = {
  ...nodeFilePort,
  async open(p, flags, mode) {
    if (fault === 'readonly' && faulty(p) && writes(flags)) throw err('EROFS');
    const h = await nodeFilePort.open(p, flags, mode);
    return fault === 'full' && faulty(p) && writes(flags) ? fullDisk(h) : h;
  },
  async mkdir(p, o) {
    if (fault === 'readonly' && faulty(p)) throw err('EROFS');
    return nodeFilePort.mkdir(p, o);
  },
  async rename(a, b) {
    if (fault === 'readonly' && faulty(b)) throw err('EROFS');
    return nodeFilePort.rename(a, b);
  },
};

let root = '';
let fx: ExportFixture;

beforeAll(async () => {
  root = execFileSync('mktemp', ['-d', '/tmp/jz-export-faults-XXXXXX'], { encoding: 'utf8' }).trim();
  fx = await buildExportArchive(root, { footage: false, files: port });
}, 240_000);

afterAll(async () => {
  await fx?.core.close();
  execFileSync('rm', ['-rf', root]);
});

const exportEntries = () => fx.core.archive.audit.list({ limit: 1000 }).filter((e) => e.action === 'dossier.export').length;

describe('dossier export under injected faults', () => {
  it('a full disk fails the export naming the volume file; nothing is left and nothing is audited', async () => {
    const out = path.join(root, 'full');
    faulty = inside(out);
    fault = 'full';
    const before = exportEntries();
    const r = await fx.attempt('dossier.export', { caseId: fx.caseId, out, package: true });
    fault = 'none';
    expect(r).toMatchObject({ ok: false, error: { code: 'io_error' } });
    if (!r.ok) {
      expect(r.error.messageZh).toMatch(/\.pdf：磁盘空间已满$/);
      expect(r.error.message).toMatch(/\.pdf: the disk is full$/);
    }
    // The export folder it created is removed again: no hidden .part, no half bag.
    expect(existsSync(out)).toBe(false);
    expect(exportEntries()).toBe(before);
  }, 120_000);

  it('a read-only export location is refused naming the folder; after the fault the same export succeeds', async () => {
    const out = path.join(root, 'readonly');
    faulty = inside(out);
    fault = 'readonly';
    const r = await fx.attempt('dossier.export', { caseId: fx.caseId, out, package: false });
    fault = 'none';
    expect(r).toMatchObject({ ok: false, error: { code: 'io_error', item: out } });
    if (!r.ok) expect(r.error.messageZh).toBe(`${out}：磁盘或文件夹为只读，无法写入`);
    expect(existsSync(out)).toBe(false);

    // The archive took no harm: the same export through the same port now completes and is audited.
    const before = exportEntries();
    const ok = await fx.call('dossier.export', { caseId: fx.caseId, out, package: true });
    expect(readdirSync(out).sort()).toEqual([path.basename(ok.folder), path.basename(ok.package!.folder)].sort());
    expect(ok.package?.verified).toBe(true);
    expect(exportEntries()).toBe(before + 1);
  }, 120_000);

  it('a disk that fills up while the 移交包 is written leaves neither the volumes nor the package', async () => {
    const out = path.join(root, 'bag-full');
    // Only the package's writes fail (built inside the export's hidden `.<档号>.<tmp>.part/` folder,
    // as `bag/` by way of its own `.bag.<tmp>.part`): the volumes are written first and must be removed again.
    const view = await fx.call('dossier.get', { caseId: fx.caseId });
    const work = path.join(out, `.${view.version!.archiveCode!}.`);
    faulty = (p) => p.startsWith(work) && p.includes(`${path.sep}.bag.`);
    fault = 'full';
    const r = await fx.attempt('dossier.export', { caseId: fx.caseId, out, package: true });
    fault = 'none';
    expect(r).toMatchObject({ ok: false, error: { code: 'io_error' } });
    if (!r.ok) expect(r.error.messageZh).toMatch(/磁盘空间已满$/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 120_000);
});
