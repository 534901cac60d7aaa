import { formatDuration } from '../domain/duration.js';
import type { AvItem } from '../binding/types.js';
import type { OcrPageText } from '../domain/ocr-text.js';
import type { ModelPage, PageModel, PageModelVolume } from '../binding/page-model.js';
import type { LabelValue, OutlineEntry, RenderPage, RenderVolume, TextSheet, TocColumnSpec } from './render-model.js';

/**
 * Adapts binding's page model (src/binding/page-model.ts) to the renderer's own input: one
 * RenderVolume per bound volume. The catalogue knows where each page's stored bytes are, so the
 * caller resolves a page id to an object-store file; everything else comes from the model.
 */
export interface PageSource {
  /** A stored image (JPEG is embedded as it is; PNG/TIFF losslessly), `page` for a multi-page TIFF. */
  image?: { file: string; page?: number; text?: OcrPageText | null };
  /** A page of a stored PDF (0-based). */
  pdf?: { file: string; pageIndex: number };
}

export interface FromPageModelOptions {
  /** Info /Author and dc:creator: the 立卷单位 (or 立卷人). */
  author: string;
  /** When the volume was made (立卷/sealing time): Info /CreationDate, xmp:CreateDate. */
  createdAt: Date;
  /** BoundDossier.archiveNo and retention.label. */
  archiveNo: string | null;
  retention: string | null;
  /** Where the stored bytes of a catalogue page are. */
  resolvePage: (pageId: number, documentId: number) => PageSource;
  /** A JPEG contact sheet of the clip's frames, or null. */
  contactSheet?: (av: AvItem) => string | null;
  /** 检查时间 for the 备考表 (the page model has none yet). */
  checkedOn?: string;
}

/** Relative widths of the 目录 columns (A4 portrait, 10.5 pt): 题名 gets the most room. */
const TOC_WIDTHS: Record<string, { width: number; align?: 'center' }> = {
  seq: { width: 6, align: 'center' },
  docNo: { width: 16 },
  responsible: { width: 14 },
  title: { width: 30 },
  date: { width: 15, align: 'center' },
  pages: { width: 10, align: 'center' },
  note: { width: 9 },
};

export function renderVolumes(model: PageModel, o: FromPageModelOptions): RenderVolume[] {
  return model.volumes.map((v) => renderVolume(model, v, o));
}

function renderVolume(model: PageModel, v: PageModelVolume, o: FromPageModelOptions): RenderVolume {
  const pages = v.pages.map((p) => renderPage(p, o));
  return {
    meta: {
      title: model.title,
      archiveCode: v.archiveCode,
      archiveNo: o.archiveNo,
      retention: o.retention,
      volumeLabel: labelOf(v.label),
      author: o.author,
      createdAt: o.createdAt,
    },
    outline: outline(v),
    pages,
  };
}

/** One bookmark per 目录 row, at the first page of its document (or AV sheet). */
function outline(v: PageModelVolume): OutlineEntry[] {
  const firstPage = new Map<number, number>();
  for (const p of v.pages) {
    const seq = p.kind === 'document' ? p.document.entrySeq : p.kind === 'av-sheet' ? p.av.entrySeq : null;
    if (seq !== null && !firstPage.has(seq)) firstPage.set(seq, p.index);
  }
  const rows = v.pages.flatMap((p) => (p.kind === 'toc' ? p.toc.rows : []));
  return rows.filter((r) => firstPage.has(r.seq)).map((r) => ({ title: `${r.seq} ${r.title}`, pageIndex: firstPage.get(r.seq)! }));
}

function renderPage(p: ModelPage, o: FromPageModelOptions): RenderPage {
  const stamp = p.stamp ? { text: p.stamp.text, position: p.stamp.position } : null;
  if (p.kind === 'document') {
    const d = p.document;
    const label = d.pagesInDocument > 1 ? `${d.title}（第${d.pageOfDocument}/${d.pagesInDocument}页）` : d.title;
    const src = o.resolvePage(d.pageId, d.documentId);
    if (src.pdf) return { kind: 'pdf', file: src.pdf.file, pageIndex: src.pdf.pageIndex, label, stamp };
    if (src.image)
      return {
        kind: 'scan',
        file: src.image.file,
        ...(src.image.page !== undefined ? { page: src.image.page } : {}),
        ...(src.image.text !== undefined ? { text: src.image.text } : {}),
        label,
        stamp,
      };
    throw new Error(`page ${d.pageId} of document ${d.documentId} has no stored source`);
  }
  return { kind: 'sheet', label: sheetLabel(p), stamp, sheet: sheetOf(p, o) };
}

