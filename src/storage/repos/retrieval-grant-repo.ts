import type { Db } from '../db.js';

import type { RetrievalPurpose } from '../../api/types-retrieval.js';

export type { RetrievalPurpose };
export const RETRIEVAL_PURPOSES: readonly RetrievalPurpose[] = ['supervision', 'complaint', 'litigation', 'case-review', 'other'];

/** What a request or grant covers: a case's linked clips, a list of clips, or a recorded time window (UTC). */
export type RetrievalScope = { caseId: number } | { clipIds: number[] } | { from: string; to: string };

export interface GrantRow {
  id: number;
  userId: number;
  userName: string;
  scope: RetrievalScope;
  until: string;
  allowCopy: boolean;
  purpose: RetrievalPurpose;
  reason: string;
  source: 'request' | 'review-assignment';
  requestId: number | null;
  createdAt: string;
  createdBy: number | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

interface RawScope {
  scope_kind: 'case' | 'clips' | 'window';
  case_id: number | null;
  clip_ids: string | null;
  from_utc: string | null;
  to_utc: string | null;
}

export function scopeColumns(s: RetrievalScope): RawScope {
  if ('caseId' in s) return { scope_kind: 'case', case_id: s.caseId, clip_ids: null, from_utc: null, to_utc: null };
  if ('clipIds' in s) return { scope_kind: 'clips', case_id: null, clip_ids: JSON.stringify(s.clipIds), from_utc: null, to_utc: null };
  return { scope_kind: 'window', case_id: null, clip_ids: null, from_utc: s.from, to_utc: s.to };
}

export function scopeOf(r: RawScope): RetrievalScope {
  if (r.scope_kind === 'case') return { caseId: r.case_id ?? 0 };
  if (r.scope_kind === 'clips') return { clipIds: JSON.parse(r.clip_ids ?? '[]') as number[] };
  return { from: r.from_utc ?? '', to: r.to_utc ?? '' };
}

/** The SQL condition "grant g covers clip ?" (the clip id bound three times). */
export const COVERS_CLIP = `(
    (g.scope_kind = 'case' AND EXISTS (SELECT 1 FROM clip_links l WHERE l.clip_id = ? AND l.case_id = g.case_id AND l.removed_at IS NULL))
 OR (g.scope_kind = 'clips' AND EXISTS (SELECT 1 FROM json_each(g.clip_ids) j WHERE j.value = ?))
 OR (g.scope_kind = 'window' AND EXISTS (SELECT 1 FROM clips c WHERE c.id = ? AND c.start_utc IS NOT NULL
       AND c.start_utc < g.to_utc AND coalesce(c.end_utc, c.start_utc) >= g.from_utc)))`;

const SELECT = `SELECT g.*, u.display_name AS user_name, r.display_name AS revoked_by_name
  FROM retrieval_grants g JOIN users u ON u.id = g.user_id LEFT JOIN users r ON r.id = g.revoked_by`;

interface Raw extends RawScope {
  id: number;
  user_id: number;
  user_name: string;
  until: string;
  allow_copy: number;
  purpose: RetrievalPurpose;
  reason: string;
  source: 'request' | 'review-assignment';
  request_id: number | null;
  created_at: string;
  created_by: number | null;
  revoked_at: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
}

function row(r: Raw): GrantRow {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    scope: scopeOf(r),
    until: r.until,
    allowCopy: r.allow_copy === 1,
    purpose: r.purpose,
    reason: r.reason,
    source: r.source,
    requestId: r.request_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by_name,
    revokeReason: r.revoke_reason,
  };
}

/** 调阅 grants: created once, changed only when revoked, never deleted. */
export class RetrievalGrantRepo {
  constructor(private readonly db: Db) {}

