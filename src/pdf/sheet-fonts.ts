/** The two CJK faces of the sheets: read and parsed once per process, subset per volume, tagged as subsets. */
import { readFile } from 'node:fs/promises';
import fontkit from '@cantoo/fontkit';
import type { PDFDocument } from '@cantoo/pdf-lib';
import { sansBold, serifRegular } from '../resources/fonts.js';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitCreateResult = ReturnType<Fontkit['create']>;

let fontBytes: Promise<{ body: Uint8Array; heading: Uint8Array }> | null = null;

/** The font files are read once per process (≈25 MB) and reused by every volume. */
export function loadFonts(): Promise<{ body: Uint8Array; heading: Uint8Array }> {
  fontBytes ??= Promise.all([readFile(serifRegular), readFile(sansBold)]).then(([body, heading]) => ({ body, heading }));
  return fontBytes;
}

/**
 * fontkit that parses each font file once per process: pdf-lib calls fontkit.create for every
 * document, and re-parsing two CJK fonts for every volume cost 0.2 s and left tens of MB of garbage
 * that made the process grow volume after volume. Each document still gets its own subset
 * (font.createSubset() per embedder); the parsed font itself is only read.
 */
const parsed = new WeakMap<Uint8Array, FontkitCreateResult>();
export const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string): FontkitCreateResult {
    if (postscriptName !== undefined) return (fontkit as unknown as Fontkit).create(buffer, postscriptName);
    let f = parsed.get(buffer);
    if (!f) {
      f = (fontkit as unknown as Fontkit).create(buffer);
      parsed.set(buffer, f);
    }
    return f;
  },
};

/** `NotoSerifSC-Regular-2000` (pdf-lib's name) → `ABCDEF+NotoSerifSC-Regular`, the subset tag of ISO 32000-1 §9.6.4. */
export function subsetFontName(seed: string): (name: string) => string {
  return (n) => {
    if (/^[A-Z]{6}\+/.test(n)) return n;
    const base = n.replace(/-\d+$/, '');
    let h = 2166136261;
    for (const ch of seed + base) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    let tag = '';
    for (let i = 0; i < 6; i++) {
      tag += String.fromCharCode(65 + (h % 26));
      h = Math.floor(h / 26) + (i + 1) * 7919;
    }
    return `${tag}+${base}`;
  };
}
