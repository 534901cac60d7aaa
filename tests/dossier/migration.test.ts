import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { LATEST_VERSION, migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { tmpDir } from '../helpers/tmp.js';

describe('migration 0003-dossier', () => {
  it('adds STRICT tables and serves the sealing checks from indexes', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    migrate(db, file, MIGRATIONS);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    // FTS5 virtual tables and their shadow tables (migration 0005) cannot be STRICT; every ordinary table is.
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN (SELECT name FROM pragma_table_list WHERE type = 'table')")
      .all() as { name: string; sql: string }[];
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'dossiers',
        'dossier_versions',
        'dossier_cases',
        'dossier_volumes',
        'dossier_entries',
        'dossier_acknowledgements',
        'dossier_deviations',
        'archive_serials',
        'archive_numbers',
      ]),
    );
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM dossier_cases WHERE case_id = 1')).toMatch(/USING INDEX dossier_cases_case/);
    expect(plan('SELECT * FROM dossier_versions WHERE dossier_id = 1 ORDER BY version_no DESC')).toMatch(/USING INDEX sqlite_autoindex_dossier_versions/);
    expect(plan('SELECT * FROM dossier_entries WHERE document_id = 1')).toMatch(/USING INDEX dossier_entries_document/);
    expect(plan("SELECT * FROM archive_numbers WHERE archive_no = '20240001'")).toMatch(/USING INDEX sqlite_autoindex_archive_numbers/);
    db.close();
  });

  it('keeps the serial gap-free: it starts at 1, steps by one, and a number is issued only at the step just taken', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    migrate(db, file, MIGRATIONS);
    expect(() => db.prepare('INSERT INTO archive_serials (year, last_serial) VALUES (2024, 5)').run()).toThrowError(/starts at 1/);
    db.prepare('INSERT INTO archive_serials (year, last_serial) VALUES (2024, 1)').run();
    expect(() => db.prepare('UPDATE archive_serials SET last_serial = 3 WHERE year = 2024').run()).toThrowError(/steps by one/);
    db.exec("INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'a', 'a', 'admin', 'x', 't')");
    db.exec(
      "INSERT INTO dossiers (id, scope, batch_key, title, created_at, created_by) VALUES (1, 'batch', '2024:1', 't', 't', 1), (2, 'batch', '2024:2', 't', 't', 1)",
    );
    expect(() => db.prepare("INSERT INTO archive_numbers VALUES (2024, 2, '20240002', 1, 's', 't')").run()).toThrowError(/just allocated/);
    db.prepare("INSERT INTO archive_numbers VALUES (2024, 1, '20240001', 1, 's', 't')").run();
    expect(() => db.prepare("INSERT INTO archive_numbers VALUES (2024, 1, '20240001', 2, 's', 't')").run()).toThrow();
    expect(() =>
      db.prepare("INSERT INTO dossier_versions (dossier_id, version_no, status, opened_at, opened_by) VALUES (1, 1, 'sealed', 't', 1)").run(),
    ).toThrowError(/never inserted sealed/);
    db.close();
  });
});
