import { open, readFile, stat } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from '@cantoo/pdf-lib';
import { checkImportedPage } from '../pdf/pdfa-checks.js';
import { PdfFileReader, refIn } from '../pdf/pdf-reader.js';

/** What the PDF/A checks of one volume found (3-3 and 3-8). */
export interface PdfaFindings {
  pages: number | null;
  encrypted: boolean;
  /** PDF/A claim in the XMP (`2B`), or null when there is none. */
  claim: string | null;
  outputIntent: boolean;
  fonts: number;
  unembeddedFonts: string[];
  /** Filters that are not public, lossless-or-standard PDF/A filters (LZW, Crypt …). */
  forbiddenFilters: string[];
  /** Everything else found wrong (JavaScript, embedded files …), in Chinese. */
  other: string[];
  /** The file could not be inspected at all (the reason). */
  unreadable: string | null;
}

const ALLOWED_FILTERS = new Set([
  'FlateDecode',
  'DCTDecode',
  'JPXDecode',
  'CCITTFaxDecode',
  'RunLengthDecode',
  'JBIG2Decode',
  'ASCIIHexDecode',
  'ASCII85Decode',
]);
/** pdf-lib loads the whole file: only for files our streaming reader cannot open (not written by us) and not too big. */
const MAX_LOADED = 256 * 1024 * 1024;

/**
 * PDF/A-2b conformance checks of a volume as a receiving archive would run them without veraPDF
 * (none can be installed here): not encrypted, an XMP claiming pdfaid part 2 conformance B, an
 * OutputIntent, every font embedded, only public filters. A volume written by Juanzong is read with
 * the streaming reader (src/pdf/pdf-reader.ts: a 600 MB volume is never loaded); any other PDF
 * (rewritten, encrypted by someone) is loaded with pdf-lib and every page inspected by the same
 * checks the import uses (src/pdf/pdfa-checks.ts).
 */
export async function checkPdfa(file: string): Promise<PdfaFindings> {
  const own = await streamingCheck(file).catch(() => null);
  if (own) return own;
  return loadedCheck(file);
}

function empty(): PdfaFindings {
  return { pages: null, encrypted: false, claim: null, outputIntent: false, fonts: 0, unembeddedFonts: [], forbiddenFilters: [], other: [], unreadable: null };
}

async function streamingCheck(file: string): Promise<PdfaFindings> {
  const h = await open(file, 'r');
  try {
    const r = await PdfFileReader.open(h);
    const f = empty();
    f.encrypted = /\/Encrypt\b/.test(r.trailer);
    const root = refIn(r.trailer, 'Root');
    if (root === null) throw new Error('no /Root');
    const catalog = (await r.object(root)).text;
    const metadata = refIn(catalog, 'Metadata');
    if (metadata !== null) f.claim = claimOf((await r.streamData(metadata)).toString('utf8'));
    f.outputIntent = /\/OutputIntents\s*(\[|\d+\s+0\s+R)/.test(catalog);
    const pagesRef = refIn(catalog, 'Pages');
    if (pagesRef !== null) f.pages = Number(/\/Count (\d+)/.exec((await r.object(pagesRef)).text)?.[1] ?? NaN);
    for (let n = 1; n < r.offsets.length; n++) {
      if (!r.offsets[n]) continue;
      const t = (await r.object(n)).text;
      for (const m of t.matchAll(/\/Filter\s*(\[[^\]]*\]|\/\w+)/g))
        for (const name of m[1]!.matchAll(/\/(\w+)/g)) if (!ALLOWED_FILTERS.has(name[1]!)) f.forbiddenFilters.push(name[1]!);
      if (/\/S\s*\/JavaScript\b|\/JS\s/.test(t)) f.other.push('含有 JavaScript');
      if (/\/Type\s*\/EmbeddedFile\b/.test(t)) f.other.push('含有嵌入文件');
      if (!/\/Type\s*\/Font\b/.test(t)) continue;
      const subtype = /\/Subtype\s*\/(\w+)/.exec(t)?.[1] ?? '?';
      if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2' || subtype === 'Type3') continue;
      f.fonts++;
      let owner = t;
      if (subtype === 'Type0') {
        const d = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(t);
        owner = d ? (await r.object(Number(d[1]))).text : '';
      }
      const fd = refIn(owner, 'FontDescriptor');
      const embedded = fd !== null && /\/FontFile[23]?\s+\d+ 0 R/.test((await r.object(fd)).text);
      if (!embedded) f.unembeddedFonts.push(/\/BaseFont\s*\/([^\s/<>[\]()]+)/.exec(t)?.[1] ?? `object ${n}`);
    }
    return dedupe(f);
  } finally {
    await h.close();
  }
}

