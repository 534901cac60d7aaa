import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { PDFDict, type PDFDocument, PDFPageLeaf } from '@cantoo/pdf-lib';
import { AppError } from '../api/errors.js';
import { publish } from '../archive/durable-file.js';
import { toIoError } from '../archive/object-store.js';
import { tmpName } from '../archive/tmp-names.js';
import { createHasher } from '../ports/digests.js';
import { type FilePort, nodeFilePort } from '../ports/file-port.js';
import { ByteSink } from './byte-sink.js';
import { writeGlyphlessFont } from './glyphless-font.js';
import { ObjectCopier } from './copy-objects.js';
import { planImports, type RasterisedPage, withRasterNote } from './import-plan.js';
import { volumeMetadata } from './metadata.js';
import { withOcrNote } from './ocr-note.js';
import { PdfObjectWriter } from './object-writer.js';
import { writePdfaDocumentEnd } from './pdfa-document-end.js';
import { type StampContext, writeImagePage, writeLeafPage } from './page-writers.js';
import { checkFailed, exportCancelled } from './pdf-errors.js';
import { openSourcePdf, pageOf } from './pdf-source.js';
import { pdftoppmRasteriser, type Rasteriser } from './rasterise.js';
import { ReadPool } from './read-pool.js';
import { readBack, type ReadBackReport } from './read-back.js';
import type { RenderPage, RenderVolume } from './render-model.js';
import { type ImageEncoding, prepareScanImage } from './scan-image.js';
import { buildSheetDocument } from './sheet-document.js';
import { subsetFontName } from './sheet-fonts.js';
import { validateVolume } from './validate-volume.js';

export interface WriteVolumeOptions {
  /** Final path of the PDF. Written as a hidden .part file beside it, renamed at the very end. */
  out: string;
  files?: FilePort;
  rasterise?: Rasteriser;
  /** Also compute the SM3 digest of the output while writing (slower: ≈266 MB/s). */
  sm3?: boolean;
  /** 'auto' (default): run pdfinfo/pdffonts when installed; 'require': fail without them. */
  poppler?: 'auto' | 'off' | 'require';
  signal?: AbortSignal;
  onPage?: (done: number, total: number) => void;
}

export interface WrittenVolume {
  path: string;
  pages: number;
  bytes: number;
  sha256: string;
  sm3: string | null;
  images: Record<ImageEncoding, number>;
  /** Imported pages that failed the PDF/A checks and went in as images (the 备考表 says so). */
  rasterised: RasterisedPage[];
  /** Scan pages that carry an OCR text layer. */
  textPages: number;
  check: ReadBackReport;
}

/**
 * Writes one volume as PDF/A-2b, streaming: each page's objects go to disk as soon as they are made
 * and nothing of a page is kept afterwards, so memory does not grow with the page count. The file is
 * written under a temporary name, fsynced, read back and checked, and only then renamed into place:
 * a failure at any point (undecodable scan, broken PDF, full disk, cancel) leaves no file under the
 * final name, and the error names the document or the output file.
 */
