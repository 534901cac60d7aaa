import type { Db } from '../db.js';

export interface AccountGuardRow {
  failures: number;
  lastFailedAt: string | null;
  refused: number;
  lockedAt: string | null;
}

export interface AddressGuardRow {
  failures: number;
  lastFailedAt: string | null;
  refused: number;
}

/** The sign-in counters of migration 0010: per account (columns of users) and per address. */
export class LoginGuardRepo {
  constructor(private readonly db: Db) {}

  account(userId: number): AccountGuardRow | undefined {
    return this.db
      .prepare(
        'SELECT failed_logins AS failures, last_failed_login_at AS lastFailedAt, login_refused AS refused, locked_at AS lockedAt FROM users WHERE id = ?',
      )
      .get(userId) as AccountGuardRow | undefined;
  }

  address(address: string): AddressGuardRow {
    const row = this.db.prepare('SELECT failures, last_failed_at AS lastFailedAt, refused FROM login_addresses WHERE address = ?').get(address) as
      AddressGuardRow | undefined;
    return row ?? { failures: 0, lastFailedAt: null, refused: 0 };
  }

  /** Counts an attempt about to be verified (so that parallel guesses see each other), clearing the refusals. */
  countAttempt(userId: number | null, address: string, failuresOfAddress: number, at: string): void {
    if (userId !== null)
      this.db.prepare('UPDATE users SET failed_logins = failed_logins + 1, last_failed_login_at = ?, login_refused = 0 WHERE id = ?').run(at, userId);
    this.db
      .prepare(
        `INSERT INTO login_addresses (address, failures, last_failed_at, refused) VALUES (?, ?, ?, 0)
         ON CONFLICT (address) DO UPDATE SET failures = excluded.failures, last_failed_at = excluded.last_failed_at, refused = 0`,
      )
      .run(address, failuresOfAddress + 1, at);
  }

  /** Counts an attempt turned away unverified; returns how many were turned away since the last verified one. */
  countRefusal(userId: number | null, address: string): number {
    this.db.prepare('INSERT INTO login_addresses (address, refused) VALUES (?, 1) ON CONFLICT (address) DO UPDATE SET refused = refused + 1').run(address);
    if (userId !== null) {
      this.db.prepare('UPDATE users SET login_refused = login_refused + 1 WHERE id = ?').run(userId);
      return (this.db.prepare('SELECT login_refused AS n FROM users WHERE id = ?').get(userId) as { n: number }).n;
    }
    return (this.db.prepare('SELECT refused AS n FROM login_addresses WHERE address = ?').get(address) as { n: number }).n;
  }

  lock(userId: number, at: string): void {
    this.db.prepare('UPDATE users SET locked_at = ? WHERE id = ?').run(at, userId);
  }

  /** A good sign-in, or an administrator's unlock: the account starts afresh. */
  clearAccount(userId: number): void {
    this.db.prepare('UPDATE users SET failed_logins = 0, last_failed_login_at = NULL, login_refused = 0, locked_at = NULL WHERE id = ?').run(userId);
  }

  clearAddress(address: string): void {
    this.db.prepare('DELETE FROM login_addresses WHERE address = ?').run(address);
  }

  /** Administrators whose account is usable (neither disabled nor locked), `except` one. */
  usableAdmins(except: number): number {
    return (
      this.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0 AND locked_at IS NULL AND id <> ?").get(except) as {
        n: number;
      }
    ).n;
  }

  lockedIds(): Set<number> {
    return new Set((this.db.prepare('SELECT id FROM users WHERE locked_at IS NOT NULL').all() as { id: number }[]).map((r) => r.id));
  }
}
