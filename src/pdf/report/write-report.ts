import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { AppError } from '../../api/errors.js';
import { toIoError } from '../../archive/object-store.js';
import { tmpName } from '../../archive/tmp-names.js';
import { digestBytes } from '../../ports/digests.js';
import { type FilePort } from '../../ports/file-port.js';
import { ByteSink } from '../byte-sink.js';
import { ObjectCopier } from '../copy-objects.js';
import { PdfObjectWriter } from '../object-writer.js';
import { writePdfaDocumentEnd } from '../pdfa-document-end.js';
import { writeLeafPage } from '../page-writers.js';
import { readBack } from '../read-back.js';
import { cachingFontkit, loadFonts, subsetFontName } from '../sheet-fonts.js';
import type { SheetFonts } from '../sheets/draw.js';
import { ReportLayout } from './report-layout.js';
import { reportMetadata } from './report-metadata.js';
import type { ReportDoc, WrittenReport } from './report-model.js';

export interface ReportOptions {
  /** The app's resources folder (kept for callers; fonts and the ICC profile are resolved by the PDF module). */
  resourcesDir?: string;
  signal?: AbortSignal;
}

/**
 * Renders a report as PDF/A-2b bytes: laid out with pdf-lib (Noto Serif SC body, Noto Sans SC Bold
 * headings, both embedded as tagged subsets with ToUnicode), then written by the same object writer
 * as the dossier volumes, with XMP, the sRGB OutputIntent, one bookmark per heading and an Info
 * dictionary that agrees with the XMP.
 */
export async function renderReportPdf(r: ReportDoc, opts: ReportOptions = {}): Promise<Uint8Array> {
  return (await render(r, opts)).bytes;
}

async function render(r: ReportDoc, _opts: ReportOptions): Promise<{ bytes: Uint8Array; pages: number }> {
  if (!r.title.trim()) throw new AppError('invalid_input', 'A report needs a title', '报告缺少标题');
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const bytes = await loadFonts();
  const fonts: SheetFonts = {
    body: await doc.embedFont(bytes.body, { subset: true }),
    heading: await doc.embedFont(bytes.heading, { subset: true }),
  };
  const layout = new ReportLayout(doc, fonts);
  layout.render(r);
  await doc.flush();

  const chunks: Buffer[] = [];
  const memory = {
    write: async (b: Uint8Array, off: number, len: number) => {
      chunks.push(Buffer.from(b.subarray(off, off + len)));
      return { bytesWritten: len, buffer: b };
    },
  } as unknown as FileHandle;
  const sink = new ByteSink(memory);
  try {
    const w = new PdfObjectWriter(sink);
    await w.header();
    const pagesRoot = w.alloc();
    const pageObjs = layout.pages.map(() => w.alloc());
    const copier = new ObjectCopier(w, doc.context, { fontName: subsetFontName(`${r.title}|${r.createdAt.toISOString()}`) });
    const noStamp = { fontObject: 0, font: { resource: 'F0', encode: () => '', widthOf: () => 0 } };
    for (let i = 0; i < layout.pages.length; i++) {
      await writeLeafPage(w, copier, layout.pages[i]!.node, pageObjs[i]!, pagesRoot, null, noStamp);
    }
    const meta = reportMetadata(r);
    await writePdfaDocumentEnd(w, {
      pagesRoot,
      pageObjs,
      outline: layout.outline,
      xmp: meta.xmp,
      infoDict: meta.info,
      idSeed: `${r.title}|${r.createdAt.toISOString()}`,
    });
    await sink.finish();
  } finally {
    sink.release();
  }
  return { bytes: Buffer.concat(chunks), pages: layout.pages.length };
}

/**
 * Renders and writes a report to `target`: under a hidden name in the target's folder, fsynced, read
 * back and checked (size, SHA-256, PDF/A structure), then renamed. Any failure — full disk, a
 * read-only folder, cancel — leaves nothing behind and is an io_error naming the file.
 */
export async function writeReportPdf(files: FilePort, target: string, r: ReportDoc, opts: ReportOptions = {}): Promise<WrittenReport> {
  const { bytes, pages: pageCount } = await render(r, opts);
  const name = path.basename(target);
  const dir = path.dirname(target);
  const digests = await digestBytes(bytes);
  const sha256 = digests.sha256!;
  const sm3 = digests.sm3!;
  const tmp = path.join(dir, `.${name}.${tmpName()}.part`);
  let handle: FileHandle | null = null;
  try {
    await files.mkdir(dir, { recursive: true });
    if (opts.signal?.aborted) throw new AppError('cancelled', `${name}: cancelled`, `${name}：已取消`, { item: name });
    handle = await files.open(tmp, 'wx', 0o644);
    for (let off = 0; off < bytes.byteLength;) {
      const { bytesWritten } = await handle.write(bytes, off, bytes.byteLength - off, null);
      if (bytesWritten <= 0) throw Object.assign(new Error('write returned no progress'), { code: 'EIO' });
      off += bytesWritten;
    }
    await handle.sync();
    const h = handle;
    handle = null;
    await h.close();
    const pages = await readBack(tmp, { pages: pageCount, bytes: bytes.byteLength, sha256 }, { files, poppler: 'off' });
    if (opts.signal?.aborted) throw new AppError('cancelled', `${name}: cancelled`, `${name}：已取消`, { item: name });
    await files.rename(tmp, target);
    await syncDir(files, dir).catch(() => undefined);
    return { path: target, pages: pages.pages, size: bytes.byteLength, sha256, sm3 };
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await files.unlink(tmp).catch(() => undefined);
    throw toIoError(e, name);
  }
}

async function syncDir(files: FilePort, dir: string): Promise<void> {
  const h = await files.open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}
