import type { AuditRow } from '../storage/repos/audit-repo.js';
import type { AuditEntry } from '../api/types.js';
import type { HandlerDeps } from './deps.js';
import type { HandlerMap } from './types.js';

type MiscOps = 'upload.stagePath' | 'upload.stageBytes' | 'upload.discard' | 'audit.list' | 'audit.verify' | 'job.cancel';

export function miscHandlers(deps: HandlerDeps): HandlerMap<MiscOps> {
  return {
    'upload.stagePath': async ({ path }) => deps.staging.fromPath(path),
    'upload.stageBytes': async ({ name, data }) => {
      async function* one(): AsyncIterable<Uint8Array> {
        yield data;
      }
      return deps.staging.fromStream(name, one());
    },
    'upload.discard': async ({ stagedId }) => {
      await deps.staging.discard(stagedId);
      return { ok: true };
    },
    'audit.list': async (q) => deps.archive.audit.list(q).map(toEntry),
    'audit.verify': async () => deps.archive.audit.verify(),
    'job.cancel': async ({ jobId }) => ({ ok: deps.jobs.cancel(jobId) }),
  };
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
