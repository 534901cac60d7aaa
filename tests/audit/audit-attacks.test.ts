import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../src/audit/chain.js';
import { writeTx } from '../../src/storage/db.js';
import { ok, directClient } from '../contract/clients.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';

/**
 * The three attacks of issue 12 on the audit log, by someone who can write catalog.db and
 * audit-anchor.log but has not got the anchor key (kept outside the archive folder).
 */
async function archiveWithHistory(): Promise<string> {
  const dir = path.join(tmpDir(), 'a');
  const c = await directClient(dir);
  c.token = ok(await c.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' })).token;
  for (let i = 1; i <= 4; i++) ok(await c.call('case.create', sampleCase({ caseNo: `案${i}` })));
  await c.close();
  return dir;
}

async function verify(dir: string) {
  const c = await directClient(dir);
  c.token = ok(await c.call('auth.login', { username: 'admin', password: 'secret-pass-1' })).token;
  const r = ok(await c.call('audit.verify', {}));
  await c.close();
  return r;
}

type Row = Record<string, unknown>;
const fieldsOf = (r: Row) => ({
  seq: r.seq as number,
  at: r.at as string,
  actorId: r.actor_id as number | null,
  actor: r.actor as string,
  action: r.action as string,
  targetType: r.target_type as string,
  targetId: r.target_id as string,
  beforeDigest: r.before_digest as string | null,
  afterDigest: r.after_digest as string | null,
  detail: r.detail as string | null,
});

function withDb(dir: string, fn: (db: Database.Database) => void): void {
  const db = new Database(path.join(dir, 'catalog.db'));
  fn(db);
  db.close();
}

/** Appends a forged entry with a correct hash, chained from the current head. */
function forgeTail(db: Database.Database): number {
  const head = db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Row;
  const f = { ...fieldsOf(head), seq: (head.seq as number) + 1, action: 'case.create', targetId: '999', actor: '管理员(admin)', detail: null };
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor, action, target_type, target_id, before_digest, after_digest, detail, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.seq,
    f.at,
    f.actorId,
    f.actor,
    f.action,
    f.targetType,
    f.targetId,
    f.beforeDigest,
    f.afterDigest,
    f.detail,
    head.hash,
    entryHash(head.hash as string, f),
  );
  return f.seq;
}

/** Rewrites every row's hashes so the chain is consistent again, with entry 2's actor changed. */
function rewriteChain(db: Database.Database): void {
  db.exec('DROP TRIGGER audit_log_no_update');
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const f = { ...fieldsOf(r), actor: r.seq === 2 ? 'forged' : (r.actor as string) };
    const hash = entryHash(prev, f);
    db.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(f.actor, prev, hash, r.seq);
    prev = hash;
  }
  db.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
}

