import type { PDFPage } from '@cantoo/pdf-lib';
import type { TocSheet } from '../render-model.js';
import { centred, leading, line, MARGIN, type SheetFonts, sheetHeader, text, wrap } from './draw.js';

const SIZES = [10.5, 10, 9.5, 9, 8.5, 8, 7.5];
const PAD = 3;

interface Laid {
  size: number;
  header: string[][];
  rows: string[][][];
  heights: number[];
  headerHeight: number;
}

/**
 * One page of the 卷内文件目录: heading, 案卷题名 and 档号, then a ruled table whose rows wrap inside
 * their cells. The rows per page are binding's decision (the page count is part of the numbering), so
 * when long titles do not fit, the type is set smaller rather than the table run onto another page.
 */
export function drawToc(page: PDFPage, fonts: SheetFonts, s: TocSheet): void {
  const { left, right, metaY } = sheetHeader(page, fonts, s);
  const tableTop = metaY - 26;
  const footerY = MARGIN.bottom;
  const available = tableTop - footerY - 20;

  const total = s.columns.reduce((n, c) => n + c.width, 0);
  const widths = s.columns.map((c) => ((right - left) * c.width) / total);
  const laid = layout(fonts, s, widths, available);

  let y = tableTop;
  const xs: number[] = [left];
  for (const w of widths) xs.push(xs[xs.length - 1]! + w);
  const drawRow = (cells: string[][], h: number, headingRow: boolean) => {
    const font = headingRow ? fonts.heading : fonts.body;
    const lh = leading(laid.size);
    cells.forEach((lines, i) => {
      const col = s.columns[i]!;
      const cx = xs[i]!;
      const cw = widths[i]!;
      lines.forEach((l, k) => {
        const ly = y - PAD - (k + 1) * lh + lh * 0.3;
        if (headingRow || col.align === 'center') centred(page, font, l, ly, laid.size, cx, cx + cw);
        else text(page, font, l, cx + PAD, ly, laid.size);
      });
    });
    line(page, left, y - h, right, y - h);
    y -= h;
  };
  line(page, left, y, right, y);
  drawRow(laid.header, laid.headerHeight, true);
  laid.rows.forEach((cells, i) => drawRow(cells, laid.heights[i]!, false));
  for (const x of xs) line(page, x, tableTop, x, y);
  centred(page, fonts.body, `第 ${s.page} 页\u3000共 ${s.pages} 页`, footerY - 4, 9);
}

function layout(fonts: SheetFonts, s: TocSheet, widths: number[], available: number): Laid {
  let last: Laid | null = null;
  for (const size of SIZES) {
    const cellLines = (font: SheetFonts['body'], v: string, w: number) => wrap(font, v, size, w - 2 * PAD);
    const header = s.columns.map((c, i) => cellLines(fonts.heading, c.label, widths[i]!));
    const rows = s.rows.map((r) => s.columns.map((c, i) => cellLines(fonts.body, r[c.key] ?? '', widths[i]!)));
    const h = (cells: string[][]) => Math.max(1, ...cells.map((l) => l.length)) * leading(size) + 2 * PAD;
    const heights = rows.map(h);
    const headerHeight = h(header);
    last = { size, header, rows, heights, headerHeight };
    if (headerHeight + heights.reduce((a, b) => a + b, 0) <= available) return last;
  }
  // Still too tall at the smallest size: keep the first lines of each cell that fit the page evenly.
  const l = last!;
  const perRow = Math.max(1, Math.floor((available - l.headerHeight) / Math.max(1, l.rows.length) / leading(l.size)));
  const rows = l.rows.map((cells) => cells.map((lines) => (lines.length > perRow ? [...lines.slice(0, perRow - 1), `${lines[perRow - 1] ?? ''}…`] : lines)));
  return { ...l, rows, heights: rows.map((cells) => Math.max(1, ...cells.map((x) => x.length)) * leading(l.size) + 2 * PAD) };
}
