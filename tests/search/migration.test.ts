import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { m0005Search, MAX_UNI_CHARS, rebuildSearchIndex } from '../../src/storage/migrations/0005-search.js';
import { tmpDir } from '../helpers/tmp.js';

const SHA = (n: number) => n.toString(16).padStart(64, '0');

describe('migration 0005-search', () => {
  it('indexes every row of a populated v4 catalogue, and not removed documents or closed links', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    const v4 = MIGRATIONS.filter((m) => m.version <= 4);
    migrate(db, file, v4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    db.exec(`
      INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'a', '管理员', 'admin', 'x', 't');
      INSERT INTO officers (id, cert_no, name) VALUES (7, '豫S11520210047', '李文静');
      INSERT INTO cases (id, case_no, title, cause, procedure, closed_on, search_text, created_at, created_by, updated_at)
        VALUES (3, '青石综执罚立〔2024〕99号', '张某某违法建设案', '未取得乡村建设规划许可证进行建设', 'general', '2024-12-04', '', 't', 1, 't');
      INSERT INTO parties (case_id, seq, type, name, data) VALUES (3, 1, 'person', '张某某', '{"address":"青石镇花园村三组"}');
      INSERT INTO documents (id, case_id, seq, kind, title, doc_no, created_at, created_by) VALUES (11, 3, 1, 'XWBL', '询问笔录', '青石询〔2024〕7号', 't', 1);
      INSERT INTO documents (id, case_id, seq, kind, title, created_at, created_by, removed_at, removed_reason) VALUES (12, 3, 2, 'QT', '作废的照片说明', 't', 1, 't', '重复');
      INSERT INTO devices (id, serial, model, created_at) VALUES (5, '5130047', 'DSJ-V9', 't');
      INSERT INTO objects (sha256, size, media_type, created_at) VALUES ('${SHA(1)}', 10, 'video/mp4', 't');
      INSERT INTO clips (id, sha256, sm3, size, kind, media_type, original_name, timezone, field_sources, ingested_at)
        VALUES (9, '${SHA(1)}', '${SHA(2)}', 10, 'video', 'video/mp4', 'ZFY5130047_115007_20240311094032_0001.MP4', 'Asia/Shanghai', '{}', 't');
      INSERT INTO clip_links (clip_id, activity, linked_at) VALUES (9, '查封扣押', 't');
      INSERT INTO clip_links (clip_id, activity, linked_at, removed_at, removed_reason) VALUES (9, '现场检查', 't', 't', '误');
    `);
    expect(migrate(db, file, [...v4, m0005Search])).toEqual({ from: 4, to: 5 });
    const hit = (table: string, q: string) =>
      (db.prepare(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ?`).all(q) as { id: number }[]).map((r) => r.id);
    expect(hit('search_case', '"规划许可"')).toEqual([3]);
    expect(hit('search_case', '"花园村"')).toEqual([3]);
    expect(hit('search_case_uni', '"某 某"')).toEqual([3]);
    expect(hit('search_case', '"〔2024〕99"')).toEqual([3]);
    expect(hit('search_officer_uni', '"文 静"')).toEqual([7]);
    expect(hit('search_officer', '"210047"')).toEqual([7]);
    expect(hit('search_device', '"dsj-v9"')).toEqual([5]);
    expect(hit('search_clip', '"20240311"')).toEqual([9]);
    expect(hit('search_clip_uni', '"查 封"')).toEqual([9]);
    expect(hit('search_clip_uni', '"检 查"')).toEqual([]);
    expect(hit('search_document', '"询〔2024〕7"')).toEqual([11]);
    expect(hit('search_document', '"照片说明"')).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM search_numbers').get() as { n: number }).n).toBe(MAX_UNI_CHARS);
    // The triggers are live after the migration: a new party is searchable at once.
    db.prepare(`INSERT INTO parties (case_id, seq, type, name, data) VALUES (3, 2, 'organisation', '青石建材有限公司', '{}')`).run();
    expect(hit('search_case', '"建材有限"')).toEqual([3]);
    // A disposed clip leaves the index (it is listed nowhere).
    db.prepare('UPDATE clips SET disposal_id = 1 WHERE id = 9').run();
    expect(hit('search_clip', '"20240311"')).toEqual([]);
    expect(hit('search_clip_uni', '"查 封"')).toEqual([]);
    db.close();
  });
});

describe('rebuildSearchIndex', () => {
  it('refills the indexes from the base tables after they drifted', () => {
    const file = path.join(tmpDir(), 'catalog.db');
    const db = openDb(file);
    migrate(db, file, [...MIGRATIONS.filter((m) => m.version <= 4), m0005Search]);
    db.exec(`
      INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'a', '管理员', 'admin', 'x', 't');
      INSERT INTO officers (id, cert_no, name) VALUES (7, '豫S11520210047', '李文静'), (8, '豫S11520210051', '王晓东');
    `);
    const hit = (q: string) =>
      (db.prepare(`SELECT rowid AS id FROM search_officer_uni WHERE search_officer_uni MATCH ?`).all(q) as { id: number }[]).map((r) => r.id);
    db.exec(`DELETE FROM search_officer_uni WHERE rowid = 7; INSERT INTO search_officer_uni (rowid, name, cert_no) VALUES (99, '幽 灵', '');`);
    expect(hit('"文 静"')).toEqual([]);
    expect(hit('"幽 灵"')).toEqual([99]);
    db.transaction(() => rebuildSearchIndex(db))();
    expect(hit('"文 静"')).toEqual([7]);
    expect(hit('"晓 东"')).toEqual([8]);
    expect(hit('"幽 灵"')).toEqual([]);
    db.close();
  });
});