describe('audit verify under attack', () => {
  it('(a) flags a forged entry appended at the tail with a correct hash, even after the app writes on top of it', async () => {
    const dir = await archiveWithHistory();
    let forged = 0;
    withDb(dir, (db) => (forged = forgeTail(db)));
    const r = await verify(dir);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: forged, reasonZh: expect.stringMatching(/没有锚点/) });
  });

  it('(a) flags a forged tail entry whose anchor line was forged without the key', async () => {
    const dir = await archiveWithHistory();
    let forged = 0;
    withDb(dir, (db) => (forged = forgeTail(db)));
    const hash = (() => {
      const db = new Database(path.join(dir, 'catalog.db'), { readonly: true });
      const h = (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(forged) as { hash: string }).hash;
      db.close();
      return h;
    })();
    // Without the key the attacker can only copy a MAC from another line or make one up.
    const lines = readFileSync(path.join(dir, 'audit-anchor.log'), 'utf8').trim().split('\n');
    const someMac = lines.at(-1)!.split(' ').at(-1)!;
    appendFileSync(path.join(dir, 'audit-anchor.log'), `A ${forged} ${hash} ${someMac}\n${forged} ${hash}\n`);
    const r = await verify(dir);
    expect(r.ok).toBe(false);
    expect(r.problems!.map((p) => p.reasonZh).join('\n')).toMatch(/密钥校验码不符/);
    expect(r.problems!.map((p) => p.reasonZh).join('\n')).toMatch(/没有密钥校验码/);
  });

  it('(b) flags a chain rewritten with audit-anchor.log deleted', async () => {
    const dir = await archiveWithHistory();
    withDb(dir, rewriteChain);
    rmSync(path.join(dir, 'audit-anchor.log'));
    const r = await verify(dir);
    expect(r.ok).toBe(false);
    // The verify's own login writes a fresh anchor file; every older entry has no anchor, and the
    // witness outside the archive still holds the original entry 5.
    expect(r.firstBroken!.seq).toBe(1);
    const reasons = r.problems!.map((p) => p.reasonZh).join('\n');
    expect(reasons).toMatch(/没有锚点/);
    expect(reasons).toMatch(/见证/);
  });

  it('(b) flags a chain rewritten with audit-anchor.log emptied, and an empty anchor file as such', async () => {
    const dir = await archiveWithHistory();
    withDb(dir, rewriteChain);
    writeFileSync(path.join(dir, 'audit-anchor.log'), '');
    const r = await verify(dir);
    expect(r.ok).toBe(false);
    expect(r.firstBroken!.seq).toBe(1);

    // Read without signing in (which writes an entry): the empty file itself is named.
    const dir2 = await archiveWithHistory();
    writeFileSync(path.join(dir2, 'audit-anchor.log'), '');
    const c = await directClient(dir2);
    const r2 = c.core.archive.audit.verify();
    await c.close();
    expect(r2.ok).toBe(false);
    expect(r2.problems!.map((p) => p.reasonZh).join('\n')).toMatch(/锚点文件 .* 为空/);
  });

  it('(c) flags the append-only triggers dropped, or re-created so that they let edits through', async () => {
    const dir = await archiveWithHistory();
    withDb(dir, (db) => db.exec('DROP TRIGGER audit_log_no_delete'));
    const r = await verify(dir);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: 0, reasonZh: expect.stringMatching(/audit_log_no_delete/) });

    const dir2 = await archiveWithHistory();
    withDb(dir2, (db) =>
      db.exec(`DROP TRIGGER audit_log_no_update;
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0 BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`),
    );
    const r2 = await verify(dir2);
    expect(r2.ok).toBe(false);
    expect(r2.problems!.map((p) => p.reason)).toEqual(['the append-only trigger audit_log_no_update on audit_log is missing or altered']);
  });

  it('flags a catalogue and anchor file cut back together: the witness outside the archive saw more', async () => {
    const dir = await archiveWithHistory();
    const anchor = path.join(dir, 'audit-anchor.log');
    const lines = readFileSync(anchor, 'utf8').trim().split('\n');
    // Keep entries 1–3 and their anchor lines (P/A pairs for seq ≤ 3).
    const keep = lines.filter((l) => Number(l.split(' ')[1]) <= 3);
    withDb(dir, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE seq > 3').run();
      db.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
    });
    writeFileSync(anchor, keep.join('\n') + '\n');
    const c = await directClient(dir);
    const r = c.core.archive.audit.verify();
    await c.close();
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: 4, reasonZh: expect.stringMatching(/见证/) });
  });

  it('accepts a batch whose A lines a crash or power cut lost: its P line, fsynced before COMMIT, vouches for it', async () => {
    const dir = await archiveWithHistory();
    const anchor = path.join(dir, 'audit-anchor.log');
    const lines = readFileSync(anchor, 'utf8').trim().split('\n');
    expect(lines.at(-2)).toMatch(/^P 5 5 [0-9a-f]{64} [0-9a-f]{64}$/);
    expect(lines.at(-1)).toMatch(/^A 5 /);
    writeFileSync(anchor, lines.slice(0, -1).join('\n') + '\n');
    const c = await directClient(dir);
    const before = c.core.archive.audit.verify();
    await c.close();
    expect(before).toMatchObject({ ok: true, headSeq: 5 });
    expect(await verify(dir)).toMatchObject({ ok: true, headSeq: 6 });
    // A batch rolled back after its P line (COMMIT failed) leaves a P line no row matches: harmless.
    const c2 = await directClient(dir);
    const a = c2.core.archive;
    expect(() =>
      writeTx(a.db, () => {
        a.audit.record({ id: null, name: 'system' }, { action: 'case.view', targetType: 'case', targetId: 1 });
        a.audit.prepareAnchors();
        throw new Error('COMMIT failed');
      }),
    ).toThrow('COMMIT failed');
    a.audit.dropPending();
    expect(readFileSync(anchor, 'utf8').trim().split('\n').at(-1)).toMatch(/^P 7 7 /);
    expect(a.audit.verify()).toMatchObject({ ok: true, headSeq: 6 });
    await c2.close();
    expect(await verify(dir)).toMatchObject({ ok: true, headSeq: 7 });
  });

  it('keeps the key out of the archive folder', async () => {
    const dir = await archiveWithHistory();
    const c = await directClient(dir);
    const key = c.core.archive.audit.keyOrNull()!;
    await c.close();
    expect(path.relative(dir, key.keyPath).startsWith('..')).toBe(true);
    expect(readFileSync(key.keyPath, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
  });
});
