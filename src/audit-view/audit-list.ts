import type { AuditEntry } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { instantOf } from '../retrieval/times.js';
import { AuditTargetRepo, type AuditListFilter, type AuditRow } from '../storage/repos/audit-repo.js';
import { AppError } from '../api/errors.js';

/** The 审计日志 filters as the contract takes them: dates as typed, in the archive's zone. */
export interface AuditQuery extends Omit<AuditListFilter, 'fromAt' | 'toAt'> {
  /** A date or date-time; `to` as a date includes that day. */
  from?: string;
  to?: string;
}

/** The filters with the period as instants (UTC ISO, `toAt` exclusive), as the repo compares them. */
export function auditFilter(archive: Archive, q: AuditQuery): AuditListFilter {
  const { from, to, ...rest } = q;
  const out: AuditListFilter = { ...rest };
  if (from !== undefined) out.fromAt = instantOf(archive, from, '起始日期').toISOString();
  if (to !== undefined) {
    const end = instantOf(archive, to, '截止日期', true);
    // A date-time `to` includes that moment.
    out.toAt = (/^\d{4}-\d{2}-\d{2}$/.test(to.trim()) ? end : new Date(end.getTime() + 1)).toISOString();
  }
  if (out.fromAt !== undefined && out.toAt !== undefined && out.toAt <= out.fromAt)
    throw new AppError('invalid_input', `the period ends (${to}) before it starts (${from})`, `截止日期（${to}）早于起始日期（${from}）`, { item: 'to' });
  return out;
}

/** The 审计日志 page's rows: newest first, filtered, each target with its readable name. */
export function listAudit(archive: Archive, q: AuditQuery & { limit: number; beforeSeq?: number }): AuditEntry[] {
  const { limit, beforeSeq, ...filters } = q;
  const rows = archive.audit.list({ ...auditFilter(archive, filters), limit, ...(beforeSeq !== undefined ? { beforeSeq } : {}) });
  return withLabels(archive, rows);
}

/** Entries for rows, the targets' names looked up once per target type (entries whose target is gone keep the id). */
export function withLabels(archive: Archive, rows: readonly AuditRow[]): AuditEntry[] {
  const repo = new AuditTargetRepo(archive.db);
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    const ids = idsByType.get(r.targetType) ?? new Set<string>();
    ids.add(r.targetId);
    idsByType.set(r.targetType, ids);
  }
  const labels = new Map<string, Map<string, string> | null>();
  for (const [type, ids] of idsByType) labels.set(type, repo.labels(type, [...ids]));
  return rows.map((r) => toEntry(r, labels.get(r.targetType)?.get(r.targetId) ?? null));
}

function toEntry(r: AuditRow, targetLabel: string | null): AuditEntry {
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
    targetLabel,
  };
}
