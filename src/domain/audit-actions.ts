/**
 * Every action the core writes to the audit log, by name. The audit page labels these (typed, so a new
 * action without a label is a compile error there); tests/domain/audit-actions.test.ts fails when the
 * core writes an action that is not listed here.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login.failed',
  'auth.lock',
  'user.unlock',
  'job.cancel',
  'user.create',
  'case.create',
  'case.update',
  'document.add',
  'document.update',
  'document.remove',
  'page.update',
  'dossier.reorder',
  'dossier.acknowledge',
  'dossier.seal',
  'dossier.correct',
  'dossier.export',
  'device.register',
  'footage.ingest',
  'footage.ingest.start',
  'footage.ingest.finish',
  'footage.source',
  'footage.link',
  'footage.unlink',
  'footage.verify',
  'footage.verify.start',
  'footage.quarantine',
  'archive.fsck',
  'footage.disposal.request',
  'footage.disposal.approve',
  'footage.disposal.reject',
  'officer.create',
  'officer.update',
  'officer.status',
  'officer.certificate.add',
  'calendar.update',
  'clip.export',
  'retrieval.grant',
  'retrieval.revoke',
  'retrieval.refused',
  'review.plan.create',
  'review.assign',
  'review.open',
  'review.finding.add',
  'review.finding.remove',
  'review.finding.accept',
  'review.finding.reject',
  'review.submit',
  'review.correct',
  'review.answer',
  'review.report',
  'review.summary',
  'clip.proxy',
  'retrieval.request',
  'retrieval.approve',
  'retrieval.reject',
  'retrieval.view',
  'retrieval.viewEnd',
  'retrieval.mark',
  'retrieval.register',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** True for an action this build writes (an older or newer archive may hold others). */
export function isAuditAction(a: string): a is AuditAction {
  return KNOWN.has(a);
}
