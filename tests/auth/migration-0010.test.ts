import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { tmpDir } from '../helpers/tmp.js';

// Migration 0010 (sign-in back-off and lockout) on a populated catalogue at version 9: the accounts
// keep their rows and start with no failures and no lock; the address table is empty.
describe('migration 0010-login-guard', () => {
  it('adds the counters to existing accounts without touching them', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    migrate(db, file, MIGRATIONS.slice(0, 9));
    const T = '2024-06-01T02:00:00.000Z';
    db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'admin', '管理员', 'admin', 'h1', ?)").run(T);
    db.prepare(
      "INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (2, 'dangan', '档案员', 'archivist', 'h2', 1, ?)",
    ).run(T);
    expect(migrate(db, file, MIGRATIONS.slice(0, 10))).toEqual({ from: 9, to: 10 });
    expect(
      db
        .prepare(
          'SELECT id, username, password_hash AS h, disabled, failed_logins AS f, last_failed_login_at AS l, login_refused AS r, locked_at AS k FROM users ORDER BY id',
        )
        .all(),
    ).toEqual([
      { id: 1, username: 'admin', h: 'h1', disabled: 0, f: 0, l: null, r: 0, k: null },
      { id: 2, username: 'dangan', h: 'h2', disabled: 1, f: 0, l: null, r: 0, k: null },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM login_addresses').get()).toEqual({ n: 0 });
    expect(() => db.prepare('UPDATE users SET failed_logins = -1 WHERE id = 1').run()).toThrow(/CHECK/);
    db.close();
  });
});
