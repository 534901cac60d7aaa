import type { CallContext } from '../api/context.js';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import type { Actor, AuditRecord } from '../audit/audit-log.js';
import type { Sessions } from '../auth/sessions.js';
import type { EventBus } from '../jobs/event-bus.js';
import type { Jobs } from '../jobs/jobs.js';
import { writeTx } from '../storage/db.js';
import type { StagingArea } from './staging.js';

/** What handlers are built from; wired once in app-core.ts (tests wire their own). */
export interface HandlerDeps {
  archive: Archive;
  sessions: Sessions;
  jobs: Jobs;
  bus: EventBus;
  staging: StagingArea;
}

/** The signed-in user of a non-public call (invoke guarantees one). */
export function userOf(ctx: CallContext): UserInfo {
  if (!ctx.user) throw new AppError('unauthenticated', 'please sign in', '请先登录');
  return ctx.user;
}

export function actorOf(user: UserInfo | null): Actor {
  return user ? { id: user.id, name: `${user.displayName}(${user.username})` } : { id: null, name: 'system' };
}

/**
 * Runs a catalogue change and its audit entries in one transaction, then writes the audit anchors.
 * `fn` returns the value and the audit records to append.
 */
export function change<T>(deps: HandlerDeps, user: UserInfo | null, fn: () => { value: T; audit: AuditRecord[] }): T {
  const { archive } = deps;
  try {
    const value = writeTx(archive.db, () => {
      const out = fn();
      for (const r of out.audit) archive.audit.record(actorOf(user), r);
      return out.value;
    });
    archive.audit.flushAnchors();
    return value;
  } catch (e) {
    archive.audit.dropPending();
    throw e;
  }
}

export function nowIso(deps: HandlerDeps): string {
  return deps.archive.clock.now().toISOString();
}
