import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/storage/db.js';
import { LATEST_VERSION, migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { tmpDir } from '../helpers/tmp.js';

// Signal-style migration tests: a catalogue populated at version N-1 is migrated to N (and on to the
// latest), and its rows are read back. Rows are written with the SQL of their own version, as an
// archive written by that Juanzong would hold them.

const SEALED = /案件已归档封存/;
const T = '2024-06-01T02:00:00.000Z';
const hex = (c: string) => c.repeat(64);

function catalogueAt(version: number): { db: Db; file: string } {
  const file = path.join(tmpDir(), 'catalog.db');
  const db = openDb(file);
  expect(migrate(db, file, MIGRATIONS.slice(0, version))).toEqual({ from: 0, to: version });
  return { db, file };
}

function upTo(db: Db, file: string, version: number): void {
  const from = db.pragma('user_version', { simple: true }) as number;
  expect(migrate(db, file, MIGRATIONS.slice(0, version))).toEqual({ from, to: version });
}

const rows = (db: Db, sql: string) => db.prepare(sql).all();

/** Version 1 data: an admin, an officer, two cases with a document, a scan, a page and an audit row each. */
function populateV1(db: Db): void {
  db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'admin', '管理员', 'admin', 'x', ?)").run(T);
  db.prepare("INSERT INTO officers (id, cert_no, name, post) VALUES (1, '豫S11520210047', '李文静', '队员')").run();
  for (const [id, no] of [
    [1, '青石综执罚立〔2024〕31号'],
    [2, '青石综执罚立〔2024〕32号'],
  ] as const) {
    db.prepare(
      `INSERT INTO cases (id, case_no, title, cause, procedure, closed_on, search_text, created_at, created_by, updated_at)
       VALUES (?, ?, ?, '违法建设', 'general', '2024-05-30', ?, ?, 1, ?)`,
    ).run(id, no, `案件${id}`, no, T, T);
    db.prepare("INSERT INTO case_officers (case_id, officer_id, seq, name, roles) VALUES (?, 1, 1, '李文静', '[\"主办\"]')").run(id);
    db.prepare("INSERT INTO objects (sha256, size, media_type, created_at) VALUES (?, 1000, 'image/jpeg', ?)").run(hex(String(id)), T);
    db.prepare("INSERT INTO documents (id, case_id, seq, kind, title, created_at, created_by) VALUES (?, ?, 1, 'XZCFJDS', ?, ?, 1)").run(
      id,
      id,
      `决定书${id}`,
      T,
    );
    db.prepare(
      "INSERT INTO document_files (id, document_id, seq, original_name, object_sha256, media_type, page_count) VALUES (?, ?, 1, 'p1.jpg', ?, 'image/jpeg', 1)",
    ).run(id, id, hex(String(id)));
    db.prepare('INSERT INTO pages (id, document_id, seq, file_id, source_page) VALUES (?, ?, 1, ?, 0)').run(id, id, id);
    db.prepare(
      "INSERT INTO audit_log (seq, at, actor, action, target_type, target_id, prev_hash, hash) VALUES (?, ?, 'admin', 'case.create', 'case', ?, 'p', 'h')",
    ).run(id, T, String(id));
  }
}

/** Version 2 data: one clip per case (on objects of its own), linked to the case. */
function populateV2(db: Db): void {
  for (const id of [1, 2]) {
    db.prepare("INSERT INTO objects (sha256, size, media_type, created_at) VALUES (?, 5000, 'video/mp4', ?)").run(hex(String(id + 4)), T);
    db.prepare(
      `INSERT INTO clips (id, sha256, sm3, size, kind, media_type, original_name, timezone, start_local, duration_sec, field_sources, ingested_at)
       VALUES (?, ?, ?, 5000, 'video', 'video/mp4', ?, 'Asia/Shanghai', '2024-03-11T09:40:32+08:00', 59.7, '{}', ?)`,
    ).run(id, hex(String(id + 4)), hex('c'), `ZFY513004${id}.MP4`, T);
    db.prepare("INSERT INTO clip_links (id, clip_id, case_id, activity, linked_at, linked_by) VALUES (?, ?, ?, '询问', ?, 1)").run(id, id, id, T);
  }
}

