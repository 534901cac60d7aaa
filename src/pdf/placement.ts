import { num } from './pdf-syntax.js';
import { A4, type PageStamp } from './render-model.js';

/** Below this a JFIF density is a default (72/96), not a scanner's statement. */
const MIN_TRUSTED_DPI = 100;

export interface ImagePlacement {
  pageWidth: number;
  pageHeight: number;
  /** The `cm` operands that map the image's unit square onto the page. */
  matrix: [number, number, number, number, number, number];
}

/**
 * Puts a scan on an A4 sheet (portrait or landscape as the image is), the way a small slip is pasted
 * onto A4: at its scanned size when the scanner stated a resolution and it fits, otherwise scaled to
 * fit, centred. EXIF orientation 3/6/8 is applied here by the matrix, so the JPEG stays untouched.
 */
export function placeImage(width: number, height: number, orientation: 1 | 3 | 6 | 8, dpi: { x: number; y: number } | null): ImagePlacement {
  const turned = orientation === 6 || orientation === 8;
  const pxW = turned ? height : width;
  const pxH = turned ? width : height;
  const landscape = pxW > pxH;
  const pageWidth = landscape ? A4.height : A4.width;
  const pageHeight = landscape ? A4.width : A4.height;
  let w: number;
  let h: number;
  const trusted = dpi && dpi.x >= MIN_TRUSTED_DPI && dpi.y >= MIN_TRUSTED_DPI;
  const natW = trusted ? (pxW / (turned ? dpi.y : dpi.x)) * 72 : Infinity;
  const natH = trusted ? (pxH / (turned ? dpi.x : dpi.y)) * 72 : Infinity;
  // Within 2% of the sheet counts as the sheet (a 2480×3508 scan at 300 dpi is A4).
  if (natW <= pageWidth * 1.02 && natH <= pageHeight * 1.02) {
    const s = Math.min(1, pageWidth / natW, pageHeight / natH);
    w = natW * s;
    h = natH * s;
  } else {
    const s = Math.min(pageWidth / pxW, pageHeight / pxH);
    w = pxW * s;
    h = pxH * s;
  }
  const x = (pageWidth - w) / 2;
  const y = (pageHeight - h) / 2;
  let matrix: ImagePlacement['matrix'];
  if (orientation === 6) matrix = [0, -h, w, 0, x, y + h];
  else if (orientation === 8) matrix = [0, h, -w, 0, x + w, y];
  else if (orientation === 3) matrix = [-w, 0, 0, -h, x + w, y + h];
  else matrix = [w, 0, 0, h, x, y];
  return { pageWidth, pageHeight, matrix };
}

/** What a stamp needs from the font: its resource name, glyph encoding and text width. */
export interface StampFont {
  resource: string;
  encode(text: string): string;
  widthOf(text: string, size: number): number;
}

export const STAMP_SIZE = 12;
/** 10 mm from the edges of the displayed page. */
export const STAMP_MARGIN = 28.35;

/**
 * Content-stream operators that print a page number at its position on the page as displayed:
 * `box` is the visible area (CropBox or MediaBox), `rotate` the page's /Rotate. The text is set
 * upright for the reader whatever the rotation.
 */
export function stampOperators(stamp: PageStamp, box: readonly [number, number, number, number], rotate: number, font: StampFont): string {
  const [x0, y0, x1, y1] = box;
  const r = (((rotate % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const visW = r === 90 || r === 270 ? y1 - y0 : x1 - x0;
  const visH = r === 90 || r === 270 ? x1 - x0 : y1 - y0;
  const tw = font.widthOf(stamp.text, STAMP_SIZE);
  const pos = stamp.position;
  const u = pos.endsWith('right') ? visW - STAMP_MARGIN - tw : pos === 'bottom-center' ? (visW - tw) / 2 : STAMP_MARGIN;
  const v = pos.startsWith('top') ? visH - STAMP_MARGIN - STAMP_SIZE * 0.8 : STAMP_MARGIN;
  // Visual (u, v) → user space, and the text axes, per /Rotate (clockwise display rotation).
  let m: [number, number, number, number, number, number];
  if (r === 90) m = [0, 1, -1, 0, x1 - v, y0 + u];
  else if (r === 180) m = [-1, 0, 0, -1, x1 - u, y1 - v];
  else if (r === 270) m = [0, -1, 1, 0, x0 + v, y1 - u];
  else m = [1, 0, 0, 1, x0 + u, y0 + v];
  return `q BT /${font.resource} ${STAMP_SIZE} Tf 0 g ${m.map(num).join(' ')} Tm ${font.encode(stamp.text)} Tj ET Q`;
}