function sheetLabel(p: Exclude<ModelPage, { kind: 'document' }>): string {
  if (p.kind === 'cover') return '封面';
  if (p.kind === 'toc') return `卷内文件目录（第${p.toc.page}页）`;
  if (p.kind === 'av-sheet') return p.av.title;
  if (p.kind === 'beikao') return '卷内备考表';
  return '卷底';
}

function sheetOf(p: Exclude<ModelPage, { kind: 'document' }>, o: FromPageModelOptions): TextSheet {
  switch (p.kind) {
    case 'cover':
      return {
        kind: 'cover',
        heading: p.cover.title,
        title: p.cover.dossierTitle,
        archiveCode: p.cover.archiveCode,
        volumeLabel: labelOf(p.cover.volumeLabel),
        lines: p.cover.lines.filter((l) => l.id !== 'caseTitle').map((l) => ({ label: l.label, value: l.value })),
      };
    case 'toc': {
      const columns: TocColumnSpec[] = Object.entries(p.toc.columns).map(([key, label]) => ({ key, label, ...(TOC_WIDTHS[key] ?? { width: 10 }) }));
      const rows = p.toc.rows.map((r) => ({
        seq: String(r.seq),
        docNo: r.docNo,
        responsible: r.responsible,
        title: r.title,
        date: r.date,
        pages: r.pages,
        note: r.note,
      }));
      return {
        kind: 'toc',
        heading: p.toc.title,
        title: p.toc.dossierTitle,
        archiveCode: p.toc.archiveCode,
        columns,
        rows,
        page: p.toc.page,
        pages: p.toc.pages,
      };
    }
    case 'av-sheet':
      return avSheet(p.av.item, p.av.title, o);
    case 'beikao':
      return {
        kind: 'beikao',
        heading: p.beikao.title,
        title: p.beikao.dossierTitle,
        archiveCode: p.beikao.archiveCode,
        statement: p.beikao.statement,
        preparer: p.beikao.preparer,
        preparedOn: p.beikao.preparedOn,
        checker: p.beikao.checker,
        checkedOn: o.checkedOn ?? '',
      };
    case 'back-cover':
      return { kind: 'back-cover', archiveCode: p.backCover.archiveCode, volumeLabel: labelOf(p.backCover.volumeLabel), lines: [] };
  }
}

function avSheet(a: AvItem, title: string, o: FromPageModelOptions): TextSheet {
  const fields: LabelValue[] = [
    { label: '文件名', value: a.fileName },
    { label: '时长', value: formatDuration(a.durationSec) },
    { label: '拍摄时间', value: a.recordedAt.replace('T', ' ').slice(0, 19) },
    ...(a.place ? [{ label: '拍摄地点', value: a.place }] : []),
    { label: '拍摄人', value: a.officer },
    { label: '设备编号', value: a.device },
    ...(a.activity ? [{ label: '摄制内容', value: a.activity }] : []),
    ...(a.carrier ? [{ label: '载体编号', value: a.carrier }] : []),
    ...(a.proves ? [{ label: '证明对象', value: a.proves }] : []),
  ];
  const digests = [...(a.sm3 ? [{ alg: 'SM3', value: a.sm3 }] : []), { alg: 'SHA-256', value: a.sha256 }];
  return { kind: 'av', heading: '视听资料证据', title, fields, digests, contactSheet: o.contactSheet?.(a) ?? null };
}

/**
 * A single-volume dossier has no volume label: it must reach the sheets as '' (never undefined from an
 * older sealed record, nor blanks), so the cover prints no empty "（）" and the file name no "-".
 */
function labelOf(label: string | null | undefined): string {
  return (label ?? '').trim();
}
