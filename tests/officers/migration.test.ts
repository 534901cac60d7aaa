import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { tmpDir } from '../helpers/tmp.js';

describe('migration 0007-officer-certs', () => {
  it('migrates a populated catalogue at 6: officers known from cases keep their rows and become unregistered entries', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    const v7 = MIGRATIONS.findIndex((m) => m.version === 7);
    expect(MIGRATIONS[v7]?.name).toBe('0007-officer-certs');
    migrate(db, file, MIGRATIONS.slice(0, v7));
    db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'a', '管理员', 'admin', 'x', 't')").run();
    db.prepare("INSERT INTO officers (id, cert_no, name, post) VALUES (1, '豫S11520210047', '李文静', '执法队员')").run();
    expect(db.pragma('user_version', { simple: true })).toBe(6);

    migrate(db, file, MIGRATIONS.slice(0, v7 + 1));
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT cert_no AS certNo, name, post, unit, registered_at AS registeredAt FROM officers').all()).toEqual([
      { certNo: '豫S11520210047', name: '李文静', post: '执法队员', unit: null, registeredAt: null },
    ]);
    for (const t of ['officer_certificates', 'officer_status', 'work_calendar_years'])
      expect((db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(t) as { sql: string }).sql, t).toMatch(/\)\s*STRICT$/);

    db.prepare(
      "INSERT INTO officer_certificates (officer_id, cert_no, issuer, valid_from, valid_to, created_at, created_by) VALUES (1, '豫S11520210047', '河南省人民政府', '2021-03-01', '2026-02-28', 't', 1)",
    ).run();
    db.prepare("INSERT INTO officer_status (officer_id, status, from_day, created_at, created_by) VALUES (1, 'active', '2021-03-01', 't', 1)").run();
    // Certificates and status history are history: never changed or removed.
    expect(() => db.prepare("UPDATE officer_certificates SET valid_to = '2030-01-01'").run()).toThrowError(/append-only/);
    expect(() => db.prepare('DELETE FROM officer_status').run()).toThrowError(/append-only/);
    // A period that ends before it starts, a status the register does not know, a bad day: refused by the schema.
    expect(() =>
      db
        .prepare(
          "INSERT INTO officer_certificates (officer_id, cert_no, issuer, valid_from, valid_to, created_at) VALUES (1, 'x', 'y', '2025-03-01', '2025-02-01', 't')",
        )
        .run(),
    ).toThrowError(/CHECK/);
    expect(() => db.prepare("INSERT INTO officer_status (officer_id, status, from_day, created_at) VALUES (1, 'fired', '2025-01-01', 't')").run()).toThrowError(
      /CHECK/,
    );
    expect(() =>
      db.prepare("INSERT INTO officer_status (officer_id, status, from_day, created_at) VALUES (1, 'retired', '2025/01/01', 't')").run(),
    ).toThrowError(/CHECK/);
    db.close();
  });
});
