import type { PDFImage, PDFPage } from '@cantoo/pdf-lib';
import type { AvSheet } from '../render-model.js';
import { box, centred, fieldRows, MARGIN, type SheetFonts, text, wrap } from './draw.js';

/**
 * 视听资料证据 sheet: the clip's metadata (文件名, 时长, 拍摄时间/地点/人, 设备, 载体, 证明对象 …), a
 * contact sheet of frames when there is one, and both digests in full.
 */
export function drawAvSheet(page: PDFPage, fonts: SheetFonts, s: AvSheet, contact: PDFImage | null): void {
  const top = page.getHeight() - MARGIN.top;
  const left: number = MARGIN.left;
  const right = page.getWidth() - MARGIN.right;
  centred(page, fonts.heading, s.heading, top - 24, 20);
  const titleLines = wrap(fonts.heading, s.title, 13, right - left);
  titleLines.slice(0, 2).forEach((l, i) => centred(page, fonts.heading, l, top - 56 - i * 20, 13));
  let y = fieldRows(page, fonts, s.fields, top - 70 - Math.min(2, titleLines.length) * 20, { size: 11, labelWidth: 96 });

  const digestBlock = 30 + s.digests.length * 30;
  if (contact) {
    const maxW = right - left;
    const maxH = Math.max(60, y - 14 - (MARGIN.bottom + digestBlock));
    const scale = Math.min(maxW / contact.width, maxH / contact.height);
    const w = contact.width * scale;
    const h = contact.height * scale;
    const x = left + (maxW - w) / 2;
    y -= 10;
    page.drawImage(contact, { x, y: y - h, width: w, height: h });
    box(page, x, y - h, w, h, 0.5);
  }
  let dy = MARGIN.bottom + digestBlock - 14;
  text(page, fonts.heading, '完整性校验值', left, dy, 11);
  for (const d of s.digests) {
    dy -= 15;
    text(page, fonts.heading, `${d.alg}：`, left, dy, 9);
    wrap(fonts.body, d.value, 8.5, right - left - 60).forEach((l, i) => text(page, fonts.body, l, left + 60, dy - i * 12, 8.5));
    dy -= 15;
  }
}
