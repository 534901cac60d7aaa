import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.js';
import type { ReportDoc } from '../../src/pdf/report/report-model.js';
import { renderReportPdf, writeReportPdf } from '../../src/pdf/report/write-report.js';
import { type FilePort, nodeFilePort } from '../../src/ports/file-port.js';
import { tmpDir } from '../helpers/tmp.js';
import { noSystemFonts, qpdfCheck, run, squash } from './helpers/tools.js';

const LONG_REASON = '监督检查：查看执法记录仪视频，核对告知权利、出示执法证件与现场检查笔录是否一致，并记录发现的问题。';

function sampleReport(rows = 90): ReportDoc {
  return {
    title: '音像记录调阅登记表',
    subtitle: '2026年1月1日至2026年1月31日',
    author: '青石镇综合行政执法队',
    subject: '调阅登记',
    keywords: ['调阅', '登记表'],
    createdAt: new Date('2026-02-01T08:30:00Z'),
    blocks: [
      { kind: 'heading', text: '一、基本情况' },
      { kind: 'paragraph', text: '本表记录统计期间内全部音像记录调阅活动，含实时调阅与经审批的调阅。'.repeat(12) },
      {
        kind: 'fields',
        rows: [
          ['制作人', '王档案'],
          ['源文件 SHA-256', 'ab'.repeat(32)],
        ],
      },
      { kind: 'heading', text: '二、调阅明细', level: 2 },
      {
        kind: 'table',
        columns: [
          { title: '序号', width: 1 },
          { title: '调阅人', width: 2 },
          { title: '调阅时间', width: 3 },
          { title: '事由', width: 6 },
        ],
        rows: Array.from({ length: rows }, (_, i) => [String(i + 1), `调阅人${i + 1}`, '2026-01-15 09:30', `${LONG_REASON}（第${i + 1}条）`]),
      },
      { kind: 'heading', text: '三、签字' },
      { kind: 'signatures', labels: ['制作人', '审批人'] },
    ],
  };
}

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** Writes to the hidden .part file fail once `limit` bytes are written (a disk that fills up). */
function fullDisk(limit: number): FilePort {
  return {
    ...nodeFilePort,
    async open(p, flags, mode) {
      const h = await nodeFilePort.open(p, flags, mode);
      if (!p.endsWith('.part')) return h;
      let written = 0;
      const write = h.write.bind(h) as (...a: unknown[]) => Promise<{ bytesWritten: number }>;
      (h as unknown as Record<string, unknown>).write = async (...a: unknown[]) => {
        const len = typeof a[2] === 'number' ? a[2] : (a[0] as Uint8Array).byteLength;
        if (written + len > limit) throw errno('ENOSPC');
        const r = await write(...a);
        written += r.bytesWritten;
        return r;
      };
      return h as FileHandle;
    },
  };
}

describe('PDF/A report writer', () => {
  it('writes a multi-page PDF/A-2b report poppler and qpdf read back: Chinese text, page x of y, repeated table header, bookmarks, embedded fonts', async () => {
    const dir = tmpDir();
    const file = path.join(dir, '登记表.pdf');
    const r = await writeReportPdf(nodeFilePort, file, sampleReport());
    expect(r.path).toBe(file);
    expect(readdirSync(dir)).toEqual(['登记表.pdf']);
    const bytes = readFileSync(file);
    expect(r.size).toBe(bytes.byteLength);
    expect(r.sha256).toBe(run('sha256sum', [file]).split(' ')[0]);
    expect(r.sm3).toMatch(/^[0-9a-f]{64}$/);

    const info = run('pdfinfo', [file]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBe(r.pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(info).toMatch(/^Title:\s+音像记录调阅登记表$/m);
    expect(info).toMatch(/^Author:\s+青石镇综合行政执法队$/m);
    expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);

    expect(qpdfCheck(file).status).toBe(0);
    const fonts = run('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(fonts.length).toBe(2);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+Noto(Sans|Serif)SC-\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);

    const text = (p: number) => squash(run('pdftotext', ['-f', String(p), '-l', String(p), file, '-']));
    expect(text(1)).toContain('音像记录调阅登记表');
    expect(text(1)).toContain('本表记录统计期间内全部音像记录调阅活动');
    expect(text(1)).toContain('ab'.repeat(32));
    for (let p = 1; p <= pages; p++) expect(text(p)).toContain(`第${p}页共${pages}页`);
    // The table continues on page 2 with its header repeated, and no row is lost.
    expect(text(2)).toContain('序号调阅人调阅时间事由');
    const all = squash(run('pdftotext', [file, '-']));
    for (const n of [1, 45, 90]) expect(all).toContain(`（第${n}条）`);
    expect(text(pages)).toContain('审批人');

    const outlines = (JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: { title: string; destpageposfrom1: number }[] }).outlines;
    expect(outlines.map((o) => o.title)).toEqual(['一、基本情况', '二、调阅明细', '三、签字']);
    expect(outlines[0]!.destpageposfrom1).toBe(1);
    expect(outlines[2]!.destpageposfrom1).toBeGreaterThan(1);

    const raw = bytes.toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/OutputIntents\s*\[<<\/Type \/OutputIntent\/S \/GTS_PDFA1/);
  });

  it('renders its glyphs from the embedded subsets alone (system fonts hidden)', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'r.pdf');
    await writeReportPdf(nodeFilePort, file, sampleReport(3));
    const env = { ...process.env, ...noSystemFonts(dir) };
    const r = spawnSync('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'p')], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/font/i);
    // A PGM whose pixels are not all white: the text was drawn.
    const pgm = readFileSync(path.join(dir, 'p.pgm'));
    const pixels = pgm.subarray(pgm.length - Math.round(595.28 * (40 / 72)) * Math.round(841.89 * (40 / 72)));
    const dark = pixels.filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(500);
  });

  it('a table row taller than a page is split across pages rather than lost', async () => {
    const huge = Array.from({ length: 200 }, (_, i) => `第${i + 1}行说明文字。`).join('\n');
    const bytes = await renderReportPdf({
      ...sampleReport(0),
      blocks: [
        {
          kind: 'table',
          columns: [
            { title: '项目', width: 1 },
            { title: '说明', width: 4 },
          ],
          rows: [['长说明', huge]],
        },
      ],
    });
    const f2 = path.join(tmpDir(), 'long.pdf');
    writeFileSync(f2, bytes);
    const all = squash(run('pdftotext', [f2, '-']));
    expect(all).toContain('第1行说明文字');
    expect(all).toContain('第200行说明文字');
    expect(Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [f2]))?.[1])).toBeGreaterThan(2);
  });

  it('a disk that fills while writing leaves nothing in the folder, and the error names the file', async () => {
    const dir = tmpDir();
    const file = path.join(dir, '提取说明.pdf');
    const e = await writeReportPdf(fullDisk(20_000), file, sampleReport()).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('io_error');
    expect((e as AppError).message).toContain('提取说明.pdf');
    expect((e as AppError).messageZh).toContain('磁盘空间已满');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });

  it('a read-only folder is refused with nothing written', async () => {
    const dir = tmpDir();
    const files: FilePort = { ...nodeFilePort, open: async (p, f, m) => (f.startsWith('w') ? Promise.reject(errno('EROFS')) : nodeFilePort.open(p, f, m)) };
    const e = await writeReportPdf(files, path.join(dir, 'a.pdf'), sampleReport(2)).catch((x: unknown) => x);
    expect((e as AppError).code).toBe('io_error');
    expect(readdirSync(dir)).toEqual([]);
  });
});
