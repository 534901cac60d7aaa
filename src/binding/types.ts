import type { CaseDates, Procedure } from '../domain/case.js';
import type { CoverField, PagePosition, Sheet, TocColumn } from '../domain/profile-binding.js';

/** What the binder reads: one case, its documents with their pages, its AV evidence items. Plain data. */

export type PageSide = 'front' | 'back';

export interface BindPage {
  id: number;
  side: PageSide;
  blank: boolean;
}

export interface BindDocument {
  id: number;
  /** Registration order in the case (ties in date sort keep it). */
  seq: number;
  kind: string;
  title: string;
  docNo: string | null;
  responsible: string | null;
  /** `YYYY-MM-DD` (a time part is ignored). */
  date: string | null;
  pages: BindPage[];
}

export interface BindCase {
  id: number;
  caseNo: string;
  title: string;
  procedure: Procedure;
  decisionNo: string | null;
  organ: string | null;
  unit: string | null;
  partyNames: string[];
  dates: CaseDates;
  extra: Record<string, unknown> | null;
}

/**
 * An audio-visual evidence item (a body-cam clip linked to the case) as the footage capability hands
 * it over. Each becomes one numbered 视听资料证据 sheet with a 目录 row.
 */
export interface AvItem {
  id: string;
  fileName: string;
  durationSec: number;
  device: string;
  officer: string;
  /** ISO date-time of the recording start. */
  recordedAt: string;
  sha256: string;
  sm3: string | null;
  /** 载体: disc / carrier id the original is kept on. */
  carrier: string | null;
  /** 证明对象: what the clip proves. */
  proves: string | null;
  activity?: string | null;
  place?: string | null;
}

/** The archivist's recorded manual order (document ids) and a reason per moved document. */
export interface ManualOrder {
  order: number[];
  reasons: Record<string, string>;
}

export interface Acknowledgement {
  key: string;
  reason: string;
  by: string;
  at: string;
}

/** Who binds and when; numbers are filled in at sealing. */
export interface BindContext {
  preparer: string | null;
  /** `YYYY-MM-DD`: the day the dossier is bound (立卷时间), also used for the filing-deadline notice. */
  today: string;
  checker: string | null;
  archiveNo: string | null;
  /** 档号 without the volume suffix, or null while the archives office has not assigned one. */
  archiveCode: ArchiveCodeParts | null;
}

export interface ArchiveCodeParts {
  fondsNo: string | null;
  catalogNo: string | null;
  fileNo: string | null;
  year: number;
  serial: number;
}

export interface CaseBindInput {
  case: BindCase;
  documents: BindDocument[];
  av: AvItem[];
  manualOrder: ManualOrder | null;
  acknowledgements: Acknowledgement[];
}

// ---------------------------------------------------------------------------------------------------
// What the binder produces.

export type Severity = 'error' | 'warning' | 'notice';

/** A check result. `key` is stable across re-binding, so an acknowledgement keeps matching its warning. */
export interface BindIssue {
  severity: Severity;
  code: string;
  key: string;
  message: string;
  messageZh: string;
  caseId: number;
  documentId?: number;
  kind?: string;
  acknowledged?: { reason: string; by: string; at: string };
}

export interface Deviation {
  caseId: number;
  documentId: number;
  title: string;
  /** 1-based positions among the case's documents. */
  profilePosition: number;
  actualPosition: number;
  reason: string | null;
}

export interface NumberedPage {
  /** The catalogue page (null for an AV evidence sheet, which the binder draws). */
  pageId: number | null;
  side: PageSide;
  blank: boolean;
  number: number | null;
}

/** One document or one AV evidence sheet inside a 目录 row. */
export interface EntryPart {
  type: 'document' | 'av';
  documentId: number | null;
  av: AvItem | null;
  kind: string;
  kindName: string;
  title: string;
  docNo: string | null;
  responsible: string | null;
  date: string | null;
  groupId: string;
  pages: NumberedPage[];
  start: number | null;
  end: number | null;
}

/** A 卷内目录 row: one document (or AV sheet), or in a 简易 batch volume one case's documents. */
export interface Entry {
  seq: number;
  caseId: number;
  caseNo: string;
  docNo: string | null;
  responsible: string | null;
  title: string;
  date: string | null;
  start: number | null;
  end: number | null;
  note: string;
  parts: EntryPart[];
}

export interface TocRow {
  seq: number;
  docNo: string;
  responsible: string;
  title: string;
  date: string;
  pages: string;
  note: string;
}

export interface CoverLine {
  id: CoverField;
  label: string;
  value: string;
}

export interface Beikao {
  title: string;
  statement: string;
  preparer: string;
  preparedOn: string;
  checker: string;
}

/** A sheet the binder draws (封面, 卷内目录, 备考表, 卷底): how many pages, and its first number if the profile numbers it. */
export interface SheetInfo {
  sheet: Sheet;
  pages: number;
  numbered: boolean;
  firstNumber: number | null;
}

export interface BoundVolume {
  /** 1-based across the dossier. */
  index: number;
  part: 'main' | 'secondary';
  partIndex: number;
  partCount: number;
  label: string;
  archiveCode: string | null;
  entries: Entry[];
  /** Numbered pages (documents and AV sheets, plus any sheet the profile numbers). */
  pageCount: number;
  blankPages: number;
  sheets: SheetInfo[];
  cover: { title: string; lines: CoverLine[] };
  toc: { title: string; columns: Record<TocColumn, string>; rows: TocRow[]; pages: number; rowsPerPage: number };
  beikao: Beikao;
}

export interface Retention {
  code: string;
  label: string;
  years: number | null;
  /** The first day after the retention period (null for 永久). */
  appraisalDue: string | null;
  source: 'procedure' | 'case';
}

export interface BoundDossier {
  scope: 'case' | 'batch';
  profile: { id: string; version: string; name: string };
  title: string;
  caseIds: number[];
  procedure: Procedure;
  retention: Retention;
  filingDue: string | null;
  archiveNo: string | null;
  numbering: { front: PagePosition; back: PagePosition };
  volumes: BoundVolume[];
  issues: BindIssue[];
  deviations: Deviation[];
  totals: { documents: number; avItems: number; pages: number; blankPages: number; volumes: number };
  preparedOn: string;
}
