import { PDFDocument, type PDFFont, type PDFImage, type PDFRef } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { readJpegInfo } from './jpeg-info.js';
import { badSource } from './pdf-errors.js';
import { cachingFontkit, loadFonts } from './sheet-fonts.js';
import type { StampFont } from './placement.js';
import { A4, type RenderPage } from './render-model.js';
import { drawAvSheet } from './sheets/av-sheet.js';
import { drawBeikao } from './sheets/beikao.js';
import { drawBackCover, drawCover } from './sheets/cover.js';
import { printable, type SheetFonts } from './sheets/draw.js';
import { drawToc } from './sheets/toc.js';

/**
 * The pages Juanzong draws itself (封面, 卷内目录, 视听资料证据, 备考表, 卷底) for one volume, laid out
 * with @cantoo/pdf-lib in a small in-memory document: pdf-lib does what it is good at here — CJK
 * subset fonts with ToUnicode (fontkit), content streams — and the streaming writer copies these
 * pages out in their place among the scans. The glyphs of every page-number stamp are added to the
 * heading font's subset before it is embedded, so stamps on scans and imported pages use it too.
 */
export interface SheetDocument {
  doc: PDFDocument;
  /** Volume page index → the pdf-lib page holding that sheet. */
  pages: Map<number, PDFRef>;
  /** The heading face (Noto Sans SC Bold), used for page-number stamps everywhere. */
  stampFontRef: PDFRef;
  stamp: StampFont;
  fonts: SheetFonts;
}

export const STAMP_FONT_RESOURCE = 'JZPageNo';

export async function buildSheetDocument(pages: readonly RenderPage[], readBytes: (file: string) => Promise<Uint8Array>): Promise<SheetDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const bytes = await loadFonts();
  const fonts: SheetFonts = {
    body: await doc.embedFont(bytes.body, { subset: true }),
    heading: await doc.embedFont(bytes.heading, { subset: true }),
  };
  const out = new Map<number, PDFRef>();
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i]!;
    if (p.kind !== 'sheet') continue;
    const page = doc.addPage([A4.width, A4.height]);
    const s = p.sheet;
    if (s.kind === 'cover') drawCover(page, fonts, s);
    else if (s.kind === 'toc') drawToc(page, fonts, s);
    else if (s.kind === 'beikao') drawBeikao(page, fonts, s);
    else if (s.kind === 'back-cover') drawBackCover(page, fonts, s);
    else drawAvSheet(page, fonts, s, s.contactSheet ? await contactSheet(doc, s.contactSheet, p.label, readBytes) : null);
    out.set(i, page.ref);
  }
  // Every stamp's glyphs must be in the subset before flush() embeds it.
  for (const p of pages) if (p.stamp) fonts.heading.encodeText(printable(fonts.heading, p.stamp.text));
  await doc.flush();
  return { doc, pages: out, stampFontRef: fonts.heading.ref, stamp: stampFont(fonts.heading), fonts };
}

function stampFont(font: PDFFont): StampFont {
  return {
    resource: STAMP_FONT_RESOURCE,
    encode: (t) => font.encodeText(printable(font, t)).toString(),
    widthOf: (t, size) => font.widthOfTextAtSize(printable(font, t), size),
  };
}

/** The contact sheet is embedded as it is when it is a plain gray/RGB JPEG, else converted once. */
async function contactSheet(doc: PDFDocument, file: string, label: string, readBytes: (file: string) => Promise<Uint8Array>): Promise<PDFImage> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
    const info = readJpegInfo(bytes);
    if (!(info.huffman && info.precision === 8 && (info.components === 1 || info.components === 3))) throw new Error('convert');
  } catch {
    try {
      bytes = await sharp(file, { failOn: 'error' }).rotate().toColourspace('srgb').jpeg({ quality: 85 }).toBuffer();
    } catch (e) {
      throw badSource(label, `the contact sheet cannot be decoded (${(e as Error).message})`, `视听资料截图无法解码（${(e as Error).message}）`);
    }
  }
  return doc.embedJpg(bytes);
}
