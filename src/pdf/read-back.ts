import { createHash } from 'node:crypto';
import type { FilePort } from '../ports/file-port.js';
import { borrowBuffer, giveBackBuffer } from './buffer-cache.js';
import { PdfFileReader, refIn } from './pdf-reader.js';
import { popplerCheck, type PopplerReport } from './poppler-check.js';

export interface FontReport {
  name: string;
  subtype: string;
  embedded: boolean;
  toUnicode: boolean;
}

export interface ReadBackReport {
  pages: number;
  bytes: number;
  sha256: string;
  objects: number;
  fonts: FontReport[];
  /** pdfinfo / pdffonts, when poppler is installed (or required). */
  poppler: PopplerReport | null;
}

export interface ReadBackExpect {
  pages: number;
  bytes: number;
  sha256: string;
  /**
   * The pages (1-based, inclusive ranges) pdffonts needs to see every font of the volume; absent:
   * all. Scan pages only refer to fonts written once per volume (the page-number font, the OCR
   * layer's glyphless font), so one scan page of each kind stands for the rest.
   */
  fontPages?: [number, number][];
}

/**
 * Re-opens a written volume from disk and checks it before the export reports success: size and
 * SHA-256 of the bytes on disk, every xref entry pointing at its object, no /Encrypt, the trailer /ID,
 * catalog with XMP metadata (pdfaid part 2) and output intent, the page tree's count and every kid a
 * /Page, every font embedded and our CJK fonts with ToUnicode. Then, where installed, poppler's view
 * (pdfinfo pages and encryption, pdffonts emb/uni) as an independent reader. Throws on any failure.
 */
export async function readBack(file: string, expect: ReadBackExpect, o: { files: FilePort; poppler?: 'auto' | 'off' | 'require' }): Promise<ReadBackReport> {
  const h = await o.files.open(file, 'r');
  let report: Omit<ReadBackReport, 'poppler'>;
  try {
    const sha256 = await digest(h);
    const r = await PdfFileReader.open(h);
    if (r.size !== expect.bytes) throw new Error(`size on disk ${r.size} ≠ ${expect.bytes} written`);
    if (sha256 !== expect.sha256) throw new Error('SHA-256 of the file on disk differs from what was written');
    if (/\/Encrypt\b/.test(r.trailer)) throw new Error('the trailer has /Encrypt');
    if (!/\/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]/.test(r.trailer)) throw new Error('the trailer has no /ID');
    const root = refIn(r.trailer, 'Root');
    if (root === null || refIn(r.trailer, 'Info') === null) throw new Error('the trailer has no /Root or /Info');
    const catalog = (await r.object(root)).text;
    const metadata = refIn(catalog, 'Metadata');
    if (metadata === null) throw new Error('the catalog has no XMP /Metadata');
    const xmp = (await r.streamData(metadata)).toString('utf8');
    if (!/<pdfaid:part>2<\/pdfaid:part>/.test(xmp) || !/<pdfaid:conformance>B<\/pdfaid:conformance>/.test(xmp))
      throw new Error('the XMP does not claim PDF/A-2b');
    if (!/\/OutputIntents\s*\[/.test(catalog)) throw new Error('the catalog has no /OutputIntents');
    const pagesObj = refIn(catalog, 'Pages');
    if (pagesObj === null) throw new Error('the catalog has no /Pages');
    const tree = (await r.object(pagesObj)).text;
    const count = Number(/\/Count (\d+)/.exec(tree)?.[1] ?? NaN);
    const kids = [...(/\/Kids\s*\[([^\]]*)\]/.exec(tree)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    if (count !== expect.pages || kids.length !== expect.pages)
      throw new Error(`the page tree has ${count} pages (${kids.length} kids), expected ${expect.pages}`);
    for (const k of kids) if (!/\/Type\s*\/Page\b/.test((await r.object(k)).text)) throw new Error(`page object ${k} is not a /Page`);
    const fonts = await fontReport(r);
    const bad = fonts.filter((f) => !f.embedded || (/Noto(Sans|Serif)SC/.test(f.name) && !f.toUnicode));
    if (bad.length) throw new Error(`fonts not embedded or without ToUnicode: ${bad.map((f) => f.name).join(', ')}`);
    report = { pages: count, bytes: r.size, sha256, objects: r.offsets.length - 1, fonts };
  } finally {
    await h.close();
  }
  const poppler = o.poppler === 'off' ? null : await popplerCheck(file, expect.pages, o.poppler === 'require', expect.fontPages);
  return { ...report, poppler };
}

async function digest(h: import('node:fs/promises').FileHandle): Promise<string> {
  const hash = createHash('sha256');
  const buf = borrowBuffer(1 << 20);
  try {
    for (let pos = 0; ;) {
      const { bytesRead } = await h.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
  } finally {
    giveBackBuffer(buf);
  }
  return hash.digest('hex');
}

/** Every font dictionary in the file, classified (each object's head is read; streams are skipped). */
async function fontReport(r: PdfFileReader): Promise<FontReport[]> {
  const head = async (n: number) => (await r.object(n)).text;
  const out: FontReport[] = [];
  for (let n = 1; n < r.offsets.length; n++) {
    if (!r.offsets[n]) continue;
    const t = await head(n);
    if (!/\/Type\s*\/Font\b/.test(t)) continue;
    const subtype = /\/Subtype\s*\/(\w+)/.exec(t)?.[1] ?? '?';
    if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2') continue; // reported through their Type0 parent
    const name = /\/BaseFont\s*\/([^\s/<>[\]()]+)/.exec(t)?.[1] ?? '?';
    let descriptorOwner = t;
    if (subtype === 'Type0') {
      const d = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(t);
      descriptorOwner = d ? await head(Number(d[1])) : '';
    }
    const fd = refIn(descriptorOwner, 'FontDescriptor');
    const embedded = subtype === 'Type3' || (fd !== null && /\/FontFile[23]?\s+\d+ 0 R/.test(await head(fd)));
    out.push({ name, subtype, embedded, toUnicode: refIn(t, 'ToUnicode') !== null });
  }
  return out;
}