  insert(g: {
    userId: number;
    scope: RetrievalScope;
    until: string;
    allowCopy: boolean;
    purpose: RetrievalPurpose;
    reason: string;
    source: 'request' | 'review-assignment';
    requestId: number | null;
    createdAt: string;
    createdBy: number | null;
  }): number {
    const s = scopeColumns(g.scope);
    return Number(
      this.db
        .prepare(
          `INSERT INTO retrieval_grants (user_id, scope_kind, case_id, clip_ids, from_utc, to_utc, until, allow_copy, purpose, reason, source, request_id, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          g.userId,
          s.scope_kind,
          s.case_id,
          s.clip_ids,
          s.from_utc,
          s.to_utc,
          g.until,
          g.allowCopy ? 1 : 0,
          g.purpose,
          g.reason,
          g.source,
          g.requestId,
          g.createdAt,
          g.createdBy,
        ).lastInsertRowid,
    );
  }

  revoke(id: number, by: number, reason: string, now: string): void {
    this.db.prepare('UPDATE retrieval_grants SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?').run(now, by, reason, id);
  }

  byId(id: number): GrantRow | undefined {
    const r = this.db.prepare(`${SELECT} WHERE g.id = ?`).get(id) as Raw | undefined;
    return r && row(r);
  }

  byRequest(requestId: number): GrantRow | undefined {
    const r = this.db.prepare(`${SELECT} WHERE g.request_id = ?`).get(requestId) as Raw | undefined;
    return r && row(r);
  }

  /** The user's grant that covers the clip now (not revoked, not expired), the longest-running first. */
  activeCovering(userId: number, clipId: number, now: string, needCopy: boolean): GrantRow | undefined {
    const r = this.db
      .prepare(
        `${SELECT} WHERE g.user_id = ? AND g.revoked_at IS NULL AND g.until > ? ${needCopy ? 'AND g.allow_copy = 1' : ''} AND ${COVERS_CLIP}
         ORDER BY g.until DESC LIMIT 1`,
      )
      .get(userId, now, clipId, clipId, clipId) as Raw | undefined;
    return r && row(r);
  }

  /** Every grant of a user that covers the clip, whatever its state (to explain a refusal). */
  anyCovering(userId: number, clipId: number): GrantRow[] {
    return (this.db.prepare(`${SELECT} WHERE g.user_id = ? AND ${COVERS_CLIP} ORDER BY g.id DESC`).all(userId, clipId, clipId, clipId) as Raw[]).map(row);
  }

  list(f: { userId?: number; activeAt?: string } = {}): GrantRow[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (f.userId !== undefined) {
      where.push('g.user_id = ?');
      args.push(f.userId);
    }
    if (f.activeAt !== undefined) {
      where.push('g.revoked_at IS NULL AND g.until > ?');
      args.push(f.activeAt);
    }
    return (this.db.prepare(`${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY g.id DESC`).all(...args) as Raw[]).map(row);
  }
}

/** A grant with what a list shows beside it: the case's 案号, who granted it, and (for a 评查 grant) its plan. */
export interface GrantListRow extends GrantRow {
  caseNo: string | null;
  createdByName: string | null;
  review: { assignmentId: number; planId: number; planTitle: string; assignedByName: string | null; assignedAt: string | null; caseNo: string } | null;
}

interface ListRaw extends Raw {
  case_no: string | null;
  created_by_name: string | null;
  assignment_id: number | null;
  plan_id: number | null;
  plan_title: string | null;
  assigned_by_name: string | null;
  assigned_at: string | null;
  assignment_case_no: string | null;
}

const LIST_SELECT = `SELECT g.*, u.display_name AS user_name, r.display_name AS revoked_by_name, cb.display_name AS created_by_name, c.case_no AS case_no,
    a.id AS assignment_id, a.plan_id AS plan_id, p.title AS plan_title, ab.display_name AS assigned_by_name, a.assigned_at AS assigned_at,
    ac.case_no AS assignment_case_no
  FROM retrieval_grants g JOIN users u ON u.id = g.user_id LEFT JOIN users r ON r.id = g.revoked_by LEFT JOIN users cb ON cb.id = g.created_by
  LEFT JOIN cases c ON c.id = g.case_id
  LEFT JOIN review_assignments a ON a.grant_id = g.id LEFT JOIN review_plans p ON p.id = a.plan_id
  LEFT JOIN users ab ON ab.id = a.assigned_by LEFT JOIN cases ac ON ac.id = a.case_id`;

function listRow(r: ListRaw): GrantListRow {
  return {
    ...row(r),
    caseNo: r.case_no,
    createdByName: r.created_by_name,
    review:
      r.assignment_id !== null && r.plan_id !== null
        ? {
            assignmentId: r.assignment_id,
            planId: r.plan_id,
            planTitle: r.plan_title ?? '',
            assignedByName: r.assigned_by_name,
            assignedAt: r.assigned_at,
            caseNo: r.assignment_case_no ?? '',
          }
        : null,
  };
}

/** Grants with their case, grantor and 评查 plan (the 调阅 page's list, the 提取说明). */
export function listGrantsDetailed(db: Db, f: { id?: number; userId?: number; source?: 'request' | 'review-assignment' } = {}): GrantListRow[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.id !== undefined) {
    where.push('g.id = ?');
    args.push(f.id);
  }
  if (f.userId !== undefined) {
    where.push('g.user_id = ?');
    args.push(f.userId);
  }
  if (f.source !== undefined) {
    where.push('g.source = ?');
    args.push(f.source);
  }
  return (db.prepare(`${LIST_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY g.id DESC LIMIT 2000`).all(...args) as ListRaw[]).map(
    listRow,
  );
}
