import type { OcrPageText } from '../domain/ocr-text.js';
import { GLYPHLESS_RESOURCE } from './glyphless-font.js';
import { num } from './pdf-syntax.js';

/** Where the displayed image sits on the page, in PDF points (origin bottom left). */
export interface ImageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangle the `cm` matrix of a placed image covers (its unit square's image). */
export function rectOfMatrix(m: readonly [number, number, number, number, number, number]): ImageRect {
  const xs = [m[4], m[4] + m[0], m[4] + m[2], m[4] + m[0] + m[2]];
  const ys = [m[5], m[5] + m[1], m[5] + m[3], m[5] + m[1] + m[3]];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** UTF-16 code units as the 2-byte hex the glyphless Identity-H font takes (CID = code unit). */
function hexUnits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

/**
 * The invisible text layer of a scan page (text render mode 3: neither filled nor stroked, so the
 * picture is exactly what it was): each recognised line set in the glyphless font, scaled so the line
 * spans its box, its baseline at the box's bottom. Readers select and search it; pdftotext extracts it.
 */
export function textLayerOperators(text: OcrPageText, rect: ImageRect): string {
  if (!text.lines.length || text.width <= 0 || text.height <= 0) return '';
  const sx = rect.width / text.width;
  const sy = rect.height / text.height;
  const ops = ['BT', '3 Tr', `/${GLYPHLESS_RESOURCE} 1 Tf`];
  for (const line of text.lines) {
    const units = line.text.length;
    if (!units) continue;
    const [x0, y0, x1, y1] = line.bbox;
    const w = Math.max(x1 - x0, 1) * sx;
    const h = Math.max(y1 - y0, 1) * sy;
    const x = rect.x + x0 * sx;
    const baseline = rect.y + rect.height - y1 * sy;
    // Font size 1 with a text matrix that scales: each glyph advances 1 em (DW 1000) = w / units.
    ops.push(`${num(w / units)} 0 0 ${num(h)} ${num(x)} ${num(baseline)} Tm <${hexUnits(line.text)}> Tj`);
  }
  ops.push('ET');
  return ops.join('\n');
}
