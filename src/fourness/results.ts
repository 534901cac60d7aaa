import type { FournessReport, FournessStage, FournessSummary } from '../api/types-fourness.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';

/**
 * A 四性检测 result is kept as an audit entry (`fourness.check`) on what was checked — a dossier, or
 * the archive (target `archive 0`) — so the latest result is one indexed lookup, and the history of
 * checks is part of the tamper-evident log. The entry's detail is the summary (failing rows only).
 */
export function summaryOf(r: FournessReport, where: string | null): FournessSummary {
  return {
    stage: r.stage,
    checkedAt: r.checkedAt,
    checkedBy: r.checkedBy ?? '',
    passed: r.passed,
    counts: r.counts,
    failures: r.rows.filter((x) => x.outcome === 'fail').map((x) => ({ code: x.code, name: x.name, reason: x.reason, failing: x.failing.slice(0, 10) })),
    where,
  };
}

export function recordFourness(
  archive: Archive,
  user: UserInfo,
  target: { type: 'dossier' | 'archive'; id: number },
  r: FournessReport,
  where: string | null,
): FournessSummary {
  const summary = summaryOf(r, where);
  change(archive, user, () => ({
    value: null,
    audit: [{ action: 'fourness.check', targetType: target.type, targetId: target.id, detail: { ...summary } }],
  }));
  return summary;
}

/** The latest recorded result for a dossier (any stage, or the one asked for), or null. */
export function latestFourness(archive: Archive, target: { type: 'dossier' | 'archive'; id: number }, stage?: FournessStage): FournessSummary | null {
  for (const row of archive.audit.list({ targetType: target.type, targetId: String(target.id), limit: 200 })) {
    if (row.action !== 'fourness.check' || !row.detail) continue;
    try {
      const s = JSON.parse(row.detail) as FournessSummary;
      if (!stage || s.stage === stage) return s;
    } catch {
      /* an entry we cannot read is skipped */
    }
  }
  return null;
}
