import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKind, profileSchema } from '../../src/domain/profile.js';
import { loadSampleCases, type SampleDocument } from '../../src/demo/sample-cases.js';
import { escapeMarkup, renderScanPages, spreadLines, type ScanDocument } from '../../src/demo/scan-page.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resources = path.join(root, 'resources');
const profile = profileSchema.parse(JSON.parse(readFileSync(path.join(resources, 'profiles', 'henan-township-2016.json'), 'utf8')));
const samples = loadSampleCases(resources);

function hasChiSim(): boolean {
  try {
    return /\bchi_sim\b/.test(execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch {
    return false;
  }
}
const ocrAvailable = hasChiSim();
if (!ocrAvailable) console.warn('tesseract with chi_sim is not installed: the OCR checks in demo-scans.test.ts are skipped');

/** Whitespace removed, full-width/half-width brackets and punctuation folded, as OCR mixes them. */
function norm(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[（〈【［[{｛]/g, '(')
    .replace(/[）〉】］\]}｝]/g, ')')
    .replace(/[／]/g, '/');
}

interface Picked {
  caseNo: string;
  doc: SampleDocument;
  scan: ScanDocument;
}

function toScan(caseNo: string, d: SampleDocument): ScanDocument {
  return {
    kindName: findKind(profile, d.kind)!.name,
    title: d.title,
    docNo: d.docNo,
    responsible: d.responsible,
    date: d.date,
    body: d.body,
    pages: d.pages,
    caseNo,
  };
}

/** One document per distinct kind, taken round-robin across the five cases (14 documents). */
function pickDocuments(count: number): Picked[] {
  const seen = new Set<string>();
  const queues = samples.map((s) => s.documents.map((doc) => ({ caseNo: s.case.caseNo, doc })));
  const out: Picked[] = [];
  for (let i = 0; out.length < count && queues.some((q) => q.length > 0); i = (i + 1) % queues.length) {
    const q = queues[i]!;
    while (q.length > 0) {
      const next = q.shift()!;
      if (seen.has(next.doc.kind)) continue;
      seen.add(next.doc.kind);
      out.push({ ...next, scan: toScan(next.caseNo, next.doc) });
      break;
    }
  }
  return out;
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

async function ocr(file: string): Promise<string> {
  const { stdout } = await run('tesseract', [file, '-', '-l', 'chi_sim', '--psm', '6'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    maxBuffer: 4 * 1024 * 1024,
  });
  return stdout;
}

describe('demo scan pages', () => {
  const picked = pickDocuments(14);
  let dir = '';
  const rendered = new Map<Picked, Buffer[]>();
  let msPerPage = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'juanzong-scans-'));
    const t0 = performance.now();
    let pages = 0;
    for (const p of picked) {
      const bufs = await renderScanPages(p.scan);
      rendered.set(p, bufs);
      pages += bufs.length;
    }
    msPerPage = (performance.now() - t0) / pages;
    console.info(`rendered ${pages} pages of ${picked.length} documents, ${msPerPage.toFixed(0)} ms per page`);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('picks at least 10 documents of different kinds, incl. multi-page ones', () => {
    expect(picked.length).toBeGreaterThanOrEqual(10);
    expect(new Set(picked.map((p) => p.doc.kind)).size).toBe(picked.length);
    expect(picked.some((p) => p.doc.pages > 2)).toBe(true);
    expect(new Set(picked.map((p) => p.caseNo)).size).toBe(5);
  });

  it('renders one A4 JPEG per page at 150 dpi by default (1240×1754)', async () => {
    for (const p of picked) {
      const bufs = rendered.get(p)!;
      expect(bufs).toHaveLength(p.doc.pages);
      for (const b of bufs) {
        const meta = await sharp(b).metadata();
        expect(meta.format).toBe('jpeg');
        expect([meta.width, meta.height]).toEqual([1240, 1754]);
        expect(meta.density).toBe(150);
      }
    }
  });

  it('scales with the dpi option and is deterministic', async () => {
    const p = picked[0]!;
    const [a] = await renderScanPages(p.scan, { dpi: 100 });
    const [b] = await renderScanPages(p.scan, { dpi: 100 });
    const meta = await sharp(a!).metadata();
    expect([meta.width, meta.height]).toEqual([827, 1169]);
    expect(a!.equals(b!)).toBe(true);
  });

  it('spreads the body lines over the pages and escapes Pango markup', async () => {
    expect(spreadLines(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 3)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h'],
    ]);
    expect(spreadLines(['a'], 3)).toEqual([['a'], [], []]);
    expect(escapeMarkup('<b>A&B</b>')).toBe('&lt;b&gt;A&amp;B&lt;/b&gt;');
    const pages = await renderScanPages({
      kindName: '其他',
      title: '标记<测试> & 转义',
      body: ['含有 <span> 与 & 符号的一行', '第二行'],
      pages: 2,
      caseNo: 'T-1',
    });
    expect(pages).toHaveLength(2);
  });

  it.skipIf(!ocrAvailable)(
    'OCRs the 文书种类 heading on page 1 of every rendered document',
    async () => {
      const files = picked.map((p, i) => {
        const file = path.join(dir, `doc${String(i + 1).padStart(2, '0')}-${p.doc.kind}-p1.jpg`);
        writeFileSync(file, rendered.get(p)![0]!);
        return file;
      });
      const texts = await pool(files, 2, ocr);
      const misses = picked
        .map((p, i) => ({ kind: p.scan.kindName, text: norm(texts[i]!) }))
        .filter((r) => !r.text.includes(norm(r.kind)))
        .map((r) => `${r.kind} not found in: ${r.text.slice(0, 120)}`);
      expect(misses).toEqual([]);
    },
    180_000,
  );

  it.skipIf(!ocrAvailable)(
    'OCRs the 续页 heading on a continuation page',
    async () => {
      const p = picked.find((x) => x.doc.pages >= 3)!;
      const file = path.join(dir, `cont-${p.doc.kind}-p2.jpg`);
      writeFileSync(file, rendered.get(p)![1]!);
      const text = norm(await ocr(file));
      expect(text).toContain(norm(`续页2/${p.doc.pages}`));
    },
    60_000,
  );
});
