import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { FsckReport } from '../../src/api/types-fsck.js';
import { openCore } from '../../src/app-core.js';
import { objectPath } from '../../src/archive/layout.js';
import { projectRoot } from '../../src/resources/paths.js';
import { tmpDir } from '../helpers/tmp.js';

const root = projectRoot();
const EXAMPLE = JSON.parse(readFileSync(path.join(root, 'resources', 'sample', 'case-example.json'), 'utf8')) as Record<string, unknown>;
const PAGE = path.join(root, 'resources', 'sample', 'case-example-page1.jpg');
type Core = Awaited<ReturnType<typeof openCore>>;

/** An archive with one case and one document, and a signed-in administrator. */
async function archiveWithDocument(): Promise<{ dir: string; core: Core; call: (op: string, input: unknown) => Promise<unknown> }> {
  const dir = path.join(tmpDir(), 'archive');
  const core = await openCore({ archiveDir: dir, createIfMissing: true });
  const session: { token?: string } = {};
  const call = async (op: string, input: unknown) => {
    const r = await core.invoke(op, input, { transport: 'direct', ...(session.token ? { sessionToken: session.token } : {}) });
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
    return r.value;
  };
  session.token = ((await call('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' })) as { token: string }).token;
  const { documents: _d, ...caseInput } = EXAMPLE;
  const c = (await call('case.create', caseInput)) as { id: number };
  const st = (await call('upload.stagePath', { path: PAGE })) as { stagedId: string };
  await call('document.add', { caseId: c.id, kind: '送达回证', title: '送达回证', files: [{ stagedId: st.stagedId }] });
  return { dir, core, call };
}

const fsck = (call: (op: string, input: unknown) => Promise<unknown>, input: Record<string, unknown> = {}) =>
  call('archive.fsck', { graceSeconds: 0, ...input }) as Promise<FsckReport>;

function documentObject(dir: string): string {
  const db = new Database(path.join(dir, 'catalog.db'), { readonly: true });
  try {
    return (db.prepare('SELECT object_sha256 AS s FROM document_files LIMIT 1').get() as { s: string }).s;
  } finally {
    db.close();
  }
}

