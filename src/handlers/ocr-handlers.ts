import type { OcrOpName } from '../api/contract-ocr.js';
import { ocrPageText, ocrStatus } from '../ocr/ocr-status.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

/** Searchable scans: run OCR now, its progress and flagged pages, a page's text. */
export function ocrHandlers(deps: HandlerDeps): HandlerMap<OcrOpName> {
  return {
    'ocr.run': async (i, ctx) => deps.ocr.run(userOf(ctx), { ...(i.caseId !== undefined ? { caseId: i.caseId } : {}), ...(i.jobId ? { jobId: i.jobId } : {}) }),
    'ocr.status': async (i) => ocrStatus(deps.archive.db, deps.ocr.backgroundJobId, i.caseId),
    'ocr.pageText': async (i) => ocrPageText(deps.archive.db, i.pageId),
  };
}