/** Version 3 data: case 1 sealed in a dossier (draft version, then sealed), case 2 in a draft. */
function populateV3(db: Db): void {
  for (const id of [1, 2]) {
    db.prepare("INSERT INTO dossiers (id, scope, case_id, title, created_at, created_by) VALUES (?, 'case', ?, ?, ?, 1)").run(id, id, `案卷${id}`, T);
    db.prepare("INSERT INTO dossier_versions (id, dossier_id, version_no, status, opened_at, opened_by) VALUES (?, ?, 1, 'draft', ?, 1)").run(id, id, T);
    db.prepare('INSERT INTO dossier_cases (version_id, case_id, seq) VALUES (?, ?, 1)').run(id, id);
  }
  db.prepare("UPDATE dossier_versions SET status = 'sealed', archive_no = '20240001', bound_json = '{}', sealed_at = ?, sealed_by = 1 WHERE id = 1").run(T);
}

describe('migration steps over populated catalogues', () => {
  it('0002 (footage) keeps every v1 row, and the new tables link to the old cases, officers and objects', () => {
    const { db, file } = catalogueAt(1);
    populateV1(db);
    const before = ['users', 'officers', 'cases', 'case_officers', 'objects', 'documents', 'document_files', 'pages', 'audit_log'].map((t) => [
      t,
      rows(db, `SELECT * FROM ${t}`),
    ]);
    upTo(db, file, 2);
    for (const [t, r] of before) expect(rows(db, `SELECT * FROM ${t as string}`), t as string).toEqual(r);
    populateV2(db);
    db.prepare('INSERT INTO clip_links (clip_id, officer_id, linked_at) VALUES (1, 1, ?)').run(T);
    expect(rows(db, 'SELECT case_id, clip_id FROM clip_links WHERE case_id IS NOT NULL ORDER BY id')).toEqual([
      { case_id: 1, clip_id: 1 },
      { case_id: 2, clip_id: 2 },
    ]);
    // Old objects stay as immutable as before, and a clip on a missing object is refused by the new foreign key.
    expect(() => db.prepare('DELETE FROM objects WHERE sha256 = ?').run(hex('1'))).toThrow(/never deleted/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO clips (sha256, sm3, size, kind, media_type, original_name, timezone, field_sources, ingested_at) VALUES (?, ?, 1, 'video', 'video/mp4', 'x', 'UTC', '{}', ?)",
        )
        .run(hex('f'), hex('c'), T),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('0003 (dossier) keeps every v2 row; sealing an old case then freezes its old documents, pages and record', () => {
    const { db, file } = catalogueAt(2);
    populateV1(db);
    populateV2(db);
    const before = ['cases', 'documents', 'pages', 'clips', 'clip_links', 'audit_log'].map((t) => [t, rows(db, `SELECT * FROM ${t}`)]);
    upTo(db, file, 3);
    for (const [t, r] of before) expect(rows(db, `SELECT * FROM ${t as string}`), t as string).toEqual(r);
    // Nothing was sealed before 0003: the old cases are still editable.
    db.prepare("UPDATE documents SET title = '决定书1（改）' WHERE id = 1").run();
    populateV3(db);
    expect(() => db.prepare("UPDATE documents SET title = 'x' WHERE id = 1").run()).toThrow(SEALED);
    expect(() => db.prepare('UPDATE pages SET blank = 1 WHERE id = 1').run()).toThrow(SEALED);
    expect(() => db.prepare("UPDATE cases SET title = 'x' WHERE id = 1").run()).toThrow(SEALED);
    // The case in a draft dossier is not frozen.
    db.prepare("UPDATE documents SET title = '决定书2（改）' WHERE id = 2").run();
    expect(rows(db, 'SELECT id, title FROM documents ORDER BY id')).toEqual([
      { id: 1, title: '决定书1（改）' },
      { id: 2, title: '决定书2（改）' },
    ]);
    db.close();
  });

  it('0004 meets a v3 archive with data: clip links of sealed cases are frozen, the others stay free', () => {
    const { db, file } = catalogueAt(3);
    populateV1(db);
    populateV2(db);
    populateV3(db);
    // At v3 the link of the sealed case could still be closed — the gap 0004 closes (tried, rolled back).
    db.exec('SAVEPOINT probe');
    expect(db.prepare("UPDATE clip_links SET removed_at = ?, removed_by = 1, removed_reason = 'x' WHERE id = 1").run(T).changes).toBe(1);
    db.exec('ROLLBACK TO probe; RELEASE probe');
    const links = rows(db, 'SELECT * FROM clip_links ORDER BY id');
    upTo(db, file, 4);
    expect(rows(db, 'SELECT * FROM clip_links ORDER BY id')).toEqual(links);
    expect(rows(db, 'SELECT id, status, archive_no FROM dossier_versions ORDER BY id')).toEqual([
      { id: 1, status: 'sealed', archive_no: '20240001' },
      { id: 2, status: 'draft', archive_no: null },
    ]);

    const close = db.prepare("UPDATE clip_links SET removed_at = ?, removed_by = 1, removed_reason = '误关联' WHERE id = ?");
    const link = db.prepare("INSERT INTO clip_links (clip_id, case_id, activity, linked_at, linked_by) VALUES (?, ?, '现场检查', ?, 1)");
    expect(() => close.run(T, 1)).toThrow(SEALED);
    expect(() => link.run(2, 1, T)).toThrow(SEALED);
    expect(() => db.prepare('DELETE FROM clip_links WHERE id = 1').run()).toThrow();
    // The unsealed case, officer links and activity-only links stay free.
    close.run(T, 2);
    link.run(1, 2, T);
    db.prepare('INSERT INTO clip_links (clip_id, officer_id, linked_at) VALUES (1, 1, ?)').run(T);
    db.prepare("INSERT INTO clip_links (clip_id, activity, linked_at) VALUES (2, '巡查', ?)").run(T);
    expect(rows(db, 'SELECT id, case_id, removed_at FROM clip_links WHERE id <= 2 ORDER BY id')).toEqual([
      { id: 1, case_id: 1, removed_at: null },
      { id: 2, case_id: 2, removed_at: T },
    ]);

    // A correction reopens the case: a newer draft version frees its links again.
    db.prepare(
      "INSERT INTO dossier_versions (id, dossier_id, version_no, status, supersedes_id, correction_reason, opened_at, opened_by) VALUES (3, 1, 2, 'draft', 1, '补录视频', ?, 1)",
    ).run(T);
    db.prepare('INSERT INTO dossier_cases (version_id, case_id, seq) VALUES (3, 1, 1)').run();
    link.run(2, 1, T);
    db.close();
  });

  it('a populated v1 catalogue reaches the latest version with its rows intact', () => {
    const { db, file } = catalogueAt(1);
    populateV1(db);
    // The v1 columns only: later versions may add columns of their own.
    const v1 = {
      cases: 'id, case_no, title, cause, procedure, closed_on, created_by',
      documents: 'id, case_id, seq, kind, title, removed_at',
      pages: 'id, document_id, seq, file_id, source_page, side, blank',
      audit_log: 'seq, at, actor, action, target_type, target_id, hash',
    };
    const read = () => Object.entries(v1).map(([t, cols]) => [t, rows(db, `SELECT ${cols} FROM ${t} ORDER BY 1`)]);
    const before = read();
    upTo(db, file, LATEST_VERSION);
    expect(read()).toEqual(before);
    db.close();
  });
});
