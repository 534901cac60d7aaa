/**
 * dossier.export end to end over a real archive (SQLite catalogue, stored scans, ingested footage):
 * a sealed case exports to PDF/A-2b volumes and a 移交包 that qpdf, poppler and sha256sum accept; an
 * unsealed case, a cancel and an undecodable stored scan all leave nothing behind.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgressEvent } from '../../src/api/events.js';
import { verifyBag } from '../../src/export/verify-bag.js';
import { DocumentRepo } from '../../src/storage/repos/document-repo.js';
import { tmpDir } from '../helpers/tmp.js';
import { qpdfCheck, run, squash } from '../pdf/helpers/tools.js';
import { ARCHIVE_NAME, buildExportArchive, type ExportFixture } from './dossier-export-fixture.js';

let fx: ExportFixture;
let root: string;

beforeAll(async () => {
  // Not tmpDir(): that one is emptied after every test, and the archive serves the whole file.
  root = execFileSync('mktemp', ['-d', '/tmp/jz-export-XXXXXX'], { encoding: 'utf8' }).trim();
  fx = await buildExportArchive(root, { footage: true });
}, 240_000);

afterAll(async () => {
  await fx?.core.close();
  execFileSync('rm', ['-rf', root]);
});

/** Everything under a folder, hidden entries included. */
const listing = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : []);

