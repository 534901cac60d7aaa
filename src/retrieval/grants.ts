import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { type Audited, change } from '../archive/audited-change.js';
import { utcIso } from '../footage/local-time.js';
import { instantOf } from './times.js';
import { type RetrievalPurpose, type RetrievalScope, RetrievalGrantRepo } from '../storage/repos/retrieval-grant-repo.js';

export type { RetrievalPurpose, RetrievalScope } from '../storage/repos/retrieval-grant-repo.js';
export { RETRIEVAL_PURPOSES } from '../storage/repos/retrieval-grant-repo.js';

export interface NewGrant {
  userId: number;
  scope: RetrievalScope;
  until: string;
  allowCopy: boolean;
  purpose: RetrievalPurpose;
  reason: string;
  source: 'request' | 'review-assignment';
  requestId?: number;
}

/** Checks a scope names things that exist; window bounds come back as `YYYY-MM-DDTHH:MM:SSZ` (as clips.start_utc). */
export function normaliseScope(archive: Archive, scope: RetrievalScope | { caseNo: string }): RetrievalScope {
  if ('caseNo' in scope) {
    const c = archive.db.prepare('SELECT id FROM cases WHERE case_no = ?').get(scope.caseNo) as { id: number } | undefined;
    if (!c) throw new AppError('not_found', `case ${scope.caseNo} does not exist`, `案件 ${scope.caseNo} 不存在`, { item: scope.caseNo });
    return { caseId: c.id };
  }
  if ('caseId' in scope) {
    const c = archive.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(scope.caseId);
    if (!c) throw new AppError('not_found', `case ${scope.caseId} does not exist`, `案件 ${scope.caseId} 不存在`, { item: String(scope.caseId) });
    return { caseId: scope.caseId };
  }
  if ('clipIds' in scope) {
    const ids = [...new Set(scope.clipIds)].sort((a, b) => a - b);
    if (ids.length === 0) throw new AppError('invalid_input', 'name at least one clip', '请至少选择一条音像记录', { item: 'clipIds' });
    const exists = archive.db.prepare('SELECT 1 FROM clips WHERE id = ?');
    for (const id of ids) if (!exists.get(id)) throw new AppError('not_found', `clip ${id} does not exist`, `音像记录 ${id} 不存在`, { item: String(id) });
    return { clipIds: ids };
  }
  const from = instantOf(archive, scope.from, 'from');
  const to = instantOf(archive, scope.to, 'to', true);
  if (to <= from)
    throw new AppError(
      'invalid_input',
      `time window ends (${scope.to}) before it starts (${scope.from})`,
      `时间段的结束时间（${scope.to}）早于开始时间（${scope.from}）`,
      {
        item: 'scope',
      },
    );
  return { from: utcIso(from), to: utcIso(to) };
}

/** Checks `until` is a date-time after now (a date alone: the end of that day); returns it as ISO UTC. */
export function normaliseUntil(archive: Archive, until: string, now: Date): string {
  const d = instantOf(archive, until, 'until', true);
  if (d <= now) throw new AppError('invalid_input', `until ${until} is not in the future`, `截止时间 ${until} 已经过去`, { item: 'until' });
  return d.toISOString();
}

/**
 * Grants a user access to a scope until a date (from an approved 调阅申请, or a 评查 assignment).
 * Audited as 'retrieval.grant'. Call outside any other transaction, or inside one via `insertGrant`.
 */
export function createGrant(archive: Archive, by: UserInfo, g: NewGrant): number {
  return change(archive, by, () => insertGrant(archive, by, g));
}

/** The body of createGrant, for use inside a caller's own `change` (e.g. approving a request). */
export function insertGrant(archive: Archive, by: UserInfo, g: NewGrant): Audited<number> {
  const now = archive.clock.now();
  const user = archive.db.prepare('SELECT id FROM users WHERE id = ?').get(g.userId);
  if (!user) throw new AppError('not_found', `user ${g.userId} does not exist`, `用户 ${g.userId} 不存在`, { item: String(g.userId) });
  if (g.source === 'request' && g.requestId === undefined)
    throw new AppError('invalid_input', 'a grant from a request names the request', '由调阅申请产生的授权必须注明申请编号', { item: 'requestId' });
  const reason = g.reason.trim();
  if (reason.length < 2) throw new AppError('invalid_input', 'give a reason for the grant', '请填写调阅事由', { item: 'reason' });
  const scope = normaliseScope(archive, g.scope);
  const until = normaliseUntil(archive, g.until, now);
  const row = { userId: g.userId, scope, until, allowCopy: g.allowCopy, purpose: g.purpose, reason, source: g.source, requestId: g.requestId ?? null };
  const id = new RetrievalGrantRepo(archive.db).insert({ ...row, createdAt: now.toISOString(), createdBy: by.id });
  return { value: id, audit: [{ action: 'retrieval.grant', targetType: 'retrieval_grant', targetId: id, after: row }] };
}

/** Revokes an active grant (领导/管理员); the user's next media range request is refused. Audited. */
export function revokeGrant(archive: Archive, by: UserInfo, grantId: number, reason: string): void {
  change(archive, by, () => {
    const repo = new RetrievalGrantRepo(archive.db);
    const g = repo.byId(grantId);
    if (!g) throw new AppError('not_found', `grant ${grantId} does not exist`, `调阅授权 ${grantId} 不存在`, { item: String(grantId) });
    if (g.revokedAt !== null)
      throw new AppError('invalid_input', `grant ${grantId} was already revoked at ${g.revokedAt}`, `调阅授权 ${grantId} 已于 ${g.revokedAt} 撤销`, {
        item: String(grantId),
      });
    const why = reason.trim();
    if (why.length < 2) throw new AppError('invalid_input', 'give a reason for revoking the grant', '请填写撤销授权的理由', { item: 'reason' });
    repo.revoke(grantId, by.id, why, archive.clock.now().toISOString());
    return {
      value: undefined,
      audit: [{ action: 'retrieval.revoke', targetType: 'retrieval_grant', targetId: grantId, detail: { reason: why, userId: g.userId } }],
    };
  });
}
