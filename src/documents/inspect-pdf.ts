import { readFile } from 'node:fs/promises';
import { PDFDocument } from '@cantoo/pdf-lib';

export interface InspectedPdf {
  pages: { sourcePage: number; width: number; height: number }[];
}

export class PdfProblem extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

/**
 * Reads a PDF's page count and page sizes (points). Refuses encrypted PDFs (an archive copy must open
 * without a password) and PDFs whose structure cannot be parsed. Pages are previewed by pdf.js in the
 * UI; sharp's bundled libvips has no PDF loader.
 */
export async function inspectPdf(file: string): Promise<InspectedPdf> {
  const bytes = await readFile(file);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: false, throwOnInvalidObject: true, updateMetadata: false });
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    if (/encrypt/i.test(msg)) throw new PdfProblem('the PDF is encrypted', 'PDF 已加密，无法归档');
    throw new PdfProblem(`the PDF is damaged (${msg})`, `PDF 文件已损坏（${msg}）`);
  }
  if (doc.isEncrypted) throw new PdfProblem('the PDF is encrypted', 'PDF 已加密，无法归档');
  let count: number;
  try {
    count = doc.getPageCount();
  } catch (e) {
    throw new PdfProblem(`the PDF page tree is damaged (${(e as Error).message})`, 'PDF 页面结构已损坏');
  }
  if (count === 0) throw new PdfProblem('the PDF has no pages', 'PDF 没有页面');
  const pages = doc.getPages().map((p, i) => {
    const { width, height } = p.getSize();
    return { sourcePage: i, width: Math.round(width), height: Math.round(height) };
  });
  return { pages };
}
