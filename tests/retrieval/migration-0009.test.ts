import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { tmpDir } from '../helpers/tmp.js';

const SHA = 'a'.repeat(64);

describe('migration 0009-retrieval-lookups', () => {
  it('migrates a catalogue at 8 with documents and view sessions: 文号 indexed, closed sessions ended by their viewer, the open one still open and closed ones still frozen', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    expect(migrate(db, file, MIGRATIONS.slice(0, 8))).toEqual({ from: 0, to: 8 });
    db.exec(`INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'lead', '赵领导', 'supervisor', 'x', 't');
      INSERT INTO cases (id, case_no, title, cause, procedure, closed_on, search_text, created_at, created_by, updated_at)
        VALUES (1, '青石综执罚立〔2024〕31号', '案', '由', 'general', '2024-05-01', '', 't', 1, 't');
      INSERT INTO documents (id, case_id, seq, kind, title, doc_no, created_at, created_by) VALUES
        (1, 1, 1, 'XZCFJDS', '行政处罚决定书', '青石综执罚决〔2024〕31号', 't', 1),
        (2, 1, 2, 'XWBL', '询问笔录', NULL, 't', 1);
      INSERT INTO objects (sha256, size, media_type, created_at) VALUES ('${SHA}', 10, 'video/mp4', 't');
      INSERT INTO clips (id, sha256, sm3, size, kind, media_type, original_name, timezone, field_sources, ingested_at)
        VALUES (1, '${SHA}', '${'b'.repeat(64)}', 10, 'video', 'video/mp4', 'A001.MP4', 'Asia/Shanghai', '{}', 't');
      INSERT INTO retrieval_views (id, user_id, clip_id, started_at, last_seen_at, ended_at, segments, total_sec) VALUES
        (1, 1, 1, '2024-06-01T01:00:00.000Z', '2024-06-01T01:01:00.000Z', '2024-06-01T01:01:00.000Z', '[[0,60]]', 60),
        (2, 1, 1, '2024-06-01T02:00:00.000Z', '2024-06-01T02:00:30.000Z', NULL, '[[0,30]]', 30);`);
    expect(migrate(db, file, MIGRATIONS.slice(0, 9))).toEqual({ from: 8, to: 9 });

    expect(db.prepare('SELECT id, doc_no FROM documents ORDER BY id').all()).toEqual([
      { id: 1, doc_no: '青石综执罚决〔2024〕31号' },
      { id: 2, doc_no: null },
    ]);
    expect(db.prepare('SELECT id, ended_at, end_reason, total_sec FROM retrieval_views ORDER BY id').all()).toEqual([
      { id: 1, ended_at: '2024-06-01T01:01:00.000Z', end_reason: 'viewer', total_sec: 60 },
      { id: 2, ended_at: null, end_reason: null, total_sec: 30 },
    ]);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM documents WHERE doc_no IN ('a', 'b')")).toMatch(/USING (COVERING )?INDEX documents_doc_no/);
    expect(plan("SELECT id FROM retrieval_views WHERE ended_at IS NULL AND last_seen_at < 'x'")).toMatch(/USING (COVERING )?INDEX retrieval_views_open/);

    // The frozen-session trigger is back: a closed session never changes, an open one closes once.
    expect(() => db.prepare("UPDATE retrieval_views SET segments = '[]' WHERE id = 1").run()).toThrow(/never changes/);
    db.prepare("UPDATE retrieval_views SET ended_at = last_seen_at, end_reason = 'auto' WHERE id = 2").run();
    expect(() => db.prepare("UPDATE retrieval_views SET end_reason = 'viewer' WHERE id = 2").run()).toThrow(/never changes/);
    expect(() =>
      db.prepare("INSERT INTO retrieval_views (user_id, clip_id, started_at, last_seen_at, end_reason) VALUES (1, 1, 't', 't', 'bogus')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