describe('archive.fsck (juanzong fsck)', () => {
  it('a sound archive: every check runs and nothing is found', async () => {
    const { core, call } = await archiveWithDocument();
    try {
      const r = await fsck(call);
      expect(r.findings).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.checked.objects).toBeGreaterThanOrEqual(2); // the scan and its thumbnail
      expect(r.checked.triggers).toBeGreaterThan(20);
      expect(r.checked.audit).toBeGreaterThanOrEqual(3);
    } finally {
      await core.close();
    }
  });

  it('a file in objects/ without a row is found, and --repair quarantines it (kept, recorded, audited)', async () => {
    const { dir, core, call } = await archiveWithDocument();
    try {
      const sha = 'ab'.repeat(32);
      const stray = objectPath(core.archive.layout, sha);
      mkdirSync(path.dirname(stray), { recursive: true });
      writeFileSync(stray, 'left by a crash');
      const old = new Date(Date.now() - 3600_000);
      utimesSync(stray, old, old);

      const look = await fsck(call, { graceSeconds: 600 });
      expect(look.ok).toBe(false);
      expect(look.findings).toMatchObject([{ kind: 'object.stray', item: `objects/sha256/ab/ab/${sha}`, repaired: false }]);
      expect(look.findings[0]!.repair).toContain('quarantine');
      expect(existsSync(stray)).toBe(true); // without --repair nothing moves

      const fix = await fsck(call, { repair: true, graceSeconds: 600 });
      expect(fix.ok).toBe(true);
      expect(fix.findings[0]!.repaired).toBe(true);
      expect(existsSync(stray)).toBe(false);
      const db = new Database(path.join(dir, 'catalog.db'), { readonly: true });
      const q = db.prepare('SELECT moved_to AS m FROM quarantined_objects').all() as { m: string }[];
      const actions = (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((a) => a.action);
      db.close();
      expect(q).toHaveLength(1);
      expect(readFileSync(path.join(dir, q[0]!.m), 'utf8')).toBe('left by a crash');
      expect(actions.slice(-2)).toEqual(['footage.quarantine', 'archive.fsck']);
      expect((await fsck(call)).findings).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('a young stray may be another process writing: reported, left alone', async () => {
    const { core, call } = await archiveWithDocument();
    try {
      const stray = objectPath(core.archive.layout, 'cd'.repeat(32));
      mkdirSync(path.dirname(stray), { recursive: true });
      writeFileSync(stray, 'just written');
      const r = await fsck(call, { repair: true, graceSeconds: 600 });
      expect(r.ok).toBe(false);
      expect(r.findings[0]).toMatchObject({ kind: 'object.stray', repair: null, repaired: false });
      expect(r.findings[0]!.messageZh).toContain('稍后再运行');
      expect(existsSync(stray)).toBe(true);
    } finally {
      await core.close();
    }
  });

  it('a missing object and a damaged one are found and never "repaired" (a backup gives them back)', async () => {
    const { dir, core, call } = await archiveWithDocument();
    try {
      const sha = documentObject(dir);
      const file = objectPath(core.archive.layout, sha);
      chmodSync(file, 0o644);
      const bytes = readFileSync(file);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
      writeFileSync(file, bytes);
      const damaged = await fsck(call, { repair: true });
      expect(damaged.ok).toBe(false);
      expect(damaged.findings).toMatchObject([{ kind: 'object.damaged', item: sha, repair: null, repaired: false }]);
      expect(damaged.findings[0]!.message).toContain('case-example-page1.jpg');
      expect(existsSync(file)).toBe(true);
      // --quick reads sizes only: the same-size damage is not seen, a missing file is.
      expect((await fsck(call, { quick: true })).findings).toEqual([]);
      renameSync(file, path.join(dir, 'moved-away'));
      const missing = await fsck(call, { quick: true });
      expect(missing.findings).toMatchObject([{ kind: 'object.missing', item: sha, repair: null }]);
    } finally {
      await core.close();
    }
  });

  it('a dropped append-only trigger is found and --repair recreates it, so the table is protected again', async () => {
    const { dir, core, call } = await archiveWithDocument();
    try {
      core.archive.db.exec('DROP TRIGGER audit_log_no_delete');
      const r = await fsck(call);
      expect(r.findings.filter((f) => f.check === 'triggers')).toMatchObject([{ kind: 'trigger.missing', item: 'audit_log_no_delete' }]);
      const fix = await fsck(call, { repair: true });
      expect(fix.ok).toBe(true);
      const db = new Database(path.join(dir, 'catalog.db'));
      expect(() => db.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
      db.close();
    } finally {
      await core.close();
    }
  });

  it('an ingest left "running" by a dead process is found and ended as interrupted', async () => {
    const { dir, core, call } = await archiveWithDocument();
    try {
      core.archive.db
        .prepare("INSERT INTO footage_ingests (source_root, state, started_at, sm3_backend) VALUES ('/media/DCIM', 'running', '2026-01-01T00:00:00Z', 'node')")
        .run();
      const r = await fsck(call);
      expect(r.findings).toMatchObject([{ kind: 'ingest.stuck', item: 'ingest 1', repaired: false }]);
      expect((await fsck(call, { repair: true })).ok).toBe(true);
      const db = new Database(path.join(dir, 'catalog.db'), { readonly: true });
      const row = db.prepare('SELECT state, error_list AS e FROM footage_ingests WHERE id = 1').get() as { state: string; e: string };
      db.close();
      expect(row.state).toBe('failed');
      expect(row.e).toContain('interrupted');
    } finally {
      await core.close();
    }
  });

  it('only an administrator may run it', async () => {
    const { core, call } = await archiveWithDocument();
    try {
      await call('user.create', { username: 'dangan', displayName: '档案员', role: 'archivist', password: 'secret-pass-2' });
      const login = (await call('auth.login', { username: 'dangan', password: 'secret-pass-2' })) as { token: string };
      const r = await core.invoke('archive.fsck', {}, { transport: 'direct', sessionToken: login.token });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden');
    } finally {
      await core.close();
    }
  });
});