async function loadedCheck(file: string): Promise<PdfaFindings> {
  const f = empty();
  const size = (await stat(file)).size;
  const bytes = await readFile(file);
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (!head.startsWith('%PDF-')) return { ...f, unreadable: '文件不是 PDF（缺少 %PDF- 文件头）' };
  // An encryption dictionary is named in the trailer (or the xref stream's dictionary).
  f.encrypted =
    /\/Encrypt\s+\d+\s+\d+\s+R/.test(bytes.subarray(Math.max(0, bytes.length - 65536)).toString('latin1')) || /\/Encrypt\s+\d+\s+\d+\s+R/.test(head);
  if (size > MAX_LOADED) return { ...f, unreadable: `不是本系统生成的卷（${size} 字节），无法逐页检查` };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch (e) {
    return { ...f, unreadable: `PDF 无法解析：${(e as Error).message}` };
  }
  f.encrypted ||= doc.isEncrypted;
  f.pages = doc.getPageCount();
  const meta = doc.catalog.lookup(PDFName.of('Metadata'));
  if (meta instanceof PDFRawStream) {
    try {
      f.claim = claimOf(Buffer.from(decodePDFRawStream(meta).decode()).toString('utf8'));
    } catch {
      f.claim = null;
    }
  } else if (meta instanceof PDFStream) f.claim = null;
  const oi = doc.catalog.lookup(PDFName.of('OutputIntents'));
  f.outputIntent = oi instanceof PDFArray && oi.size() > 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const d = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null;
    if (
      d?.lookup(PDFName.of('Type'))?.toString() === '/Font' &&
      !['/CIDFontType0', '/CIDFontType2', '/Type3'].includes(String(d.lookup(PDFName.of('Subtype'))))
    )
      f.fonts++;
  }
  if (!f.encrypted) {
    for (const [i, page] of doc.getPages().entries()) {
      for (const finding of checkImportedPage(page)) {
        const m = /^a font that is not embedded \((.*)\)$/.exec(finding.en);
        if (m) f.unembeddedFonts.push(m[1]!);
        else if (/LZW/.test(finding.en)) f.forbiddenFilters.push('LZWDecode');
        else f.other.push(`第 ${i + 1} 页${finding.zh}`);
      }
    }
  }
  return dedupe(f);
}

function claimOf(xmp: string): string | null {
  const part = /<pdfaid:part>(\d)<\/pdfaid:part>|pdfaid:part="(\d)"/.exec(xmp);
  const conf = /<pdfaid:conformance>([ABU])<\/pdfaid:conformance>|pdfaid:conformance="([ABU])"/.exec(xmp);
  return part ? `${part[1] ?? part[2]}${conf ? (conf[1] ?? conf[2]) : ''}` : null;
}

function dedupe(f: PdfaFindings): PdfaFindings {
  return { ...f, unembeddedFonts: [...new Set(f.unembeddedFonts)], forbiddenFilters: [...new Set(f.forbiddenFilters)], other: [...new Set(f.other)] };
}

/** The problems as Chinese phrases; empty when the volume conforms. */
export function pdfaProblems(f: PdfaFindings): string[] {
  if (f.unreadable) return [f.unreadable, ...(f.encrypted ? ['已加密'] : [])];
  const out: string[] = [];
  if (f.encrypted) out.push('已加密');
  if (f.claim !== '2B') out.push(f.claim ? `XMP 声明为 PDF/A-${f.claim}，不是 PDF/A-2b` : 'XMP 中没有 PDF/A 标识（pdfaid）');
  if (!f.outputIntent) out.push('没有 OutputIntent（输出意图）');
  if (f.unembeddedFonts.length) out.push(`字体未嵌入：${f.unembeddedFonts.join('、')}`);
  if (f.forbiddenFilters.length) out.push(`使用了非公开或 PDF/A 不允许的压缩：${f.forbiddenFilters.join('、')}`);
  out.push(...f.other);
  return out;
}
