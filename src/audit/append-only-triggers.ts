import type { AuditCheckRepo } from '../storage/repos/audit-repo.js';

/**
 * The triggers that make audit_log append-only (migration 0001), as SQLite stores them. Someone with
 * write access to catalog.db can drop them and edit the log; `audit verify` names a trigger that is
 * missing or no longer the original (for example re-created with a WHEN clause that lets edits through).
 */
export const AUDIT_TRIGGERS: Readonly<Record<string, string>> = {
  audit_log_no_update: "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
  audit_log_no_delete: "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
};

const squash = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

/** The names of the append-only triggers that are missing or altered. */
export function missingAuditTriggers(repo: AuditCheckRepo): string[] {
  const have = repo.triggers();
  return Object.entries(AUDIT_TRIGGERS)
    .filter(([name, sql]) => squash(have.get(name) ?? '') !== squash(sql))
    .map(([name]) => name);
}
