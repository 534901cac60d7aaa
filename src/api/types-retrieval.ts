import type { FixityOutcome } from './types-footage.js';
/** DTOs of the 调阅 capability (contract-retrieval.ts). Times are ISO-8601 UTC. */

export type RetrievalPurpose = 'supervision' | 'complaint' | 'litigation' | 'case-review' | 'other';

/** A case's linked clips, a list of clips, or clips recorded in a time window. */
export type RetrievalScopeInfo = { caseId: number; caseNo?: string } | { clipIds: number[] } | { from: string; to: string };

export type RequestStatus = 'pending' | 'approved' | 'rejected';

export interface RetrievalRequestInfo {
  id: number;
  requesterId: number;
  requester: string;
  /** The caller filed it (a supervisor may not decide it). */
  yours: boolean;
  reason: string;
  purpose: RetrievalPurpose;
  scope: RetrievalScopeInfo;
  until: string;
  allowCopy: boolean;
  status: RequestStatus;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  /** The grant an approval made, with its state now. */
  grant: { id: number; until: string; revokedAt: string | null; revokedBy: string | null; revokeReason: string | null; active: boolean } | null;
}

/** A grant as the 调阅 page lists it: from an approved request, or with a 评查 assignment (评查任务授权). */
export interface RetrievalGrantInfo {
  id: number;
  userId: number;
  user: string;
  yours: boolean;
  source: 'request' | 'review-assignment';
  requestId: number | null;
  /** The 评查 plan and assignment a review grant came with. */
  review: { planId: number; planTitle: string; assignmentId: number; caseNo: string } | null;
  purpose: RetrievalPurpose;
  reason: string;
  scope: RetrievalScopeInfo;
  until: string;
  allowCopy: boolean;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  active: boolean;
}

export interface AccessInfo {
  /** 'live': 实时调阅 by role; 'grant': under grant `grantId`. */
  mode: 'live' | 'grant';
  grantId: number | null;
  until: string | null;
}

/** A watched stretch of a clip, in seconds from its start. */
export type Segment = readonly [from: number, to: number];

export interface ViewStartResult {
  viewId: number;
  access: AccessInfo;
  /** Which media kind the player loads: the original, or (a format Chromium cannot play) R2b's H.264/AAC proxy. */
  media: 'clip' | 'clip-proxy';
  /**
   * The playback proxy of a clip Chromium cannot play (null: the original plays as it is). 'making':
   * ffmpeg is at it — load nothing yet, poll clip.proxyStatus until it is done; 'failed': `error` says why.
   */
  proxy: { state: 'making' | 'done' | 'failed'; error: string | null } | null;
  /** The original's last fixity result (null: never audited): the player warns before a changed or missing one plays. */
  lastFixity: { checkedAt: string; outcome: FixityOutcome } | null;
}

export interface ViewSessionInfo {
  id: number;
  clipId: number;
  clipName: string;
  userId: number;
  user: string;
  grantId: number | null;
  mode: 'live' | 'grant';
  viaProxy: boolean;
  startedAt: string;
  endedAt: string | null;
  /** Closed by the player (`viewer`), or 自动结束 (`auto`: tab closed, crash) at its last sign of life; null while open. */
  endReason: 'viewer' | 'auto' | null;
  lastSeenAt: string;
  segments: Segment[];
  totalSec: number;
}

export interface RefusalInfo {
  id: number;
  clipId: number;
  clipName: string | null;
  userId: number;
  user: string;
  need: 'view' | 'copy';
  at: string;
  why: string;
}

export interface RetrievalLogResult {
  views: ViewSessionInfo[];
  refusals: RefusalInfo[];
  /** Per person: sessions, distinct clips, seconds watched, refusals. */
  people: { userId: number; user: string; sessions: number; clips: number; totalSec: number; refusals: number }[];
}

export interface ClipMarkInfo {
  id: number;
  clipId: number;
  second: number;
  note: string;
  by: string;
  at: string;
}

export interface RegisterPdfResult {
  path: string;
  pages: number;
  size: number;
  sha256: string;
  sm3: string;
  sessions: number;
}
