import { AppError } from '../api/errors.js';
import type { OcrPageTextInfo, OcrStatusInfo } from '../api/types-ocr.js';
import type { Db } from '../storage/db.js';
import { OcrRepo } from '../storage/repos/ocr-repo.js';
import { ENGINE_NAME } from './engine.js';

/** How far OCR has come (of one case, or the archive) and the pages a person should look at. */
export function ocrStatus(db: Db, backgroundJobId: string | null, caseId?: number): OcrStatusInfo {
  const repo = new OcrRepo(db);
  const flaggedPages = repo.flagged(caseId).map((p) => ({
    pageId: p.pageId,
    documentId: p.documentId,
    caseId: p.caseId,
    title: p.title,
    page: p.sourcePage + 1,
    confidence: p.confidence,
    status: p.status,
    error: p.error,
  }));
  return { ...repo.counts(caseId), backgroundJobId, flaggedPages, engine: ENGINE_NAME };
}

/** The recognised text of one page of a document (by the page's id, as the case page lists them). */
export function ocrPageText(db: Db, pageId: number): OcrPageTextInfo {
  const src = db
    .prepare(
      `SELECT f.object_sha256 AS sha, p.source_page AS page, f.media_type AS mediaType
       FROM pages p JOIN document_files f ON f.id = p.file_id WHERE p.id = ?`,
    )
    .get(pageId) as { sha: string; page: number; mediaType: string } | undefined;
  if (!src) throw new AppError('not_found', `page ${pageId} not found`, `页面 ${pageId} 不存在`, { item: String(pageId) });
  if (!src.mediaType.startsWith('image/'))
    return { pageId, status: 'failed', text: '', confidence: null, flagged: false, engine: null, error: 'not a scanned image: the page comes from a PDF' };
  const r = new OcrRepo(db).get(src.sha, src.page);
  if (!r) return { pageId, status: 'pending', text: '', confidence: null, flagged: false, engine: null, error: null };
  return { pageId, status: r.status, text: r.text, confidence: r.confidence, flagged: r.flagged, engine: r.engine, error: r.error };
}
