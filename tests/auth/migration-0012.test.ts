import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { tmpDir } from '../helpers/tmp.js';

// Migration 0012 (temporary passwords) on a populated catalogue at version 11: the accounts keep
// their rows, hashes and states, and none must change its password.
describe('migration 0012-password-change', () => {
  it('adds the must-change flag to existing accounts, cleared', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    migrate(db, file, MIGRATIONS.slice(0, 11));
    const T = '2024-06-01T02:00:00.000Z';
    db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'admin', '管理员', 'admin', 'h1', ?)").run(T);
    db.prepare(
      "INSERT INTO users (id, username, display_name, role, password_hash, disabled, failed_logins, created_at) VALUES (2, 'dangan', '档案员', 'archivist', 'h2', 1, 3, ?)",
    ).run(T);
    expect(migrate(db, file, MIGRATIONS.slice(0, 12))).toEqual({ from: 11, to: 12 });
    expect(db.prepare('SELECT id, username, password_hash AS h, disabled, failed_logins AS f, must_change_password AS m FROM users ORDER BY id').all()).toEqual(
      [
        { id: 1, username: 'admin', h: 'h1', disabled: 0, f: 0, m: 0 },
        { id: 2, username: 'dangan', h: 'h2', disabled: 1, f: 3, m: 0 },
      ],
    );
    expect(() => db.prepare('UPDATE users SET must_change_password = 2 WHERE id = 1').run()).toThrow(/CHECK/);
    db.close();
  });
});
