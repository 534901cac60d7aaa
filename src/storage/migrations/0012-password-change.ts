import type { Migration } from '../migration.js';

/**
 * A temporary password set by an administrator (`user.resetPassword`) must be replaced at the next
 * sign-in: `must_change_password` is 1 until the user changes it (`auth.changePassword`).
 */
export const m0012PasswordChange: Migration = {
  version: 12,
  name: '0012-password-change',
  up(db) {
    db.exec(`ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0,1));`);
  },
};
