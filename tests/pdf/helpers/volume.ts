import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import type { PageStamp, RenderPage, RenderVolume, TocColumnSpec } from '../../../src/pdf/render-model.js';

export const TOC_COLUMNS: TocColumnSpec[] = [
  { key: 'seq', label: '序号', width: 6, align: 'center' },
  { key: 'docNo', label: '文号', width: 16 },
  { key: 'responsible', label: '责任者', width: 14 },
  { key: 'title', label: '题名', width: 30 },
  { key: 'date', label: '日期', width: 15, align: 'center' },
  { key: 'pages', label: '页号', width: 8, align: 'center' },
  { key: 'note', label: '备注', width: 7 },
];

/** Chinese text the tests read back (pdftotext, OCR). */
export const STATEMENT =
  '本卷共收录立案审批表、现场检查笔录、询问笔录、行政处罚事先告知书、行政处罚决定书及送达回证等文书，材料齐全，排列有序。' +
  '视听资料原始载体另行保存于光盘袋内，其完整性校验值见视听资料证据页。卷内无缺页、重页，页号连续。';

/** A scan-like JPEG page: off-white paper, dark text bars, some noise (so it compresses like a scan). */
export async function scanJpeg(file: string, o: { width?: number; height?: number; dpi?: number; grey?: boolean; seed?: number } = {}): Promise<string> {
  const width = o.width ?? 620;
  const height = o.height ?? Math.round(width * 1.414);
  const bars = Array.from({ length: 14 }, (_, i) => ({
    input: {
      create: {
        width: Math.round(width * (0.5 + ((i * 7 + (o.seed ?? 0)) % 5) * 0.08)),
        height: Math.max(4, Math.round(height / 120)),
        channels: 3 as const,
        background: '#202020',
      },
    },
    top: Math.round(height * 0.08) + i * Math.round(height / 18),
    left: Math.round(width * 0.1),
  }));
  let img = sharp({ create: { width, height, channels: 3, background: '#f7f5ef', noise: { type: 'gaussian', mean: 240, sigma: 6 } } }).composite(bars);
  if (o.grey) img = img.greyscale();
  await img
    .withMetadata({ density: o.dpi ?? 72 })
    .jpeg({ quality: 85 })
    .toFile(file);
  return file;
}

export async function scanPng(file: string, bilevel = false): Promise<string> {
  const base = sharp({ create: { width: 500, height: 707, channels: 3, background: '#ffffff' } }).composite([
    { input: { create: { width: 360, height: 24, channels: 3, background: '#000000' } }, top: 120, left: 70 },
  ]);
  await (bilevel ? base.greyscale().png({ colours: 2 }) : base.png()).toFile(file);
  return file;
}

export async function scanTiff(file: string): Promise<string> {
  await sharp({ create: { width: 400, height: 566, channels: 3, background: '#ffffff' } })
    .composite([{ input: { create: { width: 300, height: 30, channels: 3, background: '#000000' } }, top: 100, left: 50 }])
    .tiff({ compression: 'lzw' })
    .toFile(file);
  return file;
}

/** A born-digital PDF the way a word processor makes one, fonts embedded: passes the checks. */
export async function embeddedFontPdf(file: string, pages = 2): Promise<string> {
  const jpgs: string[] = [];
  for (let i = 0; i < pages; i++) jpgs.push(await scanJpeg(`${file}-${i}.jpg`, { seed: i, dpi: 150 }));
  execFileSync('img2pdf', ['-o', file, ...jpgs]);
  return file;
}

/** A PDF using Helvetica without embedding it: fails the PDF/A checks, must be rasterised. */
export async function unembeddedFontPdf(file: string): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const p = doc.addPage([595.28, 841.89]);
  p.drawText('Receipt 2024-03-12 No. 0047', { x: 72, y: 700, size: 18, font });
  writeFileSync(file, await doc.save());
  return file;
}

const stamp = (n: number, position: PageStamp['position'] = 'top-right'): PageStamp => ({ text: String(n), position });

