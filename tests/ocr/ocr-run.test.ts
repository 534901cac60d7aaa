import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput, OpName, OpOutput } from '../../src/api/contract.js';
import type { ErrorPayload } from '../../src/api/errors.js';
import { openCore } from '../../src/app-core.js';
import { renderScanPages } from '../../src/demo/scan-page.js';
import { loadSampleCases } from '../../src/demo/sample-cases.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { run, squash } from '../pdf/helpers/tools.js';

// Searchable scans end to end, through the core's own operations: a sealed case whose scans are
// drawn with the words of its documents (as the demo draws them) and one blank page; the dossier
// exported before OCR (image-only, the 备考表 says so) and after (pdftotext finds every heading).
const PASSWORD = 'secret-pass-1';
const dir = mkdtempSync(path.join(tmpdir(), 'jz-ocr-run-'));
type Core = Awaited<ReturnType<typeof openCore>>;
let core: Core;
let token = '';
let inspector = '';
let caseId = 0;
const headings: string[] = [];
let blankPageId = 0;
let textPageId = 0;
let firstBody = '';
let firstDocId = 0;
let knownFields = '';

async function attempt<N extends OpName>(
  name: N,
  input: OpInput<N>,
  t = token,
): Promise<{ ok: true; value: OpOutput<N> } | { ok: false; error: ErrorPayload }> {
  return (await core.invoke(name, input, { transport: 'direct', sessionToken: t })) as never;
}
async function call<N extends OpName>(name: N, input: OpInput<N>, t = token): Promise<OpOutput<N>> {
  const r = await attempt(name, input, t);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}
const volumeText = (file: string) => squash(run('pdftotext', [file, '-']));
/** The text of the pages that carry a picture (the scans): pdfimages -list names their pages. */
function scanPagesText(file: string): string {
  const pages = new Set(
    run('pdfimages', ['-list', file])
      .split('\n')
      .slice(2)
      .map((l) => Number(l.trim().split(/\s+/)[0]))
      .filter((n) => n > 0),
  );
  return [...pages].map((n) => squash(run('pdftotext', ['-f', String(n), '-l', String(n), file, '-']))).join('|');
}

