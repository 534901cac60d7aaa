import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderVolume } from '../../src/pdf/render-model.js';
import { writeVolumePdf, type WrittenVolume } from '../../src/pdf/write-volume.js';
import { qpdfCheck, qpdfJson, run, squash, wordsOnPage } from './helpers/tools.js';
import { embeddedFontPdf, sampleVolume, STATEMENT, unembeddedFontPdf } from './helpers/volume.js';

// One volume with every kind of page (cover, 目录, JPEG/grey JPEG/PNG/TIFF scans, a good imported PDF,
// an imported PDF with an unembedded font, an AV sheet with a contact sheet, 备考表), written once
// and then read back with qpdf and poppler. The folder outlives the per-test cleanup on purpose.
const dir = mkdtempSync(path.join(tmpdir(), 'jz-pdf-export-'));
let volume: RenderVolume;
let written: WrittenVolume;
let file: string;

beforeAll(async () => {
  const imported = await embeddedFontPdf(path.join(dir, 'imported.pdf'));
  const bad = await unembeddedFontPdf(path.join(dir, 'helvetica.pdf'));
  volume = await sampleVolume(dir, { importedPdf: imported, badPdf: bad });
  file = path.join(dir, 'out', '正卷.pdf');
  written = await writeVolumePdf(volume, { out: file, poppler: 'require', sm3: true });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an exported volume', () => {
  it('passes qpdf --check and has the pages, no encryption, PDF 1.7', () => {
    const c = qpdfCheck(file);
    expect(c.status, c.out).toBe(0);
    expect(c.out).toContain('No syntax or stream encoding errors');
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/^Pages:\s+10$/m);
    expect(info).toMatch(/^Encrypted:\s+no$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^JavaScript:\s+no$/m);
    expect(written.pages).toBe(10);
    expect(readdirSync(path.dirname(file))).toEqual(['正卷.pdf']);
  });

  it('reports digests that match the file, and its own read-back and poppler agree', () => {
    const bytes = readFileSync(file);
    expect(written.bytes).toBe(bytes.length);
    expect(written.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(written.sm3).toBe(createHash('sm3').update(bytes).digest('hex'));
    expect(written.check.pages).toBe(10);
    expect(written.check.sha256).toBe(written.sha256);
    expect(written.check.poppler?.pages).toBe(10);
  });

  it('embeds every font as a subset with a ToUnicode map (pdffonts)', () => {
    const lines = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) {
      const cols = l.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      expect({ font: cols[0], emb, sub, uni }).toEqual({ font: cols[0], emb: 'yes', sub: 'yes', uni: 'yes' });
      expect(cols[0]).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)SC-/);
    }
    expect(lines.join('\n')).toContain('NotoSerifSC-Regular');
    expect(lines.join('\n')).toContain('NotoSansSC-Bold');
  });

  it('gives the Chinese text back through pdftotext', () => {
    const text = squash(run('pdftotext', [file, '-']));
    expect(text).toContain(squash(STATEMENT));
    // A 目录 cell that wraps comes back line by line, interleaved with its neighbours: check the lines.
    for (const s of [
      '行政执法案卷',
      '张某某未取得乡村建设规划许可证进行建设案',
      '卷内文件目录',
      '青石综执罚决',
      '〔2024〕99号',
      '行政处罚决定书',
      '视听资料证据',
      '当事人未取得乡村建设规划许可证进行建设的事实',
      '卷内备考表',
      '立卷人',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('has XMP claiming PDF/A-2b with the extension schema, agreeing with the Info dictionary', () => {
    const { objects, trailer } = qpdfJson(file);
    const obj = (r: unknown) => objects[`obj:${String(r)}`]!;
    const info = obj(trailer['/Info']).value as Record<string, string>;
    const root = obj(trailer['/Root']).value as Record<string, unknown>;
    const xmp = Buffer.from(obj(root['/Metadata']).stream!.data!, 'base64').toString('utf8');
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toContain('<pdfaSchema:prefix>jz</pdfaSchema:prefix>');
    for (const p of ['archiveCode', 'archiveNo', 'retention', 'volume']) expect(xmp).toContain(`<pdfaProperty:name>${p}</pdfaProperty:name>`);
    expect(xmp).toContain('<jz:archiveCode>Z109-WS·2024-Y-ZF-0001</jz:archiveCode>');
    expect(xmp).toContain('<jz:retention>永久</jz:retention>');
    const x = (tag: string) => new RegExp(`<${tag}>(?:<rdf:(?:Alt|Seq)><rdf:li[^>]*>)?([^<]*)<`).exec(xmp)?.[1];
    expect(info['/Title']).toBe('u:张某某未取得乡村建设规划许可证进行建设案');
    expect(x('dc:title')).toBe('张某某未取得乡村建设规划许可证进行建设案');
    expect(info['/Author']).toBe(`u:${x('dc:creator')}`);
    expect(info['/Subject']).toBe(`u:${x('dc:description')}`);
    expect(info['/Keywords']).toBe(`u:${x('pdf:Keywords')}`);
    expect(info['/Producer']).toBe(`u:${x('pdf:Producer')}`);
    expect(info['/Creator']).toBe(`u:${x('xmp:CreatorTool')}`);
    const pdfDate = (s: string) => {
      const m = /D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z/.exec(s)!;
      return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
    };
    expect(pdfDate(info['/CreationDate']!)).toBe(x('xmp:CreateDate'));
    expect(pdfDate(info['/ModDate']!)).toBe(x('xmp:ModifyDate'));
    expect(x('xmp:CreateDate')).toBe('2024-12-10T02:20:30Z');
  });

  it('has an sRGB output intent, a trailer ID, and nothing PDF/A forbids', () => {
    const { objects, trailer } = qpdfJson(file);
    const root = objects[`obj:${String(trailer['/Root'])}`]!.value as Record<string, unknown>;
    const intents = root['/OutputIntents'] as Record<string, unknown>[];
    expect(intents).toHaveLength(1);
    expect(intents[0]!['/S']).toBe('/GTS_PDFA1');
    expect(intents[0]!['/OutputConditionIdentifier']).toBe('u:sRGB IEC61966-2.1');
    const icc = objects[`obj:${String(intents[0]!['/DestOutputProfile'])}`]!.stream!;
    expect(icc.dict['/N']).toBe(3);
    const profile = Buffer.from(icc.data!, 'base64');
    expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(profile.equals(readFileSync(path.join(process.cwd(), 'resources/icc/sRGB.icc')))).toBe(true);
    const id = trailer['/ID'] as string[];
    expect(id).toHaveLength(2);
    expect(id[0]).toMatch(/^b:[0-9a-f]{32}$/);
    expect(trailer['/Encrypt']).toBeUndefined();
    const all = JSON.stringify(Object.values(objects).map((o) => o.value ?? o.stream?.dict));
    for (const bad of ['/JavaScript', '/JS', '/Launch', '/EmbeddedFile', '/EmbeddedFiles', '/LZWDecode', '/AA', '/OpenAction', '/Encrypt'])
      expect(all).not.toContain(`"${bad}"`);
  });

  it('has one bookmark per 目录 row, opening the row’s first page', () => {
    const { objects, trailer } = qpdfJson(file);
    const get = (r: unknown) => objects[`obj:${String(r)}`]!.value as Record<string, unknown>;
    const root = get(trailer['/Root']);
    const pages = (get(root['/Pages'])['/Kids'] as string[]).map(String);
    const titles: string[] = [];
    for (let item = get(get(root['/Outlines'])['/First']); ;) {
      titles.push(String(item['/Title']).replace(/^u:/, ''));
      const dest = item['/Dest'] as string[];
      expect(pages.indexOf(String(dest[0]))).toBe(volume.outline[titles.length - 1]!.pageIndex);
      if (!item['/Next']) break;
      item = get(item['/Next']);
    }
    expect(titles).toEqual(volume.outline.map((o) => o.title));
    expect(root['/PageMode']).toBe('/UseOutlines');
  });

  it('carries JPEG scans byte for byte (pdfimages -list shows jpeg; the extracted bytes are the file)', () => {
    const list = run('pdfimages', ['-list', file]).split('\n').slice(2).filter(Boolean);
    const page3 = list.find((l) => l.trim().startsWith('3 '))!;
    expect(page3.split(/\s+/)).toContain('jpeg');
    const out = path.join(dir, 'extract');
    run('pdfimages', ['-j', '-f', '3', '-l', '4', file, out]);
    const extracted = readdirSync(dir)
      .filter((f) => f.startsWith('extract') && f.endsWith('.jpg'))
      .sort();
    expect(extracted).toHaveLength(2);
    const pages = volume.pages.slice(2, 4) as { file: string }[];
    extracted.forEach((f, i) => expect(readFileSync(path.join(dir, f)).equals(readFileSync(pages[i]!.file))).toBe(true));
    // The two JPEG scans and the rasterised page (pdftoppm's JPEG); the contact sheet is part of a sheet.
    expect(written.images).toEqual({ 'jpeg-passthrough': 3, 'jpeg-converted': 0, 'flate-lossless': 2 });
  });

  it('embeds PNG and TIFF scans losslessly', async () => {
    const out = path.join(dir, 'lossless');
    run('pdfimages', ['-png', '-f', '5', '-l', '6', file, out]);
    const got = readdirSync(dir)
      .filter((f) => f.startsWith('lossless') && f.endsWith('.png'))
      .sort();
    expect(got).toHaveLength(2);
    const sources = (volume.pages.slice(4, 6) as { file: string }[]).map((p) => p.file);
    for (let i = 0; i < 2; i++) {
      const a = await sharp(sources[i]!).removeAlpha().toColourspace('srgb').raw().toBuffer();
      const b = await sharp(path.join(dir, got[i]!)).removeAlpha().toColourspace('srgb').raw().toBuffer();
      expect(b.equals(a)).toBe(true);
    }
  });

  it('stamps every numbered page at its position, and nothing on the unnumbered sheets', () => {
    volume.pages.forEach((p, i) => {
      const words = wordsOnPage(file, i + 1);
      const stamp = words.find((w) => p.stamp && w.text === p.stamp.text && w.yMin < 70 && w.xMax > w.pageWidth - 70);
      if (p.stamp) expect(stamp, `page ${i + 1}`).toBeDefined();
    });
    // The imported img2pdf page is not A4: the stamp follows its own size.
    const imported = wordsOnPage(file, 7);
    expect(imported.find((w) => w.text === '5')!.xMax).toBeGreaterThan(imported[0]!.pageWidth - 40);
  });

  it('carries a sound imported PDF over as a page and rasterises the one with an unembedded font, saying so in the 备考表', () => {
    expect(written.rasterised.map((r) => r.label)).toEqual(['收据（PDF）']);
    expect(written.rasterised[0]!.reasons[0]!.en).toContain('not embedded');
    const text = squash(run('pdftotext', [file, '-']));
    expect(text).toContain('第6页（收据（PDF），原PDF第1页）因字体未嵌入（Helvetica），已按300dpi转为图像');
    expect(run('pdffonts', [file])).not.toContain('Helvetica');
    // The carried-over page keeps its own image (img2pdf's ICC-based JPEG), not a rendering of it.
    const list = run('pdfimages', ['-list', '-f', '7', '-l', '7', file]);
    expect(list).toMatch(/\bicc\b/);
  });
});
