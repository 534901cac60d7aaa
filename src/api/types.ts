import type { CaseDates, CaseOfficer, Party, Procedure } from '../domain/case.js';
import type { Role } from '../domain/roles.js';

/** Data shapes returned by the contract's operations (plain JSON). */

export interface UserInfo {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Set when an administrator reset the password: the user must choose a new one (auth.changePassword). */
  mustChangePassword?: boolean;
}

/** An account as the administrator's users page shows it: its sign-in state too. */
export interface UserAccount extends UserInfo {
  disabled: boolean;
  /** Locked after repeated failed sign-ins until an administrator unlocks it (user.unlock). */
  locked: boolean;
  /** Failed sign-ins since the last good one. */
  failedLogins: number;
}

export interface SessionInfo {
  token: string;
  user: UserInfo;
}

export interface AuthStatus {
  needsSetup: boolean;
  archiveName: string;
}

export interface ArchiveInfo {
  path: string;
  name: string;
  profileId: string;
  profileName: string;
  timezone: string;
  createdAt: string;
  schemaVersion: number;
  caseCount: number;
  documentCount: number;
  pageCount: number;
}

export interface CaseSummary {
  id: number;
  caseNo: string;
  title: string;
  cause: string;
  procedure: Procedure;
  decisionNo: string | null;
  filedOn: string | null;
  closedOn: string;
  partyNames: string[];
  documentCount: number;
  pageCount: number;
  updatedAt: string;
}

export interface CaseDetail extends CaseSummary {
  source: string | null;
  organ: string | null;
  unit: string | null;
  parties: Party[];
  officers: CaseOfficer[];
  dates: CaseDates;
  extra: Record<string, unknown> | null;
  documents: DocumentInfo[];
  createdAt: string;
  createdBy: string;
  /** `case.register` of a case file registered before, unchanged: this is that case, nothing new was written. */
  alreadyRegistered?: true;
}

export type PageSide = 'front' | 'back';

export interface PageInfo {
  id: number;
  seq: number;
  fileId: number;
  /** 0-based page index inside the stored file (TIFF frame or PDF page). */
  sourcePage: number;
  side: PageSide;
  blank: boolean;
  /** Set when the page looked blank on import; the archivist confirms with `blank`. */
  blankSuggested: boolean;
  width: number | null;
  height: number | null;
  hasThumb: boolean;
  mediaType: string;
}

export interface DocumentFileInfo {
  id: number;
  seq: number;
  originalName: string;
  mediaType: string;
  size: number;
  sha256: string;
  pageCount: number;
}

export interface DocumentInfo {
  id: number;
  caseId: number;
  seq: number;
  kind: string;
  kindName: string;
  title: string;
  docNo: string | null;
  responsible: string | null;
  date: string | null;
  pageCount: number;
  files: DocumentFileInfo[];
  pages: PageInfo[];
  createdAt: string;
  /** The same document (case, kind, 题名, files) was filed before: this is that one, nothing new was written. */
  alreadyFiled?: true;
}

export interface StagedUpload {
  stagedId: string;
  name: string;
  size: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  detail: Record<string, unknown> | null;
  hash: string;
  /** The target as people read it (案号, file name, 归档号, title, name); null when gone or unnamed. */
  targetLabel: string | null;
}

/** What audit.export wrote. */
export interface AuditExportResult {
  path: string;
  format: 'csv' | 'pdf';
  rows: number;
  size: number;
  sha256: string;
  pages?: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  anchor: { seq: number; hash: string } | null;
  firstBroken: { seq: number; reason: string; reasonZh: string } | null;
  /** Every problem found (seq 0: the log as a whole — triggers, anchor file, key, witness); absent when ok. */
  problems?: { seq: number; reason: string; reasonZh: string }[];
}
