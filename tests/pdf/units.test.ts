import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readJpegInfo } from '../../src/pdf/jpeg-info.js';
import { placeImage, stampOperators } from '../../src/pdf/placement.js';
import { name, num, pdfDate, textString } from '../../src/pdf/pdf-syntax.js';
import { A4, type RenderPage } from '../../src/pdf/render-model.js';
import { prepareScanImage } from '../../src/pdf/scan-image.js';
import { fontPages, writeVolumePdf } from '../../src/pdf/write-volume.js';
import { tmpDir } from '../helpers/tmp.js';
import { run, wordsOnPage } from './helpers/tools.js';

describe('PDF syntax', () => {
  it('writes text strings as literal ASCII or UTF-16BE hex with a BOM, names with #xx, numbers without exponents', () => {
    expect(textString('Juanzong (v1)')).toBe('(Juanzong \\(v1\\))');
    expect(textString('案卷')).toBe('<FEFF68485377>');
    expect(textString('𠮷')).toBe('<FEFFD842DFB7>');
    expect(name('A B/档')).toBe('/A#20B#2F#E6#A1#A3');
    expect(num(1e-7)).toBe('0');
    expect(num(595.2756)).toBe('595.2756');
    expect(num(-0.00001)).toBe('0');
    expect(pdfDate(new Date('2024-12-10T10:20:30+08:00'))).toBe('(D:20241210022030Z)');
  });
});

describe('JPEG scans', () => {
  it('reads size, components, resolution (JFIF or EXIF) and orientation from the header', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.jpg');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } })
      .withMetadata({ density: 300, orientation: 6 })
      .jpeg()
      .toFile(f);
    expect(readJpegInfo(readFileSync(f))).toMatchObject({
      width: 300,
      height: 200,
      components: 3,
      precision: 8,
      huffman: true,
      orientation: 6,
      dpi: { x: 300, y: 300 },
    });
    const g = path.join(dir, 'g.jpg');
    await sharp({ create: { width: 40, height: 50, channels: 3, background: '#888' } })
      .toColourspace('b-w')
      .jpeg({ progressive: true })
      .toFile(g);
    expect(readJpegInfo(readFileSync(g))).toMatchObject({ components: 1, huffman: true, orientation: 1 });
  });

  it('converts once what a reader could not take as it is (CMYK), and passes the rest through', async () => {
    const dir = tmpDir();
    const c = path.join(dir, 'cmyk.jpg');
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c04020' } })
      .toColourspace('cmyk')
      .jpeg()
      .toFile(c);
    expect(readJpegInfo(readFileSync(c)).components).toBe(4);
    const conv = await prepareScanImage(readFileSync(c), 'cmyk');
    expect(conv.encoding).toBe('jpeg-converted');
    expect(conv.dict).toContain('/DeviceRGB');
    const rgb = path.join(dir, 'rgb.jpg');
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c04020' } })
      .jpeg()
      .toFile(rgb);
    const pass = await prepareScanImage(readFileSync(rgb), 'rgb');
    expect(pass.encoding).toBe('jpeg-passthrough');
    expect(Buffer.from(pass.data).equals(readFileSync(rgb))).toBe(true);
  });

  it('keeps a JPEG with EXIF orientation 6 byte for byte and turns it upright with the page matrix', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 'turned.jpg');
    // Stored landscape (800×566), displayed portrait after a 90° clockwise turn.
    await sharp({ create: { width: 800, height: 566, channels: 3, background: '#ffffff' } })
      .composite([{ input: { create: { width: 40, height: 566, channels: 3, background: '#000000' } }, left: 0, top: 0 }])
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toFile(f);
    const out = path.join(dir, 'o.pdf');
    await writeVolumePdf(
      {
        meta: { title: 't', archiveCode: null, archiveNo: null, retention: null, volumeLabel: 'v', author: 'a', createdAt: new Date() },
        outline: [],
        pages: [{ kind: 'scan', file: f, label: 'turned', stamp: null }],
      },
      { out, poppler: 'off' },
    );
    expect(run('pdfinfo', [out])).toMatch(/Page size:\s+595\.28 x 841\.89/);
    expect(run('pdfimages', ['-list', out])).toMatch(/800\s+566\s+rgb\s+3\s+8\s+jpeg/);
    // The black band on the stored left edge must show at the top of the displayed page.
    const png = path.join(dir, 'r');
    run('pdftoppm', ['-r', '20', '-gray', '-png', '-singlefile', out, png]);
    const { data, info } = await sharp(`${png}.png`).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const rowMean = (y: number) => data.subarray(y * info.width, (y + 1) * info.width).reduce((a, b) => a + b, 0) / info.width;
    expect(rowMean(1)).toBeLessThan(60);
    expect(rowMean(info.height - 2)).toBeGreaterThan(200);
  });
});

