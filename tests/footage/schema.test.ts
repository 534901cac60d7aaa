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
    const tables = () =>
      db
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN (SELECT name FROM pragma_table_list WHERE type = 'table') ORDER BY name")
        .all() as { name: string; sql: string }[];
    expect(migrate(db, file, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    const before = new Set(tables().map((t) => t.name));
    // The one step: 0002 alone takes the catalogue from 1 to 2 and adds exactly these tables.
    expect(MIGRATIONS[1]!.name).toBe('0002-footage');
    expect(migrate(db, file, MIGRATIONS.slice(0, 2))).toEqual({ from: 1, to: 2 });
    const added = tables().filter((t) => !before.has(t.name));
    expect(added.map((t) => t.name).sort()).toEqual(
      [
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
      ].sort(),
    );
    for (const t of added) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    // And the later steps leave every ordinary table STRICT (FTS5 tables of 0005 cannot be).
    migrate(db, file, MIGRATIONS);
    for (const t of tables()) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
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