beforeAll(async () => {
  core = await openCore({ archiveDir: path.join(dir, 'archive'), createIfMissing: true, ocr: { workers: 2 } });
  core.archive.meta.set('fonds_no', 'Z109');
  core.archive.meta.set('catalog_no', 'ZF');
  expect((await core.invoke('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD }, { transport: 'direct' })).ok).toBe(true);
  const login = async (u: string) =>
    ((await core.invoke('auth.login', { username: u, password: PASSWORD }, { transport: 'direct' })) as { ok: true; value: { token: string } }).value.token;
  token = await login('admin');
  await call('user.create', { username: 'dangan', displayName: '孙丽娟', role: 'archivist', password: PASSWORD });
  await call('user.create', { username: 'pingcha', displayName: '王评查', role: 'inspector', password: PASSWORD });
  token = await login('dangan');
  inspector = await login('pingcha');
  const sample = loadSampleCases(resourcesDir())[1]!;
  const created = await call('case.create', sample.case);
  caseId = created.id;
  const scratch = path.join(dir, 'scratch');
  mkdirSync(scratch, { recursive: true });
  let n = 0;
  for (const d of sample.documents) {
    const pages = await renderScanPages({
      kindName: d.title,
      title: d.title,
      docNo: d.docNo ?? null,
      responsible: d.responsible ?? null,
      date: d.date ?? null,
      body: d.body,
      pages: d.pages,
      caseNo: created.caseNo,
    });
    const files = [];
    for (const jpeg of pages) {
      const file = path.join(scratch, `p${++n}.jpg`);
      writeFileSync(file, jpeg);
      files.push({ stagedId: (await call('upload.stagePath', { path: file })).stagedId });
    }
    if (headings.length === 0) {
      // The first document gets a blank back page (a page to flag: nothing to read).
      const blank = path.join(scratch, 'blank.jpg');
      await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#f7f5ee' } })
        .jpeg()
        .toFile(blank);
      files.push({ stagedId: (await call('upload.stagePath', { path: blank })).stagedId });
    }
    headings.push(d.title);
    await call('document.add', {
      caseId,
      kind: d.kind,
      title: d.title,
      docNo: d.docNo ?? null,
      responsible: d.responsible ?? null,
      date: d.date ?? null,
      files,
    });
  }
  const detail = await call('case.get', { id: caseId });
  const firstDoc = detail.documents[0]!;
  firstDocId = firstDoc.id;
  firstBody = sample.documents[0]!.body.join('');
  knownFields = JSON.stringify(detail);
  textPageId = firstDoc.pages[0]!.id;
  blankPageId = firstDoc.pages[firstDoc.pages.length - 1]!.id;
  const preview = await call('dossier.preview', { caseId });
  for (const w of preview.blockers.filter((i) => i.severity === 'warning')) await call('dossier.acknowledge', { caseId, warning: w.key, reason: '测试数据' });
  await call('dossier.seal', { caseId, checker: '周立新' });
}, 240_000);
afterAll(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('OCR of scanned pages', () => {
  it('has nothing read before it runs: export is image-only and the 备考表 names the pages', async () => {
    const st = await call('ocr.status', { caseId });
    expect(st.pending).toBe(st.pages);
    expect(st.pages).toBeGreaterThan(headings.length);
    expect((await call('ocr.pageText', { pageId: textPageId })).status).toBe('pending');
    const r = await call('dossier.export', { caseId, out: path.join(dir, 'before') });
    const text = r.volumes.map((v) => volumeText(v.path)).join('');
    expect(text).toContain('文字识别（OCR）导出时尚未完成，以纯图像导出');
    // The scan pages carry nothing but their stamped page numbers.
    for (const v of r.volumes) expect(scanPagesText(v.path)).toMatch(/^[\d|]*$/);
  });

  it('is refused to an inspector (inspectors change nothing)', async () => {
    const r = await attempt('ocr.run', { caseId }, inspector);
    expect(r.ok).toBe(false);
  });

  it('can be cancelled half-way, keeps what it read, and the next run goes on from there', async () => {
    const jobId = 'ocr-cancel-0001';
    const first = core.invoke('ocr.run', { caseId, jobId }, { transport: 'direct', sessionToken: token });
    // Cancel as soon as the first page is done.
    await new Promise<void>((resolve) => {
      const off = core.subscribe((e) => {
        if (e.type === 'job.progress' && e.jobId === jobId && e.itemsDone >= 1) {
          off();
          void call('job.cancel', { jobId }).then(() => resolve());
        }
      });
    });
    const r = (await first) as { ok: true; value: OpOutput<'ocr.run'> };
    expect(r.ok).toBe(true);
    expect(r.value.cancelled).toBe(true);
    const mid = await call('ocr.status', { caseId });
    expect(mid.done + mid.failed).toBeGreaterThanOrEqual(1);
    expect(mid.pending).toBeGreaterThan(0);
    const rest = await call('ocr.run', { caseId });
    expect(rest.cancelled).toBe(false);
    expect(rest.pages).toBe(mid.pending);
    const st = await call('ocr.status', { caseId });
    expect(st.pending).toBe(0);
    // Each run is one audit entry that sums it up (the cancelled one says so).
    const runs = core.archive.db.prepare(`SELECT detail FROM audit_log WHERE action = 'ocr.run' ORDER BY seq`).all() as { detail: string }[];
    expect(runs.map((r) => JSON.parse(r.detail).cancelled)).toEqual([true, false]);
  }, 300_000);

  it('keeps each page’s text and confidence, and flags the blank page for a person to look at', async () => {
    const page = await call('ocr.pageText', { pageId: textPageId });
    expect(page.status).toBe('done');
    expect(squash(page.text)).toContain(squash(headings[0]!).slice(0, 4));
    expect(page.confidence).toBeGreaterThan(60);
    expect(page.flagged).toBe(false);
    const blank = await call('ocr.pageText', { pageId: blankPageId });
    expect(blank.flagged).toBe(true);
    const st = await call('ocr.status', { caseId });
    expect(st.flaggedPages.map((p) => p.pageId)).toContain(blankPageId);
  });

  it('exports a volume whose text pdftotext finds: each scan page’s heading, and no OCR note', async () => {
    const r = await call('dossier.export', { caseId, out: path.join(dir, 'after') });
    expect(r.volumes.map((v) => volumeText(v.path)).join('')).not.toContain('尚未完成');
    const scans = r.volumes.map((v) => scanPagesText(v.path)).join('|');
    for (const h of headings) expect(scans, h).toContain(squash(h).slice(0, 4));
  });

  it('lets the search box find a word that appears only inside a scan, and says it matched there', async () => {
    const ocrText = squash((await call('ocr.pageText', { pageId: textPageId })).text);
    // Four characters of the document's body that OCR read and that no catalogue field holds.
    const chars = [...firstBody].filter((c) => /\p{Script=Han}/u.test(c)).join('');
    let word = '';
    for (let i = 0; i + 4 <= chars.length && !word; i++) {
      const w = chars.slice(i, i + 4);
      if (ocrText.includes(w) && !knownFields.includes(w)) word = w;
    }
    expect(word, `a body word OCR read, from: ${ocrText.slice(0, 80)}`).not.toBe('');
    const r = await call('search.query', { text: word });
    const hit = r.groups.find((g) => g.kind === 'scan')!.hits.find((h) => h.kind === 'scan' && h.documentId === firstDocId && h.pageId === textPageId);
    expect(hit, word).toBeDefined();
    expect(hit!.matches.map((m) => m.field)).toEqual(['scan_text']);
    expect(hit!.matches[0]!.snippet).toContain(word);
    // Nothing else in the catalogue has it: the other kinds find nothing.
    expect(r.groups.filter((g) => g.kind !== 'scan').every((g) => g.total === 0)).toBe(true);
    // Two characters go through the per-character index of the scans.
    const short = await call('search.query', { text: word.slice(0, 2), kinds: ['scan'] });
    expect(short.mode).toBe('short');
    expect(short.groups[0]!.hits.map((h) => (h.kind === 'scan' ? h.pageId : 0))).toContain(textPageId);
  });
});