/** A small volume with every kind of page. */
export async function sampleVolume(dir: string, o: { importedPdf?: string; badPdf?: string; contactSheet?: boolean } = {}): Promise<RenderVolume> {
  const j1 = await scanJpeg(path.join(dir, 'p1.jpg'), { dpi: 300, width: 620, height: 877, seed: 1 });
  const j2 = await scanJpeg(path.join(dir, 'p2.jpg'), { grey: true, seed: 2 });
  const png = await scanPng(path.join(dir, 'p3.png'));
  const tif = await scanTiff(path.join(dir, 'p4.tif'));
  const contact = o.contactSheet === false ? null : await scanJpeg(path.join(dir, 'contact.jpg'), { width: 640, height: 360, seed: 9 });
  const pdfPages: RenderPage[] = [];
  if (o.importedPdf) pdfPages.push({ kind: 'pdf', file: o.importedPdf, pageIndex: 0, label: '现场照片（PDF）', stamp: null });
  if (o.badPdf) pdfPages.push({ kind: 'pdf', file: o.badPdf, pageIndex: 0, label: '收据（PDF）', stamp: null });
  const body: RenderPage[] = [
    { kind: 'scan', file: j1, label: '立案审批表', stamp: null },
    { kind: 'scan', file: j2, label: '现场检查笔录', stamp: null },
    { kind: 'scan', file: png, label: '询问笔录', stamp: null },
    { kind: 'scan', file: tif, label: '行政处罚决定书', stamp: null },
    ...pdfPages,
    {
      kind: 'sheet',
      label: '视听资料证据',
      stamp: null,
      sheet: {
        kind: 'av',
        heading: '视听资料证据',
        title: '现场执法记录仪视频（2024年3月12日）',
        fields: [
          { label: '文件名', value: 'ZFY5130047_20240312093000_0001.MP4' },
          { label: '时长', value: '00:12:31' },
          { label: '拍摄时间', value: '2024年3月12日 09:30' },
          { label: '拍摄地点', value: '青石镇东街村三组' },
          { label: '拍摄人', value: '李文静（执法证号 豫S11520210047）' },
          { label: '证明对象', value: '当事人未取得乡村建设规划许可证进行建设的事实' },
        ],
        digests: [
          { alg: 'SM3', value: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' },
          { alg: 'SHA-256', value: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
        ],
        contactSheet: contact,
      },
    },
  ];
  body.forEach((p, i) => (p.stamp = stamp(i + 1)));
  const rows = body.map((p, i) => ({
    seq: String(i + 1),
    docNo: i === 3 ? '青石综执罚决〔2024〕99号' : '',
    responsible: '青石镇综合行政执法大队',
    title: p.label,
    date: '2024-03-12',
    pages: String(i + 1),
    note: '',
  }));
  const pages: RenderPage[] = [
    {
      kind: 'sheet',
      label: '封面',
      stamp: null,
      sheet: {
        kind: 'cover',
        heading: '行政执法案卷',
        title: '张某某未取得乡村建设规划许可证进行建设案',
        archiveCode: 'Z109-WS·2024-Y-ZF-0001',
        volumeLabel: '正卷',
        lines: [
          { label: '案号', value: '青石综执罚立〔2024〕99号' },
          { label: '办案机构', value: '青石镇综合行政执法大队' },
          { label: '立案日期', value: '2024年3月12日' },
          { label: '结案日期', value: '2024年12月4日' },
          { label: '保管期限', value: '永久' },
          { label: '归档号', value: '20240001' },
        ],
      },
    },
    {
      kind: 'sheet',
      label: '卷内文件目录',
      stamp: null,
      sheet: {
        kind: 'toc',
        heading: '卷内文件目录',
        title: '张某某未取得乡村建设规划许可证进行建设案',
        archiveCode: 'Z109-WS·2024-Y-ZF-0001',
        columns: TOC_COLUMNS,
        rows,
        page: 1,
        pages: 1,
      },
    },
    ...body,
    {
      kind: 'sheet',
      label: '卷内备考表',
      stamp: null,
      sheet: {
        kind: 'beikao',
        heading: '卷内备考表',
        title: '张某某未取得乡村建设规划许可证进行建设案',
        archiveCode: 'Z109-WS·2024-Y-ZF-0001',
        statement: STATEMENT,
        preparer: '李文静',
        preparedOn: '2024年12月10日',
        checker: '王晓东',
        checkedOn: '2024年12月11日',
      },
    },
  ];
  return {
    meta: {
      title: '张某某未取得乡村建设规划许可证进行建设案',
      archiveCode: 'Z109-WS·2024-Y-ZF-0001',
      archiveNo: '20240001',
      retention: '永久',
      volumeLabel: '正卷',
      author: '青石镇综合行政执法大队',
      createdAt: new Date('2024-12-10T10:20:30+08:00'),
    },
    outline: body.map((p, i) => ({ title: `${i + 1} ${p.label}`, pageIndex: i + 2 })),
    pages,
  };
}