describe('placement and stamps', () => {
  it('puts an A4 300-dpi scan on the whole sheet and a small slip at its own size, centred', () => {
    expect(placeImage(2480, 3508, 1, { x: 300, y: 300 }).matrix.map((n) => Math.round(n))).toEqual([595, 0, 0, 842, 0, 0]);
    const slip = placeImage(600, 300, 1, { x: 300, y: 300 });
    expect(slip.pageWidth).toBe(A4.height); // landscape sheet for a landscape slip
    expect(slip.matrix[0]).toBeCloseTo(144);
    expect(slip.matrix[4]).toBeCloseTo((A4.height - 144) / 2);
    // No trustworthy resolution (72 dpi default): scaled to fit the sheet.
    expect(placeImage(1240, 1754, 1, { x: 72, y: 72 }).matrix[0]).toBeCloseTo(A4.width, 0);
  });

  it('stamps at each profile position on an A4 page', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 's.jpg');
    await sharp({ create: { width: 620, height: 877, channels: 3, background: '#ffffff' } })
      .withMetadata({ density: 75 })
      .jpeg()
      .toFile(f);
    const positions = ['top-right', 'top-left', 'bottom-right', 'bottom-left', 'bottom-center'] as const;
    const out = path.join(dir, 'p.pdf');
    await writeVolumePdf(
      {
        meta: { title: 't', archiveCode: null, archiveNo: null, retention: null, volumeLabel: 'v', author: 'a', createdAt: new Date() },
        outline: [],
        pages: positions.map((position, i) => ({ kind: 'scan' as const, file: f, label: position, stamp: { text: String(100 + i), position } })),
      },
      { out, poppler: 'off' },
    );
    positions.forEach((pos, i) => {
      const w = wordsOnPage(out, i + 1).find((x) => x.text === String(100 + i))!;
      const cx = (w.xMin + w.xMax) / 2;
      const cy = (w.yMin + w.yMax) / 2;
      expect(pos.startsWith('top') ? cy < 60 : cy > w.pageHeight - 60, pos).toBe(true);
      if (pos.endsWith('right')) expect(cx).toBeGreaterThan(w.pageWidth - 70);
      if (pos.endsWith('left')) expect(cx).toBeLessThan(70);
      if (pos === 'bottom-center') expect(Math.abs(cx - w.pageWidth / 2)).toBeLessThan(5);
    });
    expect(stampOperators({ text: '7', position: 'top-right' }, [0, 0, 100, 200], 90, { resource: 'F', encode: () => '<0001>', widthOf: () => 6 })).toMatch(
      /0 1 -1 0 [\d.]+ [\d.]+ Tm/,
    );
  });
});

describe('fontPages: the pages pdffonts reads to see every font of a volume once', () => {
  const sheet = { kind: 'sheet', label: 's', stamp: null } as unknown as RenderPage;
  const scan = (text: boolean): RenderPage =>
    ({
      kind: 'scan',
      file: 'x.jpg',
      label: 'p',
      stamp: null,
      ...(text ? { text: { width: 1, height: 1, confidence: 90, lines: [{ text: '字', bbox: [0, 0, 1, 1], confidence: 90 }] } } : {}),
    }) as RenderPage;
  const pdf = { kind: 'pdf', file: 'a.pdf', pageIndex: 0, label: 'p', stamp: null } as unknown as RenderPage;
  it('keeps every sheet and imported page, and the first scan with and without a text layer', () => {
    // cover, 目录, 3 scans with text, 2 without, an imported PDF page, 2 scans with text, 备考表
    const pages = [sheet, sheet, scan(true), scan(true), scan(true), scan(false), scan(false), pdf, scan(true), scan(true), sheet];
    expect(fontPages(pages)).toEqual([
      [1, 3],
      [6, 6],
      [8, 8],
      [11, 11],
    ]);
  });
  it('is every page of a volume of sheets only, as one range', () => {
    expect(fontPages([sheet, sheet, sheet])).toEqual([[1, 3]]);
  });
});
