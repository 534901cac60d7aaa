/**
 * What the PDF renderer draws: one volume (正卷, 副卷 or a continuation volume) as metadata, an
 * outline and a flat list of physical pages. Deliberately small and independent of binding's page
 * model (src/binding/page-model.ts); from-page-model.ts adapts one to the other. Plain data, no I/O.
 */
import type { OcrPageText } from '../domain/ocr-text.js';

/** Where a page number is stamped, seen on the page as displayed. */
export type StampPosition = 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left' | 'bottom-center';

export interface PageStamp {
  text: string;
  position: StampPosition;
}

export interface VolumeMeta {
  /** 案卷题名 → Info /Title and dc:title. */
  title: string;
  /** 档号 (null while the archives office has not assigned one). */
  archiveCode: string | null;
  /** 归档号 (8 digits in the 市场监管 scheme). */
  archiveNo: string | null;
  /** 保管期限 as printed, e.g. 永久 / 30年. */
  retention: string | null;
  /** 正卷 / 副卷 / 第2册 …; goes into Info /Subject and dc:description. */
  volumeLabel: string;
  /** 立卷单位 or 立卷人 → Info /Author and dc:creator. */
  author: string;
  keywords?: string[];
  /** Creation date (Info /CreationDate, xmp:CreateDate); second precision is kept. */
  createdAt: Date;
  /** Defaults to createdAt. */
  modifiedAt?: Date;
  /** Info /Creator and xmp:CreatorTool; defaults to "Juanzong". */
  creatorTool?: string;
}

/** One bookmark: a 卷内目录 row and the 0-based index of the page it starts on. */
export interface OutlineEntry {
  title: string;
  pageIndex: number;
}

export interface LabelValue {
  label: string;
  value: string;
}

/** 卷皮 / 案卷封面. */
export interface CoverSheet {
  kind: 'cover';
  /** e.g. 行政执法案卷. */
  heading: string;
  /** 案卷题名. */
  title: string;
  archiveCode: string | null;
  volumeLabel: string;
  lines: LabelValue[];
}

export interface TocColumnSpec {
  key: string;
  label: string;
  /** Relative width (the widths of all columns are scaled to the table width). */
  width: number;
  align?: 'left' | 'center';
}

/** One page of the 卷内文件目录; the table continues over pages (page i of n). */
export interface TocSheet {
  kind: 'toc';
  heading: string;
  title: string;
  archiveCode: string | null;
  columns: TocColumnSpec[];
  /** Cell texts by column key. */
  rows: Record<string, string>[];
  page: number;
  pages: number;
}

/** 卷内备考表. */
export interface BeikaoSheet {
  kind: 'beikao';
  heading: string;
  title: string;
  archiveCode: string | null;
  /** 本卷情况说明. The writer appends a note for every imported page it had to rasterise. */
  statement: string;
  preparer: string;
  preparedOn: string;
  checker: string;
  checkedOn: string;
}

/** 视听资料证据 sheet: the clip's metadata, an optional contact sheet of frames, both digests. */
export interface AvSheet {
  kind: 'av';
  heading: string;
  title: string;
  fields: LabelValue[];
  digests: { alg: string; value: string }[];
  /** A JPEG contact sheet (frames of the clip); embedded as it is. */
  contactSheet: string | null;
}

/** 卷底. */
export interface BackCoverSheet {
  kind: 'back-cover';
  archiveCode: string | null;
  volumeLabel: string;
  lines: LabelValue[];
}

export type TextSheet = CoverSheet | TocSheet | BeikaoSheet | AvSheet | BackCoverSheet;

interface PageBase {
  /** Names the page in errors and reports: the document title, or the sheet's name. */
  label: string;
  stamp: PageStamp | null;
}

export interface SheetPage extends PageBase {
  kind: 'sheet';
  sheet: TextSheet;
}

/** A stored scan page: a JPEG (embedded byte for byte), PNG or TIFF (embedded losslessly). */
export interface ScanPage extends PageBase {
  kind: 'scan';
  file: string;
  /** Page of a multi-page TIFF (0-based). */
  page?: number;
  /** Its OCR text, laid under the picture as invisible text; absent: the page goes out image-only. */
  text?: OcrPageText | null;
}

/** A page taken over from a stored PDF. */
export interface PdfPage extends PageBase {
  kind: 'pdf';
  file: string;
  /** 0-based page of that PDF. */
  pageIndex: number;
}

export type RenderPage = SheetPage | ScanPage | PdfPage;

export interface RenderVolume {
  meta: VolumeMeta;
  outline: OutlineEntry[];
  pages: RenderPage[];
}

/** A4 portrait in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
