import type { UserInfo } from '../../api/types.js';
import type { Role } from '../../domain/roles.js';
import type { Db } from '../db.js';

export interface UserRow extends UserInfo {
  passwordHash: string;
  disabled: number;
  /** 1 after an administrator set a temporary password (migration 0012): change it at next sign-in. */
  mustChange: number;
}

const COLS = 'id, username, display_name AS displayName, role, password_hash AS passwordHash, disabled, must_change_password AS mustChange';

export class UserRepo {
  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  byUsername(username: string): UserRow | undefined {
    return this.db.prepare(`SELECT ${COLS} FROM users WHERE username = ?`).get(username) as UserRow | undefined;
  }

  byId(id: number): UserRow | undefined {
    return this.db.prepare(`SELECT ${COLS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
  }

  list(): UserInfo[] {
    return this.listRows().map(toInfo);
  }

  listRows(): UserRow[] {
    return this.db.prepare(`SELECT ${COLS} FROM users ORDER BY id`).all() as UserRow[];
  }

  insert(u: { username: string; displayName: string; role: Role; passwordHash: string; createdAt: string }): UserInfo {
    const r = this.db
      .prepare('INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(u.username, u.displayName, u.role, u.passwordHash, u.createdAt);
    return { id: Number(r.lastInsertRowid), username: u.username, displayName: u.displayName, role: u.role };
  }

  update(id: number, u: { displayName: string; role: Role }): void {
    this.db.prepare('UPDATE users SET display_name = ?, role = ? WHERE id = ?').run(u.displayName, u.role, id);
  }

  setDisabled(id: number, disabled: boolean): void {
    this.db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
  }

  /** A new password hash; `mustChange` when an administrator set it as a temporary one. */
  setPassword(id: number, passwordHash: string, mustChange: boolean): void {
    this.db.prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?').run(passwordHash, mustChange ? 1 : 0, id);
  }

  /** Administrators that are not disabled, `except` one. */
  activeAdmins(except: number): number {
    return (this.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0 AND id <> ?").get(except) as { n: number }).n;
  }
}

export function toInfo(u: UserRow): UserInfo {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, ...(u.mustChange === 1 ? { mustChangePassword: true } : {}) };
}
