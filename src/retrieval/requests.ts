import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { RequestStatus, RetrievalPurpose, RetrievalRequestInfo } from '../api/types-retrieval.js';
import type { Archive } from '../archive/archive.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { change } from '../archive/audited-change.js';
import { RetrievalGrantRepo, type RetrievalScope } from '../storage/repos/retrieval-grant-repo.js';
import { type RequestRow, RetrievalRequestRepo } from '../storage/repos/retrieval-request-repo.js';
import { watchesLive } from './access.js';
import { insertGrant, normaliseScope, normaliseUntil } from './grants.js';

export interface NewRequest {
  reason: string;
  purpose: RetrievalPurpose;
  scope: RetrievalScope | { caseNo: string };
  until: string;
  allowCopy: boolean;
}

/** Files a 调阅申请 for the caller. Audited as 'retrieval.request'. */
export function fileRequest(archive: Archive, user: UserInfo, r: NewRequest): RetrievalRequestInfo {
  const id = change(archive, user, () => {
    const now = archive.clock.now();
    const reason = r.reason.trim();
    if (reason.length < 2) throw new AppError('invalid_input', 'give a reason for the request', '请填写调阅事由', { item: 'reason' });
    const scope = normaliseScope(archive, r.scope);
    const until = normaliseUntil(archive, r.until, now);
    const row = { requesterId: user.id, reason, purpose: r.purpose, scope, until, allowCopy: r.allowCopy, requestedAt: now.toISOString() };
    const id = new RetrievalRequestRepo(archive.db).insert(row);
    return { value: id, audit: [{ action: 'retrieval.request', targetType: 'retrieval_request', targetId: id, after: row }] };
  });
  return requestInfo(archive, user, id);
}

/**
 * Approves (making a grant until the requested date) or rejects a pending request, with a comment.
 * A decision is made once, by a 领导/管理员 who did not file the request. Audited.
 */
export function decideRequest(archive: Archive, user: UserInfo, id: number, approve: boolean, comment: string): RetrievalRequestInfo {
  change(archive, user, () => {
    const repo = new RetrievalRequestRepo(archive.db);
    const r = repo.byId(id);
    if (!r) throw new AppError('not_found', `retrieval request ${id} does not exist`, `调阅申请 ${id} 不存在`, { item: String(id) });
    if (r.requesterId === user.id)
      throw new AppError(
        'forbidden',
        `retrieval request ${id} is your own; another supervisor must decide it`,
        `调阅申请 ${id} 是您本人提交的，不能自行审批，请由其他领导审批`,
        {
          item: String(id),
        },
      );
    if (r.status !== 'pending')
      throw new AppError(
        'invalid_input',
        `retrieval request ${id} was already ${r.status} on ${r.decidedAt ?? ''}`,
        `调阅申请 ${id} 已于 ${r.decidedAt ?? ''} 审批，不能再次审批`,
        {
          item: String(id),
        },
      );
    const text = comment.trim();
    if (text.length < 1) throw new AppError('invalid_input', 'give a comment with the decision', '请填写审批意见', { item: 'comment' });
    const now = archive.clock.now();
    if (approve && r.until <= now.toISOString())
      throw new AppError(
        'invalid_input',
        `retrieval request ${id} asked for access until ${r.until}, which has passed`,
        `调阅申请 ${id} 申请的截止时间 ${r.until} 已过，请重新申请`,
        {
          item: String(id),
        },
      );
    repo.decide(id, approve ? 'approved' : 'rejected', user.id, text, now.toISOString());
    const audit: AuditRecord[] = [
      { action: approve ? 'retrieval.approve' : 'retrieval.reject', targetType: 'retrieval_request', targetId: id, detail: { comment: text } },
    ];
    if (approve) {
      const g = insertGrant(archive, user, {
        userId: r.requesterId,
        scope: r.scope,
        until: r.until,
        allowCopy: r.allowCopy,
        purpose: r.purpose,
        reason: r.reason,
        source: 'request',
        requestId: id,
      });
      audit.push(...g.audit.map((a) => ({ ...a, detail: { requestId: id } })));
    }
    return { value: undefined, audit };
  });
  return requestInfo(archive, user, id);
}

/** Requests: 领导/管理员/档案员 see all; others see their own. */
export function listRequests(archive: Archive, user: UserInfo, f: { status?: RequestStatus; mine?: boolean } = {}): RetrievalRequestInfo[] {
  const all = watchesLive(user) || user.role === 'archivist';
  const rows = new RetrievalRequestRepo(archive.db).list({
    ...(f.status ? { status: f.status } : {}),
    ...(!all || f.mine ? { requesterId: user.id } : {}),
  });
  return rows.map((r) => toInfo(archive, user, r));
}

export function requestInfo(archive: Archive, user: UserInfo, id: number): RetrievalRequestInfo {
  const r = new RetrievalRequestRepo(archive.db).byId(id);
  if (!r) throw new AppError('not_found', `retrieval request ${id} does not exist`, `调阅申请 ${id} 不存在`, { item: String(id) });
  return toInfo(archive, user, r);
}

function toInfo(archive: Archive, user: UserInfo, r: RequestRow): RetrievalRequestInfo {
  const g = r.status === 'approved' ? new RetrievalGrantRepo(archive.db).byRequest(r.id) : undefined;
  const now = archive.clock.now().toISOString();
  return {
    id: r.id,
    requesterId: r.requesterId,
    requester: r.requester,
    yours: r.requesterId === user.id,
    reason: r.reason,
    purpose: r.purpose,
    scope: 'caseId' in r.scope ? { caseId: r.scope.caseId, ...(r.caseNo ? { caseNo: r.caseNo } : {}) } : r.scope,
    until: r.until,
    allowCopy: r.allowCopy,
    status: r.status,
    requestedAt: r.requestedAt,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    decisionComment: r.decisionComment,
    grant: g
      ? {
          id: g.id,
          until: g.until,
          revokedAt: g.revokedAt,
          revokedBy: g.revokedBy,
          revokeReason: g.revokeReason,
          active: g.revokedAt === null && g.until > now,
        }
      : null,
  };
}
