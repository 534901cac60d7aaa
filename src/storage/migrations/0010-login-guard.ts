import type { Migration } from '../migration.js';

/**
 * Sign-in back-off and lockout (src/auth/login-policy.ts). Per account: the failed sign-ins since the
 * last good one, when the last failed, and when the account was locked (cleared only by an
 * administrator's `user.unlock`). Per address (a transport and the peer address it reports): the same
 * counters, which never lock. `refused` counts attempts turned away while waiting, so that only the
 * first of a burst is audited.
 */
export const m0010LoginGuard: Migration = {
  version: 10,
  name: '0010-login-guard',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0);
      ALTER TABLE users ADD COLUMN last_failed_login_at TEXT;
      ALTER TABLE users ADD COLUMN login_refused INTEGER NOT NULL DEFAULT 0 CHECK (login_refused >= 0);
      ALTER TABLE users ADD COLUMN locked_at TEXT;

      CREATE TABLE login_addresses (
        address TEXT PRIMARY KEY,
        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_failed_at TEXT,
        refused INTEGER NOT NULL DEFAULT 0 CHECK (refused >= 0)
      ) STRICT;
    `);
  },
};
