import type { UserInfo } from '../../api/types.js';
import type { Role } from '../../domain/roles.js';
import type { Db } from '../db.js';

interface UserRow extends UserInfo {
  passwordHash: string;
  disabled: number;
}

const COLS = 'id, username, display_name AS displayName, role, password_hash AS passwordHash, disabled';

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
}

export function toInfo(u: UserRow): UserInfo {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
}
