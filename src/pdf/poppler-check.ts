import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** More page ranges than this and pdffonts reads the whole file once instead. */
const MAX_FONT_RUNS = 8;

export interface PopplerReport {
  pages: number;
  fonts: { name: string; type: string; embedded: boolean; subset: boolean; toUnicode: boolean }[];
}

/**
 * A second, independent reader of a written volume: poppler's pdfinfo (page count, not encrypted)
 * and pdffonts (every font embedded, with a ToUnicode map). Returns null when poppler is not
 * installed and not required — the desktop build may not ship it; our own read-back still ran.
 */
export async function popplerCheck(file: string, pages: number, required: boolean, fontPages?: readonly [number, number][]): Promise<PopplerReport | null> {
  let info: string;
  let fonts: string[];
  // pdffonts parses every font again on each page that uses it (the glyphless font's 128 KB
  // CIDToGIDMap and 65,536-entry ToUnicode map: 0.5 s for 300 text-layer pages, 18× the image-only
  // volume), so it reads only the pages that show every font once, in a few runs (else all pages).
  const ranges = fontPages && fontPages.length <= MAX_FONT_RUNS ? fontPages : null;
  try {
    [info, ...fonts] = await Promise.all([
      run('pdfinfo', [file], { maxBuffer: 1 << 20 }).then((r) => r.stdout),
      ...(ranges ?? [null]).map((r) =>
        run('pdffonts', [...(r ? ['-f', String(r[0]), '-l', String(r[1])] : []), file], { maxBuffer: 8 << 20 }).then((x) => x.stdout),
      ),
    ]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !required) return null;
    throw new Error(`poppler could not read the file: ${((e as { stderr?: string }).stderr ?? (e as Error).message).trim()}`, { cause: e });
  }
  const n = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  if (n !== pages) throw new Error(`pdfinfo reports ${n} pages, expected ${pages}`);
  if (!/^Encrypted:\s+no/m.test(info)) throw new Error('pdfinfo reports the file as encrypted');
  const seen = new Set<string>();
  const all = fonts.flatMap(parsePdffonts).filter((f) => {
    const key = `${f.name}|${f.type}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const report: PopplerReport = { pages: n, fonts: all };
  const bad = report.fonts.filter((f) => !f.embedded || (/Noto(Sans|Serif)SC/.test(f.name) && !f.toUnicode));
  if (bad.length) throw new Error(`pdffonts: not embedded or no ToUnicode: ${bad.map((f) => f.name).join(', ')}`);
  return report;
}

/** pdffonts' table: name, type, encoding, emb, sub, uni, object, id — parsed from the right (names may hold spaces). */
export function parsePdffonts(out: string): PopplerReport['fonts'] {
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      return { name: cols[0] ?? '', type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', toUnicode: uni === 'yes' };
    });
}
