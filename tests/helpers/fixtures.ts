import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { CaseInput } from '../../src/domain/case.js';

/** A scan-like page: white A5-ish paper with dark text-like bars (so it is not blank). */
export async function scanJpeg(file: string, opts: { blank?: boolean; width?: number } = {}): Promise<string> {
  const width = opts.width ?? 600;
  const height = Math.round(width * 1.414);
  const bars = opts.blank
    ? []
    : Array.from({ length: 12 }, (_, i) => ({
        input: { create: { width: Math.round(width * 0.7), height: 8, channels: 3 as const, background: '#202020' } },
        top: 60 + i * 40,
        left: 60,
      }));
  await sharp({ create: { width, height, channels: 3, background: '#fbfaf6' } })
    .composite(bars)
    .jpeg({ quality: 85 })
    .toFile(file);
  return file;
}

export async function scanPng(file: string): Promise<string> {
  await sharp({ create: { width: 400, height: 560, channels: 3, background: '#ffffff' } })
    .composite([{ input: { create: { width: 300, height: 20, channels: 3, background: '#000000' } }, top: 100, left: 50 }])
    .png()
    .toFile(file);
  return file;
}

/** A multi-page TIFF (LZW) built from `pages` JPEG-like pages. */
export async function scanTiff(file: string, pages: number): Promise<string> {
  const frames = await Promise.all(
    Array.from({ length: pages }, (_, i) =>
      sharp({ create: { width: 400, height: 560, channels: 3, background: '#ffffff' } })
        .composite([{ input: { create: { width: 300, height: 20 + i * 10, channels: 3, background: '#000000' } }, top: 100, left: 50 }])
        .raw()
        .toBuffer(),
    ),
  );
  await sharp(Buffer.concat(frames), { raw: { width: 400, height: 560 * pages, channels: 3, pageHeight: 560 } as never })
    .tiff({ compression: 'lzw' })
    .toFile(file);
  return file;
}

/** A small real PDF made with img2pdf from JPEG pages. */
export async function scanPdf(dir: string, name: string, pages: number): Promise<string> {
  const jpgs = [];
  for (let i = 0; i < pages; i++) jpgs.push(await scanJpeg(path.join(dir, `${name}-src${i}.jpg`)));
  const out = path.join(dir, name);
  execFileSync('img2pdf', ['-o', out, ...jpgs]);
  return out;
}

export function writeText(file: string, text: string): string {
  writeFileSync(file, text);
  return file;
}

export function sampleCase(over: Partial<CaseInput> = {}): CaseInput {
  return {
    caseNo: '青石综执罚立〔2024〕99号',
    title: '张某某未取得乡村建设规划许可证进行建设案',
    cause: '未取得乡村建设规划许可证进行建设',
    procedure: 'general',
    decisionNo: '青石综执罚决〔2024〕99号',
    source: '巡查发现',
    organ: '青石镇人民政府',
    unit: '青石镇综合行政执法大队',
    parties: [{ type: 'person', name: '张某某', idNumber: '41159919680314XXXX' }],
    officers: [
      { name: '李文静', certNo: '豫S11520210047', roles: ['承办人'] },
      { name: '王晓东', certNo: '豫S11520210051', roles: ['承办人'] },
    ],
    dates: { filed: '2024-03-12', decision: '2024-04-26', served: '2024-04-26', closed: '2024-12-04' },
    ...over,
  } as CaseInput;
}
