import { open } from 'node:fs/promises';
import { AppError } from '../api/errors.js';
import type { NewPage } from '../storage/repos/document-repo.js';
import { detectMediaType, type ScanMediaType } from './detect-type.js';

export interface PreparedFile {
  mediaType: ScanMediaType;
  pages: (Omit<NewPage, 'thumb'> & { thumb: Buffer | null })[];
}

/**
 * Reads a staged document file without writing anything: its real type (by content), its pages, a
 * thumbnail per image page. Every problem becomes a `bad_file` error naming the file.
 */
export async function prepareFile(file: string, name: string): Promise<PreparedFile> {
  const h = await open(file, 'r');
  let mediaType: ScanMediaType | null;
  let size: number;
  try {
    size = (await h.stat()).size;
    mediaType = await detectMediaType(h);
  } finally {
    await h.close();
  }
  if (size === 0) throw bad(name, 'the file is empty (0 bytes)', '文件为空（0 字节）');
  if (!mediaType) throw bad(name, 'not a JPEG, PNG, TIFF or PDF file', '不是 JPEG、PNG、TIFF 或 PDF 文件');
  if (mediaType === 'application/pdf') {
    // Loaded on first use: pdf-lib and sharp cost ~1 s of start-up to every command that never imports a file.
    const { inspectPdf, PdfProblem } = await import('./inspect-pdf.js');
    try {
      const pdf = await inspectPdf(file);
      return { mediaType, pages: pdf.pages.map((p) => ({ sourcePage: p.sourcePage, width: p.width, height: p.height, blankSuggested: false, thumb: null })) };
    } catch (e) {
      if (e instanceof PdfProblem) throw bad(name, e.message, e.messageZh);
      throw e;
    }
  }
  const { inspectImage } = await import('./inspect-image.js');
  try {
    return { mediaType, pages: await inspectImage(file) };
  } catch (e) {
    const msg = (e as Error).message;
    throw bad(name, `the image cannot be decoded (${msg})`, `图像无法解码，文件可能已损坏（${msg}）`);
  }
}

function bad(name: string, en: string, zh: string): AppError {
  return new AppError('bad_file', `${name}: ${en}`, `${name}：${zh}`, { item: name });
}
