import type { RequestStatus, RetrievalPurpose } from '../../api/types-retrieval.js';
import type { Db } from '../db.js';
import { type RetrievalScope, scopeColumns, scopeOf } from './retrieval-grant-repo.js';

export interface RequestRow {
  id: number;
  requesterId: number;
  requester: string;
  reason: string;
  purpose: RetrievalPurpose;
  scope: RetrievalScope;
  caseNo: string | null;
  until: string;
  allowCopy: boolean;
  status: RequestStatus;
  requestedAt: string;
  decidedBy: string | null;
  decidedById: number | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

interface Raw {
  id: number;
  requester_id: number;
  requester: string;
  reason: string;
  purpose: RetrievalPurpose;
  scope_kind: 'case' | 'clips' | 'window';
  case_id: number | null;
  case_no: string | null;
  clip_ids: string | null;
  from_utc: string | null;
  to_utc: string | null;
  until: string;
  allow_copy: number;
  status: RequestStatus;
  requested_at: string;
  decided_by: number | null;
  decider: string | null;
  decided_at: string | null;
  decision_comment: string | null;
}

const SELECT = `SELECT r.*, u.display_name AS requester, d.display_name AS decider, c.case_no AS case_no
  FROM retrieval_requests r JOIN users u ON u.id = r.requester_id LEFT JOIN users d ON d.id = r.decided_by LEFT JOIN cases c ON c.id = r.case_id`;

function row(r: Raw): RequestRow {
  return {
    id: r.id,
    requesterId: r.requester_id,
    requester: r.requester,
    reason: r.reason,
    purpose: r.purpose,
    scope: scopeOf(r),
    caseNo: r.case_no,
    until: r.until,
    allowCopy: r.allow_copy === 1,
    status: r.status,
    requestedAt: r.requested_at,
    decidedBy: r.decider,
    decidedById: r.decided_by,
    decidedAt: r.decided_at,
    decisionComment: r.decision_comment,
  };
}

/** 调阅申请: filed by anyone, decided once by someone else, never deleted. */
export class RetrievalRequestRepo {
  constructor(private readonly db: Db) {}

  insert(r: {
    requesterId: number;
    reason: string;
    purpose: RetrievalPurpose;
    scope: RetrievalScope;
    until: string;
    allowCopy: boolean;
    requestedAt: string;
  }): number {
    const s = scopeColumns(r.scope);
    return Number(
      this.db
        .prepare(
          `INSERT INTO retrieval_requests (requester_id, reason, purpose, scope_kind, case_id, clip_ids, from_utc, to_utc, until, allow_copy, requested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(r.requesterId, r.reason, r.purpose, s.scope_kind, s.case_id, s.clip_ids, s.from_utc, s.to_utc, r.until, r.allowCopy ? 1 : 0, r.requestedAt)
        .lastInsertRowid,
    );
  }

  decide(id: number, status: 'approved' | 'rejected', by: number, comment: string, at: string): void {
    this.db
      .prepare("UPDATE retrieval_requests SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ? WHERE id = ? AND status = 'pending'")
      .run(status, by, at, comment, id);
  }

  byId(id: number): RequestRow | undefined {
    const r = this.db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Raw | undefined;
    return r && row(r);
  }

  list(f: { requesterId?: number; status?: RequestStatus } = {}): RequestRow[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (f.requesterId !== undefined) {
      where.push('r.requester_id = ?');
      args.push(f.requesterId);
    }
    if (f.status !== undefined) {
      where.push('r.status = ?');
      args.push(f.status);
    }
    return (this.db.prepare(`${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY r.id DESC LIMIT 2000`).all(...args) as Raw[]).map(row);
  }
}
