import type { DocumentFileInfo, PageInfo, PageSide } from '../../api/types.js';
import type { Db } from '../db.js';

export interface DocumentRow {
  id: number;
  caseId: number;
  seq: number;
  kind: string;
  title: string;
  docNo: string | null;
  responsible: string | null;
  date: string | null;
  createdAt: string;
}

export interface NewPage {
  sourcePage: number;
  blankSuggested: boolean;
  width: number | null;
  height: number | null;
  /** The JPEG thumbnail stored for image pages (PDF pages are previewed by pdf.js). */
  thumb: { sha256: string; size: number } | null;
}

export interface NewFile {
  originalName: string;
  sha256: string;
  size: number;
  mediaType: string;
  pages: NewPage[];
}

const DOC_COLS = `id, case_id AS caseId, seq, kind, title, doc_no AS docNo, responsible, doc_date AS date, created_at AS createdAt`;

export class DocumentRepo {
  constructor(private readonly db: Db) {}

  row(id: number): DocumentRow | undefined {
    return this.db.prepare(`SELECT ${DOC_COLS} FROM documents WHERE id = ? AND removed_at IS NULL`).get(id) as DocumentRow | undefined;
  }

  listForCase(caseId: number): DocumentRow[] {
    return this.db.prepare(`SELECT ${DOC_COLS} FROM documents WHERE case_id = ? AND removed_at IS NULL ORDER BY seq`).all(caseId) as DocumentRow[];
  }

  files(documentId: number): DocumentFileInfo[] {
    return this.db
      .prepare(
        `SELECT f.id, f.seq, f.original_name AS originalName, f.media_type AS mediaType, o.size, f.object_sha256 AS sha256, f.page_count AS pageCount
         FROM document_files f JOIN objects o ON o.sha256 = f.object_sha256 WHERE f.document_id = ? ORDER BY f.seq`,
      )
      .all(documentId) as DocumentFileInfo[];
  }

  pages(documentId: number): PageInfo[] {
    return (
      this.db
        .prepare(
          `SELECT p.id, p.seq, p.file_id AS fileId, p.source_page AS sourcePage, p.side, p.blank, p.blank_suggested AS blankSuggested,
             p.width, p.height, p.thumb_sha256 IS NOT NULL AS hasThumb, f.media_type AS mediaType
           FROM pages p JOIN document_files f ON f.id = p.file_id WHERE p.document_id = ? ORDER BY p.seq`,
        )
        .all(documentId) as (Omit<PageInfo, 'blank' | 'blankSuggested' | 'hasThumb'> & { blank: number; blankSuggested: number; hasThumb: number })[]
    ).map((p) => ({ ...p, blank: p.blank === 1, blankSuggested: p.blankSuggested === 1, hasThumb: p.hasThumb === 1 }));
  }

  page(id: number): (PageInfo & { documentId: number; caseId: number }) | undefined {
    const r = this.db
      .prepare(
        'SELECT p.document_id AS documentId, d.case_id AS caseId FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.id = ? AND d.removed_at IS NULL',
      )
      .get(id) as { documentId: number; caseId: number } | undefined;
    if (!r) return undefined;
    const p = this.pages(r.documentId).find((x) => x.id === id);
    return p && { ...p, ...r };
  }

  ensureObject(sha256: string, size: number, mediaType: string, now: string): void {
    this.db
      .prepare('INSERT INTO objects (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING')
      .run(sha256, size, mediaType, now);
  }

  insert(d: {
    caseId: number;
    kind: string;
    title: string;
    docNo: string | null;
    responsible: string | null;
    date: string | null;
    createdBy: number;
    now: string;
    files: NewFile[];
  }): number {
    const seq = (this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS s FROM documents WHERE case_id = ?').get(d.caseId) as { s: number }).s;
    const r = this.db
      .prepare('INSERT INTO documents (case_id, seq, kind, title, doc_no, responsible, doc_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(d.caseId, seq, d.kind, d.title, d.docNo, d.responsible, d.date, d.now, d.createdBy);
    const docId = Number(r.lastInsertRowid);
    const fileStmt = this.db.prepare(
      'INSERT INTO document_files (document_id, seq, original_name, object_sha256, media_type, page_count) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const pageStmt = this.db.prepare(
      'INSERT INTO pages (document_id, seq, file_id, source_page, blank, blank_suggested, width, height, thumb_sha256) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)',
    );
    let pageSeq = 0;
    d.files.forEach((f, i) => {
      this.ensureObject(f.sha256, f.size, f.mediaType, d.now);
      const fr = fileStmt.run(docId, i + 1, f.originalName, f.sha256, f.mediaType, f.pages.length);
      const fileId = Number(fr.lastInsertRowid);
      for (const p of f.pages) {
        if (p.thumb) this.ensureObject(p.thumb.sha256, p.thumb.size, 'image/jpeg', d.now);
        pageStmt.run(docId, ++pageSeq, fileId, p.sourcePage, p.blankSuggested ? 1 : 0, p.width, p.height, p.thumb?.sha256 ?? null);
      }
    });
    return docId;
  }

  updateMeta(id: number, m: { kind: string; title: string; docNo: string | null; responsible: string | null; date: string | null }): void {
    this.db
      .prepare('UPDATE documents SET kind = ?, title = ?, doc_no = ?, responsible = ?, doc_date = ? WHERE id = ?')
      .run(m.kind, m.title, m.docNo, m.responsible, m.date, id);
  }

  markRemoved(id: number, reason: string, now: string): void {
    this.db.prepare('UPDATE documents SET removed_at = ?, removed_reason = ? WHERE id = ?').run(now, reason, id);
  }

  updatePage(id: number, side: PageSide, blank: boolean): void {
    this.db.prepare('UPDATE pages SET side = ?, blank = ? WHERE id = ?').run(side, blank ? 1 : 0, id);
  }

  /** Stored file behind a page thumbnail or a document file (for media requests). */
  thumbObject(pageId: number): { sha256: string; size: number; mediaType: string } | undefined {
    return this.db
      .prepare('SELECT o.sha256, o.size, o.media_type AS mediaType FROM pages p JOIN objects o ON o.sha256 = p.thumb_sha256 WHERE p.id = ?')
      .get(pageId) as { sha256: string; size: number; mediaType: string } | undefined;
  }

  fileObject(fileId: number): { sha256: string; size: number; mediaType: string } | undefined {
    return this.db
      .prepare('SELECT o.sha256, o.size, f.media_type AS mediaType FROM document_files f JOIN objects o ON o.sha256 = f.object_sha256 WHERE f.id = ?')
      .get(fileId) as { sha256: string; size: number; mediaType: string } | undefined;
  }

  counts(): { documents: number; pages: number } {
    return this.db
      .prepare(
        'SELECT (SELECT count(*) FROM documents WHERE removed_at IS NULL) AS documents, (SELECT count(*) FROM pages p JOIN documents d ON d.id = p.document_id WHERE d.removed_at IS NULL) AS pages',
      )
      .get() as { documents: number; pages: number };
  }
}
