import { PDFDocument } from '@cantoo/pdf-lib';
import { badSource } from './pdf-errors.js';

/**
 * Opens a stored PDF whose pages go into an export. Refused, naming the document: not a PDF, a
 * broken cross-reference table (startxref pointing at nothing — pdf-lib would quietly rebuild it, but
 * an archive copy must be sound as stored), encryption (PDF/A forbids it and an archive copy must
 * open without a password), an unparseable structure, a page that does not exist.
 */
export async function openSourcePdf(bytes: Uint8Array, label: string): Promise<PDFDocument> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerAt = b.subarray(0, 1024).indexOf('%PDF-');
  if (headerAt < 0) throw badSource(label, 'not a PDF file (no %PDF- header)', '不是 PDF 文件（缺少 %PDF- 文件头）');
  checkStartXref(b, headerAt, label);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    throw badSource(label, `the PDF is damaged (${msg})`, `PDF 文件已损坏（${msg}）`);
  }
  if (doc.isEncrypted) throw badSource(label, 'the PDF is encrypted; an archive copy must open without a password', 'PDF 已加密，归档副本必须无需密码即可打开');
  try {
    doc.getPageCount();
  } catch (e) {
    throw badSource(label, `the PDF page tree is damaged (${(e as Error).message})`, 'PDF 页面结构已损坏');
  }
  return doc;
}

export function pageOf(doc: PDFDocument, index: number, label: string) {
  const count = doc.getPageCount();
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw badSource(label, `page ${index + 1} does not exist (the PDF has ${count})`, `第 ${index + 1} 页不存在（该 PDF 共 ${count} 页）`);
  }
  return doc.getPage(index);
}

function checkStartXref(b: Buffer, headerAt: number, label: string): void {
  const tail = b.subarray(Math.max(0, b.length - 2048)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)/.exec(tail.slice(tail.lastIndexOf('startxref')));
  const broken = () =>
    badSource(label, 'the PDF cross-reference table is broken (startxref points at nothing)', 'PDF 交叉引用表已损坏（startxref 指向无效位置）');
  if (!m) throw broken();
  const at = Number(m[1]);
  for (const base of [at, at + headerAt]) {
    if (base >= b.length) continue;
    const head = b.subarray(base, base + 64).toString('latin1');
    if (/^\s*xref\b/.test(head) || /^\s*\d+\s+\d+\s+obj\b/.test(head)) return;
  }
  throw broken();
}
