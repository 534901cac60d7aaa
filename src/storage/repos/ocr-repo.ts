import type { OcrLine, OcrPageText } from '../../domain/ocr-text.js';
import type { Db } from '../db.js';

/** A scanned page still waiting for OCR: a page of a live document whose file is an image. */
export interface PendingOcrPage {
  pageId: number;
  documentId: number;
  caseId: number;
  objectSha256: string;
  sourcePage: number;
  mediaType: string;
  size: number;
  title: string;
}

export interface PageOcrRow {
  status: 'done' | 'failed';
  text: string;
  lines: OcrLine[];
  width: number | null;
  height: number | null;
  confidence: number | null;
  flagged: boolean;
  engine: string;
  error: string | null;
  createdAt: string;
}

export interface OcrCounts {
  /** Scanned pages of live documents. */
  pages: number;
  done: number;
  failed: number;
  flagged: number;
  pending: number;
}

const SCAN_PAGES = `
  FROM pages p
  JOIN documents d ON d.id = p.document_id AND d.removed_at IS NULL
  JOIN document_files f ON f.id = p.file_id AND f.media_type LIKE 'image/%'
  JOIN objects o ON o.sha256 = f.object_sha256
  LEFT JOIN page_ocr r ON r.object_sha256 = f.object_sha256 AND r.source_page = p.source_page`;

/** page_ocr: the text of scanned pages, and which pages still need it. */
export class OcrRepo {
  constructor(private readonly db: Db) {}

  /** Pages with no OCR row yet, oldest document first (one row per stored image page). */
  pending(o: { caseId?: number; limit?: number } = {}): PendingOcrPage[] {
    return this.db
      .prepare(
        `SELECT MIN(p.id) AS pageId, d.id AS documentId, d.case_id AS caseId, f.object_sha256 AS objectSha256, p.source_page AS sourcePage,
                f.media_type AS mediaType, o.size AS size, d.title AS title
         ${SCAN_PAGES}
         WHERE r.object_sha256 IS NULL ${o.caseId !== undefined ? 'AND d.case_id = @caseId' : ''}
         GROUP BY f.object_sha256, p.source_page
         ORDER BY MIN(p.id) LIMIT @limit`,
      )
      .all({ limit: o.limit ?? -1, ...(o.caseId !== undefined ? { caseId: o.caseId } : {}) }) as PendingOcrPage[];
  }

  counts(caseId?: number): OcrCounts {
    const r = this.db
      .prepare(
        `SELECT COUNT(*) AS pages,
                COALESCE(SUM(r.status = 'done'), 0) AS done,
                COALESCE(SUM(r.status = 'failed'), 0) AS failed,
                COALESCE(SUM(r.flagged = 1), 0) AS flagged,
                COALESCE(SUM(r.object_sha256 IS NULL), 0) AS pending
         ${SCAN_PAGES} ${caseId !== undefined ? 'WHERE d.case_id = ?' : ''}`,
      )
      .get(...(caseId !== undefined ? [caseId] : [])) as OcrCounts;
    return r;
  }

  get(objectSha256: string, sourcePage: number): PageOcrRow | undefined {
    const r = this.db
      .prepare(
        `SELECT status, text, lines_json AS lines, width, height, confidence, flagged, engine, error, created_at AS createdAt
         FROM page_ocr WHERE object_sha256 = ? AND source_page = ?`,
      )
      .get(objectSha256, sourcePage) as (Omit<PageOcrRow, 'lines' | 'flagged'> & { lines: string; flagged: number }) | undefined;
    return r && { ...r, lines: JSON.parse(r.lines) as OcrLine[], flagged: r.flagged === 1 };
  }

  /** The text layer of a stored page, when its OCR is done (what the PDF writer lays under the picture). */
  textOf(objectSha256: string, sourcePage: number): OcrPageText | null {
    const r = this.get(objectSha256, sourcePage);
    if (!r || r.status !== 'done' || r.width === null || r.height === null) return null;
    return { width: r.width, height: r.height, lines: r.lines, confidence: r.confidence ?? 0 };
  }

  putDone(o: { objectSha256: string; sourcePage: number; text: OcrPageText; flagged: boolean; engine: string; now: string }): void {
    this.db
      .prepare(
        `INSERT INTO page_ocr (object_sha256, source_page, status, text, lines_json, width, height, confidence, flagged, engine, error, created_at)
         VALUES (?, ?, 'done', ?, ?, ?, ?, ?, ?, ?, NULL, ?)
         ON CONFLICT (object_sha256, source_page) DO UPDATE SET status = excluded.status, text = excluded.text, lines_json = excluded.lines_json,
           width = excluded.width, height = excluded.height, confidence = excluded.confidence, flagged = excluded.flagged,
           engine = excluded.engine, error = NULL, created_at = excluded.created_at`,
      )
      .run(
        o.objectSha256,
        o.sourcePage,
        o.text.lines.map((l) => l.text).join('\n'),
        JSON.stringify(o.text.lines),
        o.text.width,
        o.text.height,
        o.text.confidence,
        o.flagged ? 1 : 0,
        o.engine,
        o.now,
      );
  }

  putFailed(o: { objectSha256: string; sourcePage: number; error: string; engine: string; now: string }): void {
    this.db
      .prepare(
        `INSERT INTO page_ocr (object_sha256, source_page, status, flagged, engine, error, created_at)
         VALUES (?, ?, 'failed', 1, ?, ?, ?)
         ON CONFLICT (object_sha256, source_page) DO UPDATE SET status = 'failed', text = '', lines_json = '[]', width = NULL, height = NULL,
           confidence = NULL, flagged = 1, engine = excluded.engine, error = excluded.error, created_at = excluded.created_at`,
      )
      .run(o.objectSha256, o.sourcePage, o.engine, o.error, o.now);
  }

  /** Pages a person should look at (low confidence, nothing read, or failed), with where they are. */
  flagged(caseId?: number): (PendingOcrPage & { confidence: number | null; status: string; error: string | null })[] {
    return this.db
      .prepare(
        `SELECT MIN(p.id) AS pageId, d.id AS documentId, d.case_id AS caseId, f.object_sha256 AS objectSha256, p.source_page AS sourcePage,
                f.media_type AS mediaType, o.size AS size, d.title AS title, r.confidence AS confidence, r.status AS status, r.error AS error
         ${SCAN_PAGES}
         WHERE r.flagged = 1 ${caseId !== undefined ? 'AND d.case_id = ?' : ''}
         GROUP BY f.object_sha256, p.source_page ORDER BY MIN(p.id)`,
      )
      .all(...(caseId !== undefined ? [caseId] : [])) as (PendingOcrPage & { confidence: number | null; status: string; error: string | null })[];
  }
}
