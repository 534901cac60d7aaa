import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../src/audit/chain.js';
import { ok, directClient } from '../contract/clients.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';

/** An archive with a few audit entries; returns its folder. */
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

/** Opens catalog.db behind the app's back, with the append-only triggers dropped as an attacker would. */
function tamper(dir: string, fn: (db: Database.Database) => void): void {
  const db = new Database(path.join(dir, 'catalog.db'));
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  fn(db);
  db.close();
}

/** Whether catalog.db's rows form an unbroken hash chain on their own (no anchor consulted). */
function chainConsistent(dir: string): boolean {
  const db = new Database(path.join(dir, 'catalog.db'), { readonly: true });
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
  db.close();
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const hash = entryHash(prev, {
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
    if (r.prev_hash !== prev || r.hash !== hash) return false;
    prev = hash;
  }
  return rows.length > 0;
}

describe('audit chain', () => {
  it('verifies an untouched chain', async () => {
    const dir = await archiveWithHistory();
    const r = await verify(dir);
    // 5 entries before the verify's own login: setup + 4 cases; the login itself adds one, and the
    // anchor outside the catalogue has followed every one of them.
    expect(r).toEqual({ ok: true, checked: 6, headSeq: 6, anchor: { seq: 6, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }, firstBroken: null });
    const db = new Database(path.join(dir, 'catalog.db'), { readonly: true });
    const rows = db.prepare('SELECT seq, action, hash FROM audit_log ORDER BY seq').all() as { seq: number; action: string; hash: string }[];
    db.close();
    expect(rows.map((x) => x.action)).toEqual(['user.create', 'case.create', 'case.create', 'case.create', 'case.create', 'auth.login']);
    expect(rows.at(-1)!.hash).toBe(r.anchor!.hash);
    expect(chainConsistent(dir)).toBe(true);
  });

  it('names a row edited behind the app', async () => {
    const dir = await archiveWithHistory();
    tamper(dir, (db) => db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3").run());
    const r = await verify(dir);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: 3, reasonZh: '第 3 条审计记录被篡改（内容与哈希不符）' });
  });

  it('names a deleted tail, even though the remaining chain is consistent', async () => {
    const dir = await archiveWithHistory();
    tamper(dir, (db) => db.prepare('DELETE FROM audit_log WHERE seq >= 4').run());
    // What is left links up: only the anchor outside catalog.db can tell that entries are gone.
    expect(chainConsistent(dir)).toBe(true);
    const r = await verify(dir);
    // The verify's own login re-uses seq 4, which the anchor knows by another hash.
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: 4, reasonZh: expect.stringMatching(/锚点/) });
    expect(r.anchor?.seq).toBe(5); // setup + 4 cases, the state before the rows went
  });

  it('names the first entry of a chain rewritten consistently inside catalog.db', async () => {
    const dir = await archiveWithHistory();
    tamper(dir, (db) => {
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
      let prev = '0'.repeat(64);
      for (const r of rows) {
        const fields = {
          seq: r.seq as number,
          at: r.at as string,
          actorId: r.actor_id as number | null,
          actor: r.seq === 2 ? 'forged' : (r.actor as string),
          action: r.action as string,
          targetType: r.target_type as string,
          targetId: r.target_id as string,
          beforeDigest: r.before_digest as string | null,
          afterDigest: r.after_digest as string | null,
          detail: r.detail as string | null,
        };
        const hash = entryHash(prev, fields);
        db.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(fields.actor, prev, hash, r.seq);
        prev = hash;
      }
    });
    // Consistent inside catalog.db: every hash follows from its row and the one before.
    expect(chainConsistent(dir)).toBe(true);
    const r = await verify(dir);
    expect(r.ok).toBe(false);
    expect(r.firstBroken?.seq).toBe(2);
    expect(r.firstBroken?.reasonZh).toMatch(/锚点/);
  });
});
