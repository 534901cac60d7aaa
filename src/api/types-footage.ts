/** Data shapes returned by the footage operations (plain JSON). Times carry their offset. */

export type ClipKind = 'video' | 'audio' | 'photo';
export type FieldSource = 'station' | 'container' | 'name' | 'file-time';

export interface ClipCaseRef {
  linkId: number;
  caseId: number;
  caseNo: string;
  activity: string | null;
}

export interface ClipOfficerRef {
  certNo: string;
  name: string;
  /** `link`: linked by an archivist; `register`: held the device at the time per the 设备台账. */
  via: 'link' | 'register';
  linkId: number | null;
}

export interface RetentionInfo {
  /** `evidence`: linked to a case, kept for good (永久); `ordinary`: kept at least the profile's months. */
  class: 'evidence' | 'ordinary';
  /** `YYYY-MM-DD` from which an ordinary clip may be proposed for disposal; null for evidence. */
  keepUntil: string | null;
  due: boolean;
}

export interface ClipSummary {
  id: number;
  kind: ClipKind;
  mediaType: string;
  originalName: string;
  size: number;
  sha256: string;
  sm3: string;
  deviceSerial: string | null;
  userNo: string | null;
  unitCode: string | null;
  important: boolean;
  /** Camera-local start with offset, e.g. `2024-03-11T09:40:32+08:00`. */
  start: string | null;
  end: string | null;
  durationSec: number | null;
  timezone: string;
  width: number | null;
  height: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  hasThumb: boolean;
  hasSheet: boolean;
  derivedState: 'pending' | 'done' | 'failed' | 'none';
  cases: ClipCaseRef[];
  officers: ClipOfficerRef[];
  /** Activities recorded, from case links and activity links. */
  activities: string[];
  retention: RetentionInfo;
  disposed: boolean;
  ingestedAt: string;
}

export interface FieldConflictInfo {
  field: string;
  chosen: { source: FieldSource; value: string };
  other: { source: FieldSource; value: string };
  diffSec?: number;
}

export interface ClipSourceInfo {
  sourceRoot: string;
  relPath: string;
  fileName: string;
  size: number;
  mtime: string | null;
  firstSeenAt: string;
  ingestId: number | null;
}

export interface ClipLinkInfo {
  id: number;
  caseId: number | null;
  caseNo: string | null;
  officer: { certNo: string; name: string } | null;
  activity: string | null;
  linkedAt: string;
  linkedBy: string | null;
  removedAt: string | null;
  removedBy: string | null;
  removedReason: string | null;
}

export interface ClipDetail extends ClipSummary {
  namePattern: string | null;
  fileSeq: string | null;
  fieldSources: Partial<Record<string, FieldSource>>;
  conflicts: FieldConflictInfo[];
  container: string | null;
  frameRate: number | null;
  creationTime: string | null;
  fileMtime: string | null;
  probe: Record<string, unknown> | null;
  sources: ClipSourceInfo[];
  links: ClipLinkInfo[];
  /** Who held the device when the clip started, per the register (null when the register does not say). */
  holder: { certNo: string; name: string; from: string; to: string | null } | null;
  lastFixity: { checkedAt: string; outcome: FixityOutcome } | null;
}

export interface FootageListResult {
  total: number;
  items: ClipSummary[];
}

export interface IngestFileError {
  /** Path below the source folder. */
  relPath: string;
  code: string;
  message: string;
  messageZh: string;
}

export interface IngestReport {
  ingestId: number;
  sourceRoot: string;
  /** Recordings found. */
  files: number;
  /** Bytes read from the source. */
  bytes: number;
  new: number;
  duplicates: number;
  errors: IngestFileError[];
  /** Other files under the folder (logs, settings), not recordings. */
  ignored: number;
  clipIds: number[];
  sm3Backend: string;
  seconds: number;
  cancelled: boolean;
}

export interface DeviceAssignmentInfo {
  id: number;
  certNo: string;
  officerName: string;
  userNo: string | null;
  from: string;
  to: string | null;
  note: string | null;
}

export interface DeviceInfo {
  id: number;
  serial: string;
  model: string | null;
  unitCode: string | null;
  note: string | null;
  assignments: DeviceAssignmentInfo[];
}

export type FixityOutcome = 'ok' | 'changed' | 'vanished' | 'appeared';

export interface FixityProblem {
  sha256: string;
  outcome: Exclude<FixityOutcome, 'ok'>;
  /** Original names (clip sources, document files) or the stray file's name. */
  names: string[];
  /** 案号 of the cases the object belongs to. */
  cases: string[];
  message: string;
  messageZh: string;
}

export interface FixityReport {
  runId: number;
  mode: 'full' | 'incremental';
  state: 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';
  startedAt: string;
  finishedAt: string | null;
  planned: number;
  checked: number;
  bytes: number;
  ok: number;
  changed: number;
  vanished: number;
  appeared: number;
  problems: FixityProblem[];
  /** Objects not checked this time (byte budget, cancel); the next incremental run takes them first. */
  remaining: number;
  seconds: number | null; /** Who ran it (display name, from the audit log); set by `footage.verify` and `footage.lastAudit`. */
  by?: string | null;
}

export interface CoverageItem {
  code: string;
  name: string;
  recording: 'full' | 'as-needed';
  /** The case's documents show this activity took place. */
  indicated: boolean;
  clips: number;
  /** `missing`: 全程音像记录 required and no linked clip. */
  status: 'present' | 'missing' | 'not-recorded' | 'not-applicable';
}

export interface CaseFootageCoverage {
  caseId: number;
  caseNo: string;
  items: CoverageItem[];
  missing: string[];
}

export interface DisposalInfo {
  id: number;
  clipId: number;
  /** The clip's original file name (kept after disposal). */
  clipName: string;
  reason: string;
  state: 'requested' | 'approved' | 'rejected';
  requestedAt: string;
  requestedBy: string;
  /** The caller asked for it (and so may not decide it: 申请人不能审批自己的申请). */
  requestedByYou: boolean;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

/** The profile's 音像记录事项清单 (which activities are recorded, which from start to end). */
export interface FootageActivityInfo {
  code: string;
  name: string;
  category: string;
  recording: 'full' | 'as-needed';
  stage: string;
  recordStart: string;
  recordContent: string;
  recordEnd: string;
  retention: string;
  indicatedBy: string[];
  note: string;
}

export interface FootageChecklist {
  profileId: string;
  version: string;
  name: string;
  description: string;
  retention: { ordinaryMonths: number; evidence: 'permanent' | number; note: string };
  activities: FootageActivityInfo[];
}

export interface DeriveResult {
  done: number;
  failed: number;
  pending: number;
}
