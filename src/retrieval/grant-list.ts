import type { UserInfo } from '../api/types.js';
import type { RetrievalGrantInfo } from '../api/types-retrieval.js';
import type { Archive } from '../archive/archive.js';
import { type GrantListRow, listGrantsDetailed } from '../storage/repos/retrieval-grant-repo.js';
import { watchesLive } from './access.js';

/** Grants: 领导/管理员/档案员 see everyone's (as with requests), others their own. */
export function listGrants(archive: Archive, user: UserInfo, f: { source?: 'request' | 'review-assignment' } = {}): RetrievalGrantInfo[] {
  const all = watchesLive(user) || user.role === 'archivist';
  const now = archive.clock.now().toISOString();
  return listGrantsDetailed(archive.db, { ...(f.source ? { source: f.source } : {}), ...(all ? {} : { userId: user.id }) }).map((g) => grantInfo(g, user, now));
}

export function grantInfo(g: GrantListRow, user: UserInfo, now: string): RetrievalGrantInfo {
  return {
    id: g.id,
    userId: g.userId,
    user: g.userName,
    yours: g.userId === user.id,
    source: g.source,
    requestId: g.requestId,
    review: g.review ? { planId: g.review.planId, planTitle: g.review.planTitle, assignmentId: g.review.assignmentId, caseNo: g.review.caseNo } : null,
    purpose: g.purpose,
    reason: g.reason,
    scope: 'caseId' in g.scope ? { caseId: g.scope.caseId, ...(g.caseNo ? { caseNo: g.caseNo } : {}) } : g.scope,
    until: g.until,
    allowCopy: g.allowCopy,
    createdAt: g.createdAt,
    createdBy: g.createdByName,
    revokedAt: g.revokedAt,
    revokedBy: g.revokedBy,
    revokeReason: g.revokeReason,
    active: g.revokedAt === null && g.until > now,
  };
}
