import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { tmpDir } from '../helpers/tmp.js';

describe('migration 0008-review', () => {
  it('migrates a populated catalogue at 7 to 8, keeping its rows, with STRICT append-only review tables', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    migrate(db, file, MIGRATIONS.slice(0, 7));
    db.exec(`INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'a', '管理员', 'admin', 'x', 't');
      INSERT INTO cases (id, case_no, title, cause, procedure, closed_on, search_text, created_at, created_by, updated_at)
        VALUES (1, 'C1', '案', '由', 'general', '2024-05-01', 'C1', 't', 1, 't');`);
    expect(migrate(db, file, MIGRATIONS.slice(0, 8))).toEqual({ from: 7, to: 8 });
    expect(db.prepare('SELECT case_no FROM cases').all()).toEqual([{ case_no: 'C1' }]);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'review%'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual([
      'review_answers',
      'review_assignments',
      'review_findings',
      'review_plans',
      'review_templates',
      'reviews',
    ]);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    db.prepare("INSERT INTO review_templates (template_id, version, name, json, sha256, loaded_at) VALUES ('t', '1', 'n', '{}', ?, 't')").run('a'.repeat(64));
    expect(() => db.prepare('UPDATE review_templates SET json = \'{"x":1}\'').run()).toThrow(/never changes/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO reviews (assignment_id, version_no, status, inspector_id, opened_at, submitted_at, total, grade, sheet_json) VALUES (1, 1, 'submitted', 1, 't', 't', 1, 'x', '{}')",
        )
        .run(),
    ).toThrow();
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM review_assignments WHERE inspector_id = 1')).toMatch(/USING INDEX review_assignments_inspector/);
    expect(plan('SELECT * FROM review_findings WHERE review_id = 1 ORDER BY seq')).toMatch(/USING (COVERING )?INDEX/);
    db.close();
  });
});