export async function writeVolumePdf(input: RenderVolume, o: WriteVolumeOptions): Promise<WrittenVolume> {
  validateVolume(input);
  const files = o.files ?? nodeFilePort;
  const outName = path.basename(o.out);
  const dir = path.dirname(o.out);
  const readBytes = async (file: string, label: string): Promise<Uint8Array> => {
    let h: FileHandle | null = null;
    try {
      h = await files.open(file, 'r');
      return await h.readFile();
    } catch (e) {
      throw toIoError(e, label);
    } finally {
      await h?.close().catch(() => undefined);
    }
  };
  const rasterised = await planImports(input.pages, readBytes);
  const v = withOcrNote(withRasterNote(input, rasterised));
  const sheets = await buildSheetDocument(v.pages, (f) => readBytes(f, f));
  const metadata = volumeMetadata(v.meta);

  await files.mkdir(dir, { recursive: true }).catch((e: unknown) => {
    throw toIoError(e, outName);
  });
  const tmp = path.join(dir, `.${outName}.${tmpName()}.part`);
  let handle: FileHandle | null = null;
  let sink: ByteSink | null = null;
  const pool = new ReadPool(files);
  let ahead = null as { index: number; bytes: Promise<Uint8Array> } | null;
  try {
    handle = await files.open(tmp, 'wx', 0o644);
    sink = new ByteSink(handle, o.sm3 ? await createHasher('sm3') : null);
    const w = new PdfObjectWriter(sink);
    await w.header();
    const pagesRoot = w.alloc();
    const pageObjs = v.pages.map(() => w.alloc());
    const sheetCopier = new ObjectCopier(w, sheets.doc.context, { fontName: subsetFontName(`${v.meta.title}|${v.meta.volumeLabel}`) });
    const stamp: StampContext = { fontObject: sheetCopier.numberOf(sheets.stampFontRef), font: sheets.stamp };
    const raster = new Set(rasterised.map((r) => r.pageIndex));
    const images: Record<ImageEncoding, number> = { 'jpeg-passthrough': 0, 'jpeg-converted': 0, 'flate-lossless': 0 };
    let source = null as { file: string; doc: PDFDocument; copier: ObjectCopier } | null;
    // The glyphless font of the OCR text layer, written once, when the first page with text comes.
    let ocrFont: number | null = null;
    let textPages = 0;
    const nextScan: number[] = [];
    for (let i = v.pages.length - 1, n = -1; i >= 0; i--) {
      nextScan[i] = n;
      if (v.pages[i]!.kind === 'scan') n = i;
    }
    const scanBytes = async (i: number): Promise<Uint8Array> => {
      const p = v.pages[i]!;
      if (p.kind !== 'scan') throw new Error('not a scan page');
      const bytes = await (ahead?.index === i ? ahead.bytes : pool.read(p.file, p.label));
      // Read the next scan while this one is written (the disk and the CPU overlap).
      const next = nextScan[i] ?? -1;
      const nextPage = v.pages[next];
      ahead = nextPage?.kind === 'scan' ? { index: next, bytes: pool.read(nextPage.file, nextPage.label) } : null;
      ahead?.bytes.catch(() => undefined);
      return bytes;
    };

    for (let i = 0; i < v.pages.length; i++) {
      if (o.signal?.aborted) throw exportCancelled(outName);
      const p = v.pages[i]!;
      const pageObj = pageObjs[i]!;
      if (p.kind === 'sheet') {
        const leaf = sheets.doc.context.lookup(sheets.pages.get(i)!, PDFDict) as PDFPageLeaf;
        await writeLeafPage(w, sheetCopier, leaf, pageObj, pagesRoot, p.stamp, stamp);
      } else if (p.kind === 'scan' || raster.has(i)) {
        const bytes = p.kind === 'scan' ? await scanBytes(i) : await (o.rasterise ?? pdftoppmRasteriser)(p.file, p.pageIndex, p.label);
        const img = await prepareScanImage(bytes, p.label, p.kind === 'scan' ? (p.page ?? 0) : 0);
        images[img.encoding]++;
        const text = p.kind === 'scan' ? (p.text ?? null) : null;
        if (text?.lines.length && ocrFont === null) ocrFont = await writeGlyphlessFont(w);
        await writeImagePage(w, pageObj, pagesRoot, img, p.stamp, stamp, text && ocrFont !== null ? { text, fontObject: ocrFont } : null);
        if (text?.lines.length) textPages++;
      } else {
        if (source?.file !== p.file) {
          source = null; // release the previous PDF before loading the next
          const doc = await openSourcePdf(await readBytes(p.file, p.label), p.label);
          source = { file: p.file, doc, copier: new ObjectCopier(w, doc.context) };
        }
        const leaf = pageOf(source.doc, p.pageIndex, p.label).node;
        if (!(leaf instanceof PDFPageLeaf)) throw new AppError('bad_file', `${p.label}: damaged page`, `${p.label}：页面已损坏`, { item: p.label });
        await writeLeafPage(w, source.copier, leaf, pageObj, pagesRoot, p.stamp, stamp);
      }
      await sheetCopier.drain();
      o.onPage?.(i + 1, v.pages.length);
    }
    source = null;

    await writePdfaDocumentEnd(w, {
      pagesRoot,
      pageObjs,
      outline: v.outline,
      xmp: metadata.xmp,
      infoDict: `<<${metadata.info}>>`,
      idSeed: `${v.meta.title}|${v.meta.archiveCode}|${v.meta.volumeLabel}|${v.meta.createdAt.toISOString()}`,
    });
    const written = await sink.finish();
    await handle.sync();
    const h = handle;
    handle = null;
    await h.close();

    const check = await readBack(
      tmp,
      { pages: v.pages.length, bytes: written.size, sha256: written.sha256, fontPages: fontPages(v.pages) },
      { files, poppler: o.poppler ?? 'auto' },
    ).catch((e: unknown) => {
      throw checkFailed(outName, (e as Error).message, (e as Error).message);
    });
    await publish(files, tmp, o.out);
    return { path: o.out, pages: v.pages.length, bytes: written.size, sha256: written.sha256, sm3: written.extra, images, rasterised, textPages, check };
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await files.unlink(tmp).catch(() => undefined);
    throw e instanceof AppError ? e : toIoError(e, outName);
  } finally {
    // A read still in flight writes into a pooled buffer: let it land before handing the buffers back.
    await ahead?.bytes.catch(() => undefined);
    pool.release();
    sink?.release();
  }
}

/**
 * The pages that show every font of a volume once (1-based ranges): every page that is not a scan
 * (sheets and imported PDF pages carry their own fonts), and the first scan page with an OCR text
 * layer and the first without — the rest refer to the same once-written font objects.
 */
export function fontPages(pages: readonly RenderPage[]): [number, number][] {
  const keep = new Set<number>();
  let withText = false;
  let withoutText = false;
  pages.forEach((p, i) => {
    if (p.kind !== 'scan') keep.add(i);
    else if (p.text?.lines.length ? !withText : !withoutText) {
      keep.add(i);
      if (p.text?.lines.length) withText = true;
      else withoutText = true;
    }
  });
  const out: [number, number][] = [];
  for (const i of [...keep].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i + 1, i + 1]);
  }
  return out;
}
