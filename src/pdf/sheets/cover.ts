import type { PDFPage } from '@cantoo/pdf-lib';
import type { BackCoverSheet, CoverSheet } from '../render-model.js';
import { centred, fieldRows, MARGIN, rightAligned, type SheetFonts, wrap } from './draw.js';

/** 卷皮: 档号 top right, the heading and volume, the 案卷题名, then the cover fields of the profile. */
export function drawCover(page: PDFPage, fonts: SheetFonts, s: CoverSheet): void {
  const top = page.getHeight() - MARGIN.top;
  const right = page.getWidth() - MARGIN.right;
  if (s.archiveCode) rightAligned(page, fonts.body, `档号：${s.archiveCode}`, right, top - 12, 12);
  centred(page, fonts.heading, s.heading, top - 110, 30);
  if (s.volumeLabel.trim()) centred(page, fonts.body, `（${s.volumeLabel}）`, top - 150, 16);
  let y = top - 215;
  for (const l of wrap(fonts.heading, s.title, 20, right - MARGIN.left - 40)) {
    centred(page, fonts.heading, l, y, 20);
    y -= 32;
  }
  fieldRows(page, fonts, s.lines, y - 30, { size: 13, labelWidth: 130, x: MARGIN.left + 20, right: right - 20 });
}

/** 卷底: the 档号 and volume again, and any lines the profile prints there. */
export function drawBackCover(page: PDFPage, fonts: SheetFonts, s: BackCoverSheet): void {
  const top = page.getHeight() - MARGIN.top;
  centred(page, fonts.heading, '卷底', top - 60, 22);
  const lines = [
    ...(s.archiveCode ? [{ label: '档号', value: s.archiveCode }] : []),
    ...(s.volumeLabel.trim() ? [{ label: '卷别', value: s.volumeLabel }] : []),
    ...s.lines,
  ];
  fieldRows(page, fonts, lines, top - 120, { size: 12, labelWidth: 110 });
}
