import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderScanPages } from '../../src/demo/scan-page.js';
import { createOcrEngine, type OcrEngine } from '../../src/ocr/engine.js';
import { normaliseOcrLine } from '../../src/ocr/normalise-text.js';
import { ocrPageImage } from '../../src/ocr/page-image.js';

// Real OCR with the engine the app ships (tesseract.js + chi_sim from npm), on a page drawn the way the
// demo draws its scans, one blank page and one page stored sideways.
const dir = mkdtempSync(path.join(tmpdir(), 'jz-ocr-engine-'));
let engine: OcrEngine;
let scan: string;

beforeAll(async () => {
  engine = createOcrEngine({ workers: 1 });
  const [page] = await renderScanPages({
    kindName: '询问笔录',
    title: '关于张三占道经营的询问笔录',
    docNo: '综执询〔2024〕12号',
    responsible: '青石镇综合行政执法大队',
    date: '2024-03-13',
    body: ['问：你在这里摆摊卖水果多久了？', '答：两个月了。'],
    pages: 1,
    caseNo: '青石综执罚立〔2024〕12号',
  });
  scan = path.join(dir, 'p1.jpg');
  writeFileSync(scan, page!);
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the OCR engine', () => {
  it('reads the heading and the 文号 of a scanned page, without spaces between the characters', async () => {
    const img = await ocrPageImage(scan, 0);
    const t = await engine.recognise(img.image, img);
    const all = t.lines.map((l) => l.text).join('\n');
    expect(all).toContain('询问笔录');
    expect(all).toMatch(/张三占道经营/);
    expect(t.confidence).toBeGreaterThan(60);
    for (const l of t.lines) {
      expect(l.bbox[2]).toBeGreaterThan(l.bbox[0]);
      expect(l.bbox[3]).toBeLessThanOrEqual(t.height);
    }
  }, 120_000);

  it('finds nothing on a blank page, with confidence 0 (a page to flag)', async () => {
    const blank = path.join(dir, 'blank.png');
    await sharp({ create: { width: 600, height: 800, channels: 3, background: '#fafaf5' } })
      .png()
      .toFile(blank);
    const img = await ocrPageImage(blank, 0);
    const t = await engine.recognise(img.image, img);
    expect(t.lines.filter((l) => l.text.length > 1)).toEqual([]);
  }, 120_000);

  it('reads a page stored sideways as it is displayed, with boxes in the displayed size', async () => {
    const turned = path.join(dir, 'turned.jpg');
    // Pixels rotated a quarter turn, EXIF 6 turning them back for display.
    await sharp(scan).rotate(-90).withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toFile(turned);
    const img = await ocrPageImage(turned, 0);
    const meta = await sharp(scan).metadata();
    expect([img.width, img.height]).toEqual([meta.width, meta.height]);
    const t = await engine.recognise(img.image, img);
    expect(t.lines.map((l) => l.text).join('')).toContain('询问笔录');
  }, 120_000);
});

describe('normalising a recognised line', () => {
  it('drops the spaces between Chinese characters and keeps those between Latin words; a half-width mark after Chinese is the full-width one', () => {
    expect(normaliseOcrLine('询 问 笔 录')).toBe('询问笔录');
    expect(normaliseOcrLine('综 执 询 〔2024〕 12 号')).toBe('综执询〔2024〕12号');
    expect(normaliseOcrLine('  ZFY 5130047  ')).toBe('ZFY 5130047');
    expect(normaliseOcrLine('时间 : 2024 年 3 月')).toBe('时间：2024年3月');
  });
});
