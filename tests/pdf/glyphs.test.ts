import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RenderPage } from '../../src/pdf/render-model.js';
import { writeVolumePdf } from '../../src/pdf/write-volume.js';
import { tmpDir } from '../helpers/tmp.js';
import { noSystemFonts, run } from './helpers/tools.js';
import { sampleVolume, unembeddedFontPdf } from './helpers/volume.js';

// The glyphs must come from the embedded subsets. Poppler substitutes installed fonts for broken or
// missing ones, so every rendering here runs with fontconfig pointed at an empty font folder; the last
// test shows that this really hides the system fonts.

const LONG_STATEMENT =
  '本卷为张某某未取得乡村建设规划许可证进行建设一案的正卷，收录立案审批表、现场检查笔录、询问笔录、责令停止违法行为通知书、' +
  '行政处罚事先告知书、陈述申辩笔录、集体讨论记录、行政处罚决定书、送达回证及罚没款票据等文书。材料齐全完整，按办案程序排列，' +
  '页号连续，无缺页重页。执法记录仪视频二段另刻录于光盘，存放于卷底光盘袋内，其文件名、时长、拍摄时间地点及完整性校验值见视听资料证据页。';

/** Share of the expected Han characters (as a multiset) that the OCR text contains. */
function recall(expected: string, ocr: string): number {
  const han = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c));
  const pool = new Map<string, number>();
  for (const c of han(ocr)) pool.set(c, (pool.get(c) ?? 0) + 1);
  const want = han(expected);
  let hit = 0;
  for (const c of want) {
    const n = pool.get(c) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(c, n - 1);
    }
  }
  return hit / want.length;
}

function ocrPage(file: string, page: number, dir: string, env: NodeJS.ProcessEnv): { text: string; stderr: string } {
  const prefix = path.join(dir, `p${page}`);
  const r = spawnSync('pdftoppm', ['-r', '300', '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, prefix], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  const stderr = r.stderr;
  const text = run('tesseract', [`${prefix}.pgm`, '-', '-l', 'chi_sim', '--psm', '6'], { OMP_THREAD_LIMIT: '1' });
  return { text, stderr };
}

describe('glyphs of the embedded CJK subsets', () => {
  it('render without any system font, and tesseract reads back ≥ 95 % of each sheet’s characters', async () => {
    const dir = tmpDir();
    const v = await sampleVolume(dir, { contactSheet: false });
    const pages: RenderPage[] = v.pages.map((p) =>
      p.kind === 'sheet' && p.sheet.kind === 'beikao' ? { ...p, sheet: { ...p.sheet, statement: LONG_STATEMENT } } : p,
    );
    const file = path.join(dir, 'glyphs.pdf');
    await writeVolumePdf({ ...v, pages }, { out: file, poppler: 'off' });
    const env = noSystemFonts(dir);
    const cover = pages[0]!.kind === 'sheet' && pages[0]!.sheet.kind === 'cover' ? pages[0]!.sheet : null;
    const expected: [number, string][] = [
      [pages.length, LONG_STATEMENT + '卷内备考表本卷情况说明立卷人立卷时间检查人检查时间'],
      [1, `${cover!.heading}${cover!.title}${cover!.lines.map((l) => l.label + l.value).join('')}`],
    ];
    for (const [page, text] of expected) {
      const got = ocrPage(file, page, dir, env);
      expect(got.stderr).not.toMatch(/Couldn't find a font/);
      const r = recall(text, got.text);
      expect(r, `page ${page}: ${got.text}`).toBeGreaterThanOrEqual(0.95);
    }
  }, 120_000);

  it('the hiding works: a PDF whose font is not embedded renders no text with the system fonts hidden', async () => {
    const dir = tmpDir();
    const file = await unembeddedFontPdf(path.join(dir, 'helvetica.pdf'));
    const hidden = ocrPage(file, 1, dir, noSystemFonts(dir));
    expect(hidden.stderr).toMatch(/Couldn't find a font for 'Helvetica'/);
    expect(hidden.text).not.toMatch(/Receipt|2024/);
    const visible = run('pdftotext', [file, '-']);
    expect(visible).toContain('Receipt');
  }, 60_000);
});
