/** What the OCR operations answer (searchable scans, issue 13). */
export interface OcrRunInfo {
  pages: number;
  done: number;
  failed: number;
  flagged: number;
  cancelled: boolean;
}

export interface OcrFlaggedPage {
  pageId: number;
  documentId: number;
  caseId: number;
  title: string;
  /** 1-based page of the stored file. */
  page: number;
  confidence: number | null;
  status: string;
  error: string | null;
}

export interface OcrStatusInfo {
  pages: number;
  done: number;
  failed: number;
  flagged: number;
  pending: number;
  /** The background run in progress, for job.cancel; null when none runs. */
  backgroundJobId: string | null;
  flaggedPages: OcrFlaggedPage[];
  engine: string;
}

export interface OcrPageTextInfo {
  pageId: number;
  status: 'done' | 'failed' | 'pending';
  text: string;
  confidence: number | null;
  flagged: boolean;
  engine: string | null;
  error: string | null;
}
