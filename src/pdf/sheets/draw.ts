import { type PDFFont, type PDFPage, rgb } from '@cantoo/pdf-lib';

/** The two faces every sheet uses: Noto Serif SC for body text (宋体-like), Noto Sans SC Bold for headings (黑体-like). */
export interface SheetFonts {
  body: PDFFont;
  heading: PDFFont;
}

export const INK = rgb(0, 0, 0);
/** Printable area of an A4 sheet (25 mm left for binding, 20 mm elsewhere). */
export const MARGIN = { left: 70.87, right: 56.69, top: 56.69, bottom: 56.69 } as const;
/** What we print for a character neither font has (PDF/A forbids showing .notdef). */
export const MISSING_GLYPH = '□';

/**
 * Code points each font file covers, built once per process and keyed by the font's name without
 * pdf-lib's random suffix: a fresh set per volume (30,000 entries for a CJK font) was the largest
 * piece of per-volume garbage.
 */
const charSets = new Map<string, Set<number>>();

/** Replaces characters the font has no glyph for, and control characters, so no .notdef is ever shown. */
export function printable(font: PDFFont, text: string): string {
  const key = font.name.replace(/-\d+$/, '');
  let set = charSets.get(key);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charSets.set(key, set);
  }
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
    else out += set.has(cp) ? ch : MISSING_GLYPH;
  }
  return out;
}

const NO_LINE_START = /^[。，、；：？！）》」』”’〕】,.;:!?)\]}%]$/u;

/**
 * Breaks text into lines no wider than maxWidth: CJK may break between any two characters; Latin
 * words and digits (文号, digests) stay together unless a word alone is wider than the line.
 */
export function wrap(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    const tokens = printable(font, para).match(/[A-Za-z0-9@#%&*+\-_.,:;/()'"!?]+|\s+|./gu) ?? [];
    let line = '';
    for (const tok of tokens) {
      const candidate = line + tok;
      // Closing punctuation never starts a line (禁则): it hangs into the margin instead.
      if (font.widthOfTextAtSize(candidate, size) <= maxWidth || (NO_LINE_START.test(tok) && line.trim())) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = /^\s+$/.test(tok) ? '' : tok;
      // A single token wider than the line: split it by character.
      while (font.widthOfTextAtSize(line, size) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export function text(page: PDFPage, font: PDFFont, s: string, x: number, y: number, size: number): void {
  const t = printable(font, s);
  if (t.trim()) page.drawText(t, { x, y, size, font, color: INK });
}

export function centred(
  page: PDFPage,
  font: PDFFont,
  s: string,
  y: number,
  size: number,
  left: number = MARGIN.left,
  right: number = page.getWidth() - MARGIN.right,
): void {
  const t = printable(font, s);
  text(page, font, t, left + (right - left - font.widthOfTextAtSize(t, size)) / 2, y, size);
}

export function rightAligned(page: PDFPage, font: PDFFont, s: string, xRight: number, y: number, size: number): void {
  const t = printable(font, s);
  text(page, font, t, xRight - font.widthOfTextAtSize(t, size), y, size);
}

export function line(page: PDFPage, x1: number, y1: number, x2: number, y2: number, thickness = 0.75): void {
  page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: INK });
}

export function box(page: PDFPage, x: number, y: number, width: number, height: number, thickness = 0.75): void {
  page.drawRectangle({ x, y, width, height, borderWidth: thickness, borderColor: INK });
}

/** Line height for a font size (Noto CJK: ascent + descent ≈ 1.44 em; 1.5 reads well). */
export function leading(size: number): number {
  return size * 1.5;
}

/**
 * Draws label/value rows (label in the heading face, value wrapped in the body face) from yTop
 * down, with a rule under each row; returns the y below the last row.
 */
export function fieldRows(
  page: PDFPage,
  fonts: SheetFonts,
  rows: { label: string; value: string }[],
  yTop: number,
  opts: { size: number; labelWidth: number; x?: number; right?: number },
): number {
  const x = opts.x ?? MARGIN.left;
  const right = opts.right ?? page.getWidth() - MARGIN.right;
  const lh = leading(opts.size);
  let y = yTop;
  for (const r of rows) {
    const valueLines = wrap(fonts.body, r.value, opts.size, right - x - opts.labelWidth - 6);
    const h = Math.max(1, valueLines.length) * lh + 6;
    text(page, fonts.heading, r.label, x, y - lh + 3, opts.size);
    valueLines.forEach((l, i) => text(page, fonts.body, l, x + opts.labelWidth, y - (i + 1) * lh + 3, opts.size));
    y -= h;
    line(page, x + opts.labelWidth - 4, y + 3, right, y + 3, 0.5);
  }
  return y;
}

/**
 * The head of a 卷内目录 or 备考表 page: the heading centred, 案卷题名 (one line, cut with …) on the
 * left and 档号 on the right below it. Returns the page's text frame and the baseline of the title line.
 */
export function sheetHeader(
  page: PDFPage,
  fonts: SheetFonts,
  s: { heading: string; title: string; archiveCode: string | null },
): { top: number; left: number; right: number; metaY: number } {
  const top = page.getHeight() - MARGIN.top;
  const left: number = MARGIN.left;
  const right = page.getWidth() - MARGIN.right;
  centred(page, fonts.heading, s.heading, top - 24, 20);
  const metaY = top - 58;
  const titleLines = wrap(fonts.body, `案卷题名：${s.title}`, 10.5, right - left);
  text(page, fonts.body, titleLines.length > 1 ? `${titleLines[0]}…` : (titleLines[0] ?? ''), left, metaY, 10.5);
  if (s.archiveCode) rightAligned(page, fonts.body, `档号：${s.archiveCode}`, right, metaY - 16, 10.5);
  return { top, left, right, metaY };
}
