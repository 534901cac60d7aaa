import type { PDFPage } from '@cantoo/pdf-lib';
import type { BeikaoSheet } from '../render-model.js';
import { box, leading, line, MARGIN, type SheetFonts, sheetHeader, text, wrap } from './draw.js';

/** 卷内备考表: 本卷情况说明 in a ruled box, then 立卷人 / 立卷时间 / 检查人 / 检查时间. */
export function drawBeikao(page: PDFPage, fonts: SheetFonts, s: BeikaoSheet): void {
  const { left, right, metaY } = sheetHeader(page, fonts, s);

  const boxTop = metaY - 28;
  const signHeight = 130;
  const boxBottom = MARGIN.bottom + signHeight;
  box(page, left, boxBottom, right - left, boxTop - boxBottom);
  text(page, fonts.heading, '本卷情况说明', left + 10, boxTop - 24, 12);
  let size = 12;
  let lines = wrap(fonts.body, s.statement, size, right - left - 40);
  while (lines.length * leading(size) > boxTop - boxBottom - 50 && size > 8) {
    size -= 0.5;
    lines = wrap(fonts.body, s.statement, size, right - left - 40);
  }
  lines.forEach((l, i) => text(page, fonts.body, l, left + 24, boxTop - 48 - i * leading(size), size));

  const rows: [string, string][] = [
    ['立卷人', s.preparer],
    ['立卷时间', s.preparedOn],
    ['检查人', s.checker],
    ['检查时间', s.checkedOn],
  ];
  const mid = (left + right) / 2;
  rows.forEach(([label, value], i) => {
    const x = i % 2 === 0 ? left + 10 : mid + 10;
    const y = boxBottom - 40 - Math.floor(i / 2) * 44;
    text(page, fonts.heading, `${label}：`, x, y, 12);
    text(page, fonts.body, value, x + 72, y, 12);
    line(page, x + 68, y - 5, x + (mid - left) - 24, y - 5, 0.5);
  });
}
