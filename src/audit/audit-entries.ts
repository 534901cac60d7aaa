import type { AuditEntry } from '../api/types.js';
import type { AuditRow } from '../storage/repos/audit-repo.js';
import type { AuditLog } from './audit-log.js';

/** The 审计日志 page's rows: newest first, optionally before a sequence number or for one target. */
export function auditEntries(audit: AuditLog, q: Parameters<AuditLog['list']>[0]): AuditEntry[] {
  return audit.list(q).map(toEntry);
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    beforeDigest: r.beforeDigest,
    afterDigest: r.afterDigest,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    hash: r.hash,
  };
}
