import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { LATEST_VERSION, migrate } from '../../src/storage/migrate.js';
import type { Migration } from '../../src/storage/migration.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { tmpDir } from '../helpers/tmp.js';

describe('migrations', () => {
  it('bring a new catalogue to the latest version with STRICT tables, WAL and foreign keys', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    expect(migrate(db, file)).toEqual({ from: 0, to: LATEST_VERSION });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // FTS5 virtual tables and their shadow tables (migration 0005) cannot be STRICT; every ordinary table is.
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN (SELECT name FROM pragma_table_list WHERE type = 'table')")
      .all() as { name: string; sql: string }[];
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    expect(migrate(db, file)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    db.close();
  });

  it('refuse a catalogue written by a newer Juanzong, and leave it untouched', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const db = openDb(file);
    expect(() => migrate(db, file)).toThrowError(/newer than this Juanzong supports/);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('run all pending steps in one transaction: a failing step leaves the old schema', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    const version = MIGRATIONS.length + 1;
    const broken: Migration = { version, name: `${version}-broken`, up: (d) => d.exec('CREATE TABLE x (a INTEGER) STRICT; SELECT no_such_function();') };
    // The step itself must be what fails (not the version check), after every real step has run.
    expect(() => migrate(db, file, [...MIGRATIONS, broken])).toThrowError(/no such function/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('keep audit rows and stored objects append-only by trigger', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    migrate(db, file);
    db.prepare("INSERT INTO audit_log (seq, at, actor, action, target_type, target_id, prev_hash, hash) VALUES (1, 't', 'a', 'x', 'y', '1', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrowError(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrowError(/append-only/);
    db.prepare("INSERT INTO objects (sha256, size, media_type, created_at) VALUES (?, 1, 'image/jpeg', 't')").run('a'.repeat(64));
    expect(() => db.prepare('DELETE FROM objects').run()).toThrowError(/never deleted/);
    db.close();
  });

  it('serve the case list and case lookups from indexes', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    migrate(db, file);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM cases WHERE case_no = 'x'")).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_cases/);
    expect(plan('SELECT * FROM documents WHERE case_id = 1 ORDER BY seq')).toMatch(/USING INDEX documents_case/);
    expect(plan('SELECT * FROM pages WHERE document_id = 1 ORDER BY seq')).toMatch(/USING INDEX sqlite_autoindex_pages/);
    expect(plan("SELECT * FROM audit_log WHERE target_type = 'case' AND target_id = '1'")).toMatch(/USING INDEX audit_target/);
    db.close();
  });
});
