import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrPageText } from '../../src/domain/ocr-text.js';
import type { RenderVolume } from '../../src/pdf/render-model.js';
import { writeVolumePdf, type WrittenVolume } from '../../src/pdf/write-volume.js';
import { qpdfCheck, run, squash } from '../pdf/helpers/tools.js';
import { scanJpeg } from '../pdf/helpers/volume.js';

// The invisible text layer on its own (no OCR engine): two JPEG scans, one upright and one stored
// sideways (EXIF orientation 6), each given recognised lines; the writer must keep the JPEG bytes as
// they are, put the words where the picture shows them, and stay a clean PDF/A file.
const dir = mkdtempSync(path.join(tmpdir(), 'jz-ocr-layer-'));
let file: string;
let written: WrittenVolume;
let upright: string;
let sideways: string;

const UPRIGHT: OcrPageText = {
  width: 620,
  height: 877,
  confidence: 91,
  lines: [
    { text: '询问笔录', bbox: [200, 60, 420, 110], confidence: 95 },
    { text: '综执询〔2024〕12号', bbox: [180, 130, 440, 160], confidence: 90 },
    { text: '问：你叫什么名字？答：我叫张三。', bbox: [60, 200, 560, 230], confidence: 88 },
  ],
};
// Displayed (after orientation 6) the page is 877 wide and 620 high.
const SIDEWAYS: OcrPageText = { width: 877, height: 620, confidence: 80, lines: [{ text: '现场检查笔录', bbox: [300, 40, 560, 90], confidence: 80 }] };

beforeAll(async () => {
  upright = await scanJpeg(path.join(dir, 'p1.jpg'), { dpi: 150, width: 620, height: 877, seed: 1 });
  const raw = await scanJpeg(path.join(dir, 'p2-raw.jpg'), { dpi: 150, width: 620, height: 877, seed: 2 });
  sideways = path.join(dir, 'p2.jpg');
  await sharp(raw).withMetadata({ orientation: 6 }).jpeg({ quality: 85 }).toFile(sideways);
  const v: RenderVolume = {
    meta: {
      title: '张三占道经营案',
      archiveCode: 'Z109-WS·2024-Y-ZF-0002',
      archiveNo: '20240002',
      retention: '30年',
      volumeLabel: '正卷',
      author: '青石镇综合行政执法大队',
      createdAt: new Date('2024-12-10T10:20:30+08:00'),
    },
    outline: [],
    pages: [
      { kind: 'scan', file: upright, label: '询问笔录', stamp: null, text: UPRIGHT },
      { kind: 'scan', file: sideways, label: '现场检查笔录', stamp: { text: '2', position: 'top-right' }, text: SIDEWAYS },
      { kind: 'scan', file: upright, label: '询问笔录（无文字层）', stamp: null },
    ],
  };
  file = path.join(dir, 'out', '正卷.pdf');
  written = await writeVolumePdf(v, { out: file, poppler: 'require' });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the OCR text layer of a volume', () => {
  it('is found by pdftotext page by page, and only where there was text', () => {
    expect(written.textPages).toBe(2);
    const p1 = squash(run('pdftotext', ['-f', '1', '-l', '1', file, '-']));
    expect(p1).toContain('询问笔录');
    expect(p1).toContain('综执询〔2024〕12号');
    expect(p1).toContain('问：你叫什么名字？答：我叫张三。');
    expect(squash(run('pdftotext', ['-f', '2', '-l', '2', file, '-']))).toContain('现场检查笔录');
    expect(squash(run('pdftotext', ['-f', '3', '-l', '3', file, '-']))).toBe('');
  });

  it('puts each line where the picture shows it (pdftotext -bbox), also on a page stored sideways', () => {
    const html = run('pdftotext', ['-bbox-layout', '-f', '1', '-l', '2', file, '-']);
    const pages = html.split('<page ').slice(1);
    const line = (page: string, first: string) => {
      const m = new RegExp(`<line xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">\\s*<word[^>]*>${first}`).exec(page);
      expect(m, `${first} on the page`).not.toBeNull();
      return m!.slice(1).map(Number);
    };
    // Page 1: 620×877 px at 150 dpi = 297.6×421 pt, centred on A4 (595.28×841.89).
    const [x0, y0, x1] = line(pages[0]!, '询问笔录');
    const ox = (595.28 - 297.6) / 2;
    const oy = (841.89 - 420.96) / 2;
    expect(x0).toBeCloseTo(ox + 200 * 0.48, 0);
    expect(x1).toBeCloseTo(ox + 420 * 0.48, 0);
    expect(y0).toBeGreaterThan(oy + 55 * 0.48);
    expect(y0).toBeLessThan(oy + 112 * 0.48);
    // Page 2 is landscape A4 as displayed; the line is near the top, left of centre.
    const [sx0, sy0] = line(pages[1]!, '现场检查笔录');
    expect(sx0).toBeGreaterThan(0);
    expect(sx0).toBeLessThan(841.89 / 2);
    expect(sy0).toBeLessThan(595.28 / 2);
  });

  it('keeps the JPEG bytes of the scans exactly (pdfimages)', () => {
    const list = run('pdfimages', ['-list', file]);
    expect(list.split('\n').filter((l) => /\bjpeg\b/.test(l))).toHaveLength(3);
    const out = path.join(dir, 'img');
    run('pdfimages', ['-all', file, out]);
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    const got = readdirSync(dir)
      .filter((f) => f.startsWith('img-'))
      .sort()
      .map((f) => sha(path.join(dir, f)));
    expect(got).toEqual([sha(upright), sha(sideways), sha(upright)]);
  });

  it('is a clean file: qpdf --check, fonts embedded with a ToUnicode map, the picture unchanged by the text', () => {
    const c = qpdfCheck(file);
    expect(c.status, c.out).toBe(0);
    const fonts = run('pdffonts', [file]);
    const glyphless = fonts.split('\n').find((l) => l.startsWith('GlyphLessFont'));
    expect(glyphless, fonts).toBeDefined();
    const cols = glyphless!.trim().split(/\s+/);
    expect(cols.slice(-5, -2)).toEqual(['yes', 'no', 'yes']);
  });
});
