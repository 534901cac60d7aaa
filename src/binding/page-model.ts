import type { PagePosition, Sheet, TocColumn } from '../domain/profile-binding.js';
import type { AvItem, Beikao, BoundDossier, BoundVolume, CoverLine, PageSide, TocRow } from './types.js';

/**
 * The page model: a bound dossier as the sequence of physical pages of each volume — cover, 目录
 * pages, document pages, AV evidence sheets, 备考表, 卷底 — each with its content fields and where its
 * number is stamped (or none). Pure; the UI preview and the PDF export both draw from it, so what the
 * archivist sees is what the PDF holds.
 */
export interface PageStamp {
  text: string;
  position: PagePosition;
}

interface PageBase {
  volume: number;
  /** 0-based position in the volume. */
  index: number;
  side: PageSide;
  number: number | null;
  stamp: PageStamp | null;
}

export interface CoverPage extends PageBase {
  kind: 'cover';
  cover: { title: string; dossierTitle: string; volumeLabel: string; archiveCode: string | null; lines: CoverLine[] };
}
export interface TocPage extends PageBase {
  kind: 'toc';
  toc: { title: string; dossierTitle: string; archiveCode: string | null; columns: Record<TocColumn, string>; rows: TocRow[]; page: number; pages: number };
}
export interface DocumentPage extends PageBase {
  kind: 'document';
  document: {
    documentId: number;
    pageId: number;
    caseId: number;
    entrySeq: number;
    kind: string;
    kindName: string;
    title: string;
    pageOfDocument: number;
    pagesInDocument: number;
    blank: boolean;
  };
}
export interface AvSheetPage extends PageBase {
  kind: 'av-sheet';
  av: { item: AvItem; caseId: number; entrySeq: number; title: string };
}
export interface BeikaoPage extends PageBase {
  kind: 'beikao';
  beikao: Beikao & { dossierTitle: string; archiveCode: string | null };
}
export interface BackCoverPage extends PageBase {
  kind: 'back-cover';
  backCover: { archiveCode: string | null; volumeLabel: string };
}

export type ModelPage = CoverPage | TocPage | DocumentPage | AvSheetPage | BeikaoPage | BackCoverPage;
export type ModelPageKind = ModelPage['kind'];

export interface PageModelVolume {
  index: number;
  label: string;
  archiveCode: string | null;
  pages: ModelPage[];
}

export interface PageModel {
  title: string;
  numbering: BoundDossier['numbering'];
  volumes: PageModelVolume[];
}

export function pageModel(d: BoundDossier): PageModel {
  return { title: d.title, numbering: d.numbering, volumes: d.volumes.map((v) => volumePages(d, v)) };
}

function volumePages(d: BoundDossier, v: BoundVolume): PageModelVolume {
  const pages: ModelPage[] = [];
  const stamp = (number: number | null, side: PageSide): PageStamp | null =>
    number === null ? null : { text: String(number), position: side === 'back' ? d.numbering.back : d.numbering.front };
  const base = (number: number | null, side: PageSide = 'front'): PageBase => ({
    volume: v.index,
    index: pages.length,
    side,
    number,
    stamp: stamp(number, side),
  });
  const sheetNo = (s: Sheet, i = 0): number | null => {
    const info = v.sheets.find((x) => x.sheet === s);
    return info?.firstNumber == null ? null : info.firstNumber + i;
  };

  pages.push({
    ...base(sheetNo('cover')),
    kind: 'cover',
    cover: { title: v.cover.title, dossierTitle: d.title, volumeLabel: v.label, archiveCode: v.archiveCode, lines: v.cover.lines },
  });
  const per = v.toc.rowsPerPage;
  for (let i = 0; i < v.toc.pages; i++) {
    pages.push({
      ...base(sheetNo('toc', i)),
      kind: 'toc',
      toc: {
        title: v.toc.title,
        dossierTitle: d.title,
        archiveCode: v.archiveCode,
        columns: v.toc.columns,
        rows: v.toc.rows.slice(i * per, (i + 1) * per),
        page: i + 1,
        pages: v.toc.pages,
      },
    });
  }
  for (const e of v.entries) {
    for (const part of e.parts) {
      if (part.type === 'av' && part.av) {
        const pg = part.pages[0];
        pages.push({ ...base(pg?.number ?? null), kind: 'av-sheet', av: { item: part.av, caseId: e.caseId, entrySeq: e.seq, title: part.title } });
        continue;
      }
      part.pages.forEach((pg, i) => {
        pages.push({
          ...base(pg.number, pg.side),
          kind: 'document',
          document: {
            documentId: part.documentId ?? 0,
            pageId: pg.pageId ?? 0,
            caseId: e.caseId,
            entrySeq: e.seq,
            kind: part.kind,
            kindName: part.kindName,
            title: part.title,
            pageOfDocument: i + 1,
            pagesInDocument: part.pages.length,
            blank: pg.blank,
          },
        });
      });
    }
  }
  pages.push({ ...base(sheetNo('beikao')), kind: 'beikao', beikao: { ...v.beikao, dossierTitle: d.title, archiveCode: v.archiveCode } });
  if (v.sheets.some((s) => s.sheet === 'backCover'))
    pages.push({ ...base(sheetNo('backCover')), kind: 'back-cover', backCover: { archiveCode: v.archiveCode, volumeLabel: v.label } });
  return { index: v.index, label: v.label, archiveCode: v.archiveCode, pages };
}
