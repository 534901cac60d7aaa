import type { BindIssue, BoundDossier, ManualOrder } from '../binding/types.js';
import type { PageModel } from '../binding/page-model.js';
import type { FieldIssue } from './validate.js';

/** Data shapes of the dossier (立卷/归档) operations. */

export interface DossierVersionInfo {
  id: number;
  versionNo: number;
  status: 'draft' | 'sealed';
  supersedesId: number | null;
  correctionReason: string | null;
  openedAt: string;
  openedBy: string;
  profileId: string | null;
  profileVersion: string | null;
  archiveNo: string | null;
  archiveCode: string | null;
  retention: string | null;
  appraisalDue: string | null;
  checker: string | null;
  sealedAt: string | null;
  sealedBy: string | null;
  /** SHA-256 of the sealed dossier as stored (bound JSON). */
  boundSha256: string | null;
}

/**
 * A dossier as the archivist sees it: `unbound` (nothing recorded yet: the live profile binding),
 * `draft` (a recorded order or acknowledgements, or an open correction), `sealed` (frozen, as sealed).
 */
export interface DossierView {
  scope: 'case' | 'batch';
  caseId: number | null;
  caseNo: string | null;
  dossierId: number | null;
  status: 'unbound' | 'draft' | 'sealed';
  version: DossierVersionInfo | null;
  versions: DossierVersionInfo[];
  profile: { id: string; name: string; version: string };
  bound: BoundDossier;
  pages: PageModel;
  /** Errors and unacknowledged warnings: sealing is refused while any remain. */
  blockers: BindIssue[];
  canSeal: boolean;
  manualOrder: ManualOrder | null;
}

export interface BatchVolumeInfo {
  title: string;
  caseIds: number[];
  caseNos: string[];
  pageCount: number;
  dossierId: number | null;
  archiveNo: string | null;
  bound: BoundDossier;
}

export interface BatchSkip {
  caseId: number;
  caseNo: string;
  reason: string;
  reasonZh: string;
}

export interface BatchResult {
  from: string;
  to: string;
  profile: { id: string; name: string; version: string };
  sealed: boolean;
  volumes: BatchVolumeInfo[];
  skipped: BatchSkip[];
}

export interface ProfileSummary {
  id: string;
  name: string;
  version: string;
  description: string;
  isDefault: boolean;
  isCurrent: boolean;
  hasBinding: boolean;
  secondaryVolume: boolean;
  batching: boolean;
  documentKinds: number;
}

export interface ProfileCheckResult {
  ok: boolean;
  file: string;
  profile: ProfileSummary | null;
  issues: FieldIssue[];
}

/** A sealed dossier as the 卷宗 list shows it, read from the catalogue (no binding). One per case. */
export interface SealedDossierSummary {
  caseId: number;
  dossierId: number;
  scope: 'case' | 'batch';
  versionNo: number;
  archiveNo: string;
  archiveCode: string | null;
  /** 保管期限 as printed (永久, 30年 …). */
  retention: string;
  volumes: number;
  pages: number;
  sealedAt: string;
}