describe('dossier.export', () => {
  it('writes the sealed dossier as PDF/A-2b volumes and a BagIt 移交包, read back and audited', async () => {
    const out = path.join(tmpDir(), 'exports');
    const events: JobProgressEvent[] = [];
    const off = fx.core.subscribe((e) => e.type === 'job.progress' && e.op === 'dossier.export' && events.push(e));
    const r = await fx.call('dossier.export', { caseId: fx.caseId, out, package: true, jobId: 'export-test-0001' });
    off();

    const view = await fx.call('dossier.get', { caseId: fx.caseId });
    const code = view.version!.archiveCode!;
    expect(r).toMatchObject({ caseNo: fx.caseNo, archiveCode: code, versionNo: 1, folder: path.join(out, code) });
    expect(readdirSync(out).sort()).toEqual([code, `${code}-移交包`]);
    expect(r.volumes).toHaveLength(view.pages.volumes.length);
    expect(r.pages).toBe(view.pages.volumes.reduce((n, v) => n + v.pages.length, 0));

    for (const v of r.volumes) {
      expect(existsSync(v.path)).toBe(true);
      expect(qpdfCheck(v.path).status).toBe(0);
      expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [v.path]))?.[1])).toBe(v.pages);
      const fonts = run('pdffonts', [v.path]).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f.split(/\s+/).at(-5), f).toBe('yes');
      expect(v.sha256).toBe(run('sha256sum', [v.path]).split(' ')[0]);
      expect(v.sm3).toMatch(/^[0-9a-f]{64}$/);
      expect(v.popplerChecked).toBe(true);
      // A single volume has no label: its cover shows no empty "（）".
      const cover = squash(run('pdftotext', ['-f', '1', '-l', '1', v.path, '-']));
      expect(cover).not.toContain('（）');
      expect(cover).toContain(squash(view.bound.title));
      expect(run('pdfinfo', [v.path])).toContain(ARCHIVE_NAME);
    }

    // The 移交包: sha256sum -c from inside the bag, our own full check, the footage and metadata.
    const bag = r.package!;
    expect(bag).toMatchObject({ folder: path.join(out, `${code}-移交包`), verified: true, footage: 3, footageMissing: [] });
    execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bag.folder });
    execFileSync('sha256sum', ['-c', '--quiet', 'tagmanifest-sha256.txt'], { cwd: bag.folder });
    expect(await verifyBag(bag.folder)).toMatchObject({ ok: true, problems: [] });
    expect(readFileSync(path.join(bag.folder, 'bag-info.txt'), 'utf8')).toContain(`Payload-Oxum: ${bag.payloadOxum}`);
    const data = listing(path.join(bag.folder, 'data'));
    expect(data.filter((f) => f.startsWith('footage/'))).toHaveLength(3);
    expect(data).toContain(`volumes/${r.volumes[0]!.file}`);
    const xml = readFileSync(path.join(bag.folder, 'data', 'metadata.xml'), 'utf8');
    expect(xml).toContain(`caseNo="${fx.caseNo}"`);
    expect(xml).toContain('action="dossier.seal"');
    expect(xml).toContain('action="document.add"');
    expect((xml.match(/<avItem /g) ?? []).length).toBe(3);
    // The PDFs in the bag are the exported ones.
    for (const v of r.volumes) expect(readFileSync(path.join(bag.folder, 'data', 'volumes', v.file)).equals(readFileSync(v.path))).toBe(true);

    // Progress: pages then package files, counted up to the total, ending done.
    expect(events.length).toBeGreaterThan(r.pages);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ jobId: 'export-test-0001', state: 'done' });
    expect(last.itemsDone).toBe(last.itemsTotal);
    expect(last.itemsTotal).toBe(r.pages + r.volumes.length + 3 + 1);

    // Audited with paths and digests; the chain still verifies.
    const audit = await fx.call('audit.list', { targetType: 'dossier', targetId: String(r.dossierId) }, fx.tokens.admin);
    const entry = audit.find((a) => a.action === 'dossier.export');
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).toContain(r.volumes[0]!.sha256);
    expect(JSON.stringify(entry)).toContain(bag.payloadOxum);
    expect((await fx.call('audit.verify', {})).ok).toBe(true);

    // The same export again is refused (nothing is overwritten), naming the folder.
    const again = await fx.attempt('dossier.export', { caseId: fx.caseId, out, package: false });
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate', item: path.join(out, code) } });
  }, 120_000);

  it('refuses an unsealed case by its 案号, a relative folder and a read-only role, writing nothing', async () => {
    const base = tmpDir();
    const out = path.join(base, 'exports');
    const r = await fx.attempt('dossier.export', { caseId: fx.unsealedCaseId, out, package: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', item: fx.unsealedCaseNo } });
    if (!r.ok) {
      expect(r.error.messageZh).toContain('请先归档');
      expect(r.error.messageZh).toContain(fx.unsealedCaseNo);
      expect(r.error.message).toContain('not sealed');
    }
    const rel = await fx.attempt('dossier.export', { caseId: fx.caseId, out: 'exports', package: false });
    expect(rel).toMatchObject({ ok: false, error: { code: 'invalid_input', item: 'out' } });
    const inspector = await fx.attempt('dossier.export', { caseId: fx.caseId, out, package: false }, fx.tokens.inspector);
    expect(inspector).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const both = await fx.attempt('dossier.export', { caseId: fx.caseId, dossierId: 1, out, package: false });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(listing(base)).toEqual([]);

    // 领导 may export (by dossier id).
    const view = await fx.call('dossier.get', { caseId: fx.caseId });
    const ok = await fx.call('dossier.export', { dossierId: view.dossierId!, out, package: false }, fx.tokens.supervisor);
    expect(ok.package).toBeNull();
    expect(readdirSync(out)).toEqual([view.version!.archiveCode!]);
  }, 60_000);

  it('cancelled while writing pages, or while writing the package: nothing is left', async () => {
    for (const phase of ['pages', 'package'] as const) {
      const base = tmpDir();
      const out = path.join(base, 'exports');
      const jobId = `export-cancel-${phase}`;
      let pageTotal = Infinity;
      const off = fx.core.subscribe((e) => {
        if (e.type !== 'job.progress' || e.jobId !== jobId || e.state !== 'running') return;
        if (phase === 'pages' ? e.itemsDone === 2 : e.itemsDone === pageTotal + 1) void fx.call('job.cancel', { jobId });
      });
      const view = await fx.call('dossier.get', { caseId: fx.caseId });
      pageTotal = view.pages.volumes.reduce((n, v) => n + v.pages.length, 0);
      const r = await fx.attempt('dossier.export', { caseId: fx.caseId, out, package: true, jobId });
      off();
      expect(r, phase).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(listing(base), phase).toEqual([]);
    }
  }, 120_000);

  it('a stored scan that cannot be decoded fails the export naming the document, leaving nothing', async () => {
    const view = await fx.call('dossier.get', { caseId: fx.caseId });
    const page = view.pages.volumes[0]!.pages.find((p) => p.kind === 'document' && p.document.pagesInDocument === 1)!;
    if (page.kind !== 'document') throw new Error('no document page');
    const docs = new DocumentRepo(fx.core.archive.db);
    const file = fx.core.archive.store.pathOf(docs.files(page.document.documentId)[0]!.sha256);
    const original = readFileSync(file);
    chmodSync(file, 0o644);
    writeFileSync(file, Buffer.concat([original.subarray(0, 2), Buffer.from('this is not the rest of a JPEG image '.repeat(20))]));
    try {
      const base = tmpDir();
      const out = path.join(base, 'exports');
      const r = await fx.attempt('dossier.export', { caseId: fx.caseId, out, package: true });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_file' } });
      if (!r.ok) {
        expect(r.error.item).toContain(page.document.title);
        expect(r.error.messageZh).toContain(page.document.title);
      }
      expect(listing(base)).toEqual([]);
    } finally {
      writeFileSync(file, original);
      chmodSync(file, 0o444);
    }
  }, 60_000);
});
