import { z } from 'zod';
import { ANY_ROLE, WRITERS } from '../domain/roles.js';
import { op } from './op.js';
import type { OcrPageTextInfo, OcrRunInfo, OcrStatusInfo } from './types-ocr.js';

const id = z.number().int().positive();
const jobId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/)
  .optional();

/**
 * The OCR slice (searchable scans): read the scanned pages that have no text yet, as a job with
 * progress and cancel (the app also does this by itself in the background after an import); see
 * what is done and which pages a person should look at; a page's recognised text.
 */
export const ocrOps = {
  'ocr.run': op<OcrRunInfo>()(z.object({ caseId: id.optional(), jobId }).strict(), WRITERS),
  'ocr.status': op<OcrStatusInfo>()(z.object({ caseId: id.optional() }).strict(), ANY_ROLE),
  'ocr.pageText': op<OcrPageTextInfo>()(z.object({ pageId: id }).strict(), ANY_ROLE),
} as const;

export type OcrOps = typeof ocrOps;
export type OcrOpName = keyof OcrOps;
