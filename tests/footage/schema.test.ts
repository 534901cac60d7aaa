import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { tmpDir } from '../helpers/tmp.js';

describe('0002-footage schema', () => {
  it('creates STRICT tables with the register, links, fixity and disposal tables, in one migration step', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    const r = migrate(db, file, MIGRATIONS);
    expect(r.to).toBeGreaterThanOrEqual(2);
    // FTS5 virtual tables and their shadow tables (migration 0005) cannot be STRICT; every ordinary table is.
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN (SELECT name FROM pragma_table_list WHERE type = 'table')")
      .all() as { name: string; sql: string }[];
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    const names = tables.map((t) => t.name);
    for (const n of [
      'clips',
      'clip_sources',
      'clip_links',
      'devices',
      'device_assignments',
      'fixity_runs',
      'fixity_results',
      'quarantined_objects',
      'footage_disposals',
      'footage_ingests',
    ])
      expect(names).toContain(n);
    db.close();
  });

  it('serves the library filters and the register lookup from indexes', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    migrate(db, file, MIGRATIONS);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM clips WHERE device_serial = '5130047' ORDER BY start_utc")).toMatch(/USING (COVERING )?INDEX clips_device/);
    expect(plan("SELECT id FROM clips WHERE start_utc >= '2024' AND start_utc < '2025'")).toMatch(/USING (COVERING )?INDEX clips_start/);
    expect(plan('SELECT clip_id FROM clip_links WHERE case_id = 1 AND removed_at IS NULL')).toMatch(/USING (COVERING )?INDEX clip_links_case/);
    expect(plan("SELECT * FROM device_assignments WHERE device_id = 1 AND from_utc <= '2024'")).toMatch(/USING (COVERING )?INDEX device_assignments_device/);
    expect(plan("SELECT max(checked_at) FROM fixity_results WHERE sha256 = 'x' AND outcome = 'ok'")).toMatch(/USING (COVERING )?INDEX fixity_results_object/);
    db.close();
  });
});
