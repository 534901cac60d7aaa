import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { m0006Retrieval } from '../../src/storage/migrations/0006-retrieval.js';
import { tmpDir } from '../helpers/tmp.js';

const SHA = 'a'.repeat(64);

describe('migration 0006-retrieval', () => {
  it('migrates a catalogue with clips at version 5: clips keep their rows and gain proxy columns; the new tables are STRICT', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    const upTo5 = MIGRATIONS.filter((m) => m.version <= 5);
    migrate(db, file, upTo5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    db.exec(`INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'a', '甲', 'archivist', 'x', 't');
      INSERT INTO objects (sha256, size, media_type, created_at) VALUES ('${SHA}', 10, 'video/mp4', 't');
      INSERT INTO clips (sha256, sm3, size, kind, media_type, original_name, timezone, field_sources, ingested_at)
        VALUES ('${SHA}', '${'b'.repeat(64)}', 10, 'video', 'video/mp4', 'A001.MP4', 'Asia/Shanghai', '{}', 't');`);
    migrate(db, file, [...upTo5, m0006Retrieval]);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT original_name, proxy_state, proxy_sha256, proxy_error FROM clips').all()).toEqual([
      { original_name: 'A001.MP4', proxy_state: 'none', proxy_sha256: null, proxy_error: null },
    ]);
    for (const t of ['retrieval_requests', 'retrieval_grants', 'retrieval_views', 'retrieval_refusals', 'clip_marks']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql, t).toMatch(/\)\s*STRICT$/);
    }
    expect(() => db.prepare("UPDATE clips SET proxy_state = 'bogus'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('keeps records append-only: decisions once, grants changed only by revoking, closed views frozen, refusals and marks fixed', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    migrate(db, file, MIGRATIONS);
    db.exec(`INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'a', '甲', 'archivist', 'x', 't'), (2, 'b', '乙', 'supervisor', 'x', 't');
      INSERT INTO objects (sha256, size, media_type, created_at) VALUES ('${SHA}', 10, 'video/mp4', 't');
      INSERT INTO clips (id, sha256, sm3, size, kind, media_type, original_name, timezone, field_sources, ingested_at)
        VALUES (1, '${SHA}', '${'b'.repeat(64)}', 10, 'video', 'video/mp4', 'A001.MP4', 'Asia/Shanghai', '{}', 't');
      INSERT INTO retrieval_requests (id, requester_id, reason, purpose, scope_kind, clip_ids, until, requested_at)
        VALUES (1, 1, '核查投诉', 'complaint', 'clips', '[1]', '2030-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');`);
    // Nobody decides their own request, even writing SQL.
    expect(() =>
      db.prepare("UPDATE retrieval_requests SET status = 'approved', decided_by = 1, decided_at = 't', decision_comment = 'ok' WHERE id = 1").run(),
    ).toThrow(/CHECK/);
    db.prepare("UPDATE retrieval_requests SET status = 'rejected', decided_by = 2, decided_at = 't', decision_comment = '不同意' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE retrieval_requests SET status = 'approved' WHERE id = 1").run()).toThrow(/decided once/);
    expect(() => db.prepare('DELETE FROM retrieval_requests').run()).toThrow(/never deleted/);

    db.exec(`INSERT INTO retrieval_grants (id, user_id, scope_kind, clip_ids, until, allow_copy, purpose, reason, source, created_at)
      VALUES (1, 1, 'clips', '[1]', '2030-01-01T00:00:00.000Z', 0, 'other', '评查', 'review-assignment', 't')`);
    expect(() => db.prepare("UPDATE retrieval_grants SET until = '2031-01-01T00:00:00.000Z' WHERE id = 1").run()).toThrow(/only changes once/);
    db.prepare("UPDATE retrieval_grants SET revoked_at = 't2', revoked_by = 2, revoke_reason = '误授' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE retrieval_grants SET revoke_reason = 'x' WHERE id = 1").run()).toThrow(/only changes once/);
    expect(() => db.prepare('DELETE FROM retrieval_grants').run()).toThrow(/never deleted/);

    db.exec("INSERT INTO retrieval_views (id, user_id, clip_id, started_at, last_seen_at) VALUES (1, 2, 1, 't', 't')");
    db.prepare("UPDATE retrieval_views SET segments = '[[0,2]]', total_sec = 2, ended_at = 't3' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE retrieval_views SET segments = '[]' WHERE id = 1").run()).toThrow(/closed view session never changes/);
    expect(() => db.prepare('DELETE FROM retrieval_views').run()).toThrow(/never deleted/);

    db.exec("INSERT INTO retrieval_refusals (user_id, clip_id, need, at, why) VALUES (1, 1, 'view', 't', 'no grant')");
    expect(() => db.prepare("UPDATE retrieval_refusals SET why = ''").run()).toThrow(/never change/);
    expect(() => db.prepare('DELETE FROM retrieval_refusals').run()).toThrow(/never deleted/);
    db.exec("INSERT INTO clip_marks (clip_id, second, note, by_user, at) VALUES (1, 1.5, '告知权利', 2, 't')");
    expect(() => db.prepare('UPDATE clip_marks SET second = 2').run()).toThrow(/never change/);
    expect(() => db.prepare('DELETE FROM clip_marks').run()).toThrow(/never deleted/);
    db.close();
  });
});
