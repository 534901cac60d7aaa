/** What `search.query` returns: results grouped by kind, each saying which field matched and where. */

export const SEARCH_KINDS = ['case', 'officer', 'device', 'clip', 'document', 'scan'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Fields a hit can match in, by kind (the columns of the search indexes, migration 0005). */
export type SearchField =
  'case_no' | 'cause' | 'title' | 'parties' | 'address' | 'name' | 'cert_no' | 'serial' | 'model' | 'note' | 'file_name' | 'activity' | 'doc_no' | 'scan_text';

/** One field that matched: a snippet of it and the matched stretches within the snippet (UTF-16 offsets, end exclusive). */
export interface SearchMatch {
  field: SearchField;
  snippet: string;
  marks: [start: number, end: number][];
}

interface HitBase {
  id: number;
  /** Empty when the hit was found by filters alone. */
  matches: SearchMatch[];
}

export interface CaseHit extends HitBase {
  kind: 'case';
  caseNo: string;
  title: string;
  cause: string;
  closedOn: string;
  /** The case's current dossier version is sealed (归档). */
  sealed: boolean;
  /** The case has a dossier (open it with the case id). */
  hasDossier: boolean;
}

export interface OfficerHit extends HitBase {
  kind: 'officer';
  name: string;
  certNo: string;
  post: string | null;
}

export interface DeviceHit extends HitBase {
  kind: 'device';
  serial: string;
  model: string | null;
}

export interface ClipHit extends HitBase {
  kind: 'clip';
  originalName: string;
  clipKind: 'video' | 'audio' | 'photo';
  startLocal: string | null;
  durationSec: number | null;
  deviceSerial: string | null;
  /** For ClipThumb: the thumbnail is media `clip-thumb` with the clip's id. */
  hasThumb: boolean;
  derivedState: 'pending' | 'done' | 'failed' | 'none';
  activities: string[];
  cases: { caseId: number; caseNo: string }[];
}

export interface DocumentHit extends HitBase {
  kind: 'document';
  caseId: number;
  caseNo: string;
  title: string;
  docNo: string | null;
  date: string | null;
}

/** A scanned page whose OCR text has the words (id: its page_ocr row), with the document it belongs to. */
export interface ScanHit extends HitBase {
  kind: 'scan';
  documentId: number;
  caseId: number;
  caseNo: string;
  title: string;
  /** The page (its id, and its number within the document, 1-based). */
  pageId: number;
  page: number;
}

export type SearchHit = CaseHit | OfficerHit | DeviceHit | ClipHit | DocumentHit | ScanHit;

export interface SearchGroup {
  kind: SearchKind;
  /** Matching rows, counted up to `SEARCH_COUNT_CAP`; `capped` says there are more. */
  total: number;
  capped: boolean;
  hits: SearchHit[];
}

/**
 * How the text was looked up: `none` (no text: filters only, or nothing asked), `trigram` (every word
 * ≥ 3 characters, FTS5 trigram MATCH), `short` (a word of 1–2 characters: per-character index phrase),
 * `number` (one whole 案号/文号 found exactly: cases and documents by index, the other kinds by trigram).
 */
export type SearchMode = 'none' | 'trigram' | 'short' | 'number';

export interface SearchResult {
  /** The text as searched (trimmed, control characters removed). */
  text: string;
  mode: SearchMode;
  groups: SearchGroup[];
}

export const SEARCH_COUNT_CAP = 1000;
export const SEARCH_MAX_TEXT = 200;
