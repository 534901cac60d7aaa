import type { UserInfo } from '../api/types.js';
import type { Actor, AuditRecord } from '../audit/audit-log.js';
import { faultPoint } from '../ports/fault-point.js';
import { writeTx } from '../storage/db.js';
import type { Archive } from './archive.js';

/** The audit log's name for a signed-in user (or the system, for work no user started). */
export function actorOf(user: UserInfo | null): Actor {
  return user ? { id: user.id, name: `${user.displayName}(${user.username})` } : { id: null, name: 'system' };
}

/** What a change returns: its value and the audit records written in the same transaction. */
export interface Audited<T> {
  value: T;
  audit: AuditRecord[];
}

/**
 * The one audited transaction: runs a catalogue change and its audit entries in one IMMEDIATE
 * transaction, then writes the audit anchors. A throw rolls back both and drops the pending anchors.
 */
export function change<T>(archive: Archive, user: UserInfo | null, fn: () => Audited<T>): T {
  try {
    const value = writeTx(archive.db, () => {
      const out = fn();
      for (const r of out.audit) archive.audit.record(actorOf(user), r);
      archive.audit.prepareAnchors(); // the fsynced P line, before COMMIT (src/audit/anchor-file.ts)
      return out.value;
    });
    faultPoint('commit');
    archive.audit.flushAnchors();
    faultPoint('anchor');
    return value;
  } catch (e) {
    archive.audit.dropPending();
    throw e;
  }
}

/** `change` bound to one archive and actor: what long work (ingest, audits) is handed. */
export type Tx = <T>(fn: () => Audited<T>) => T;

export function txFor(archive: Archive, user: UserInfo | null): Tx {
  return (fn) => change(archive, user, fn);
}
