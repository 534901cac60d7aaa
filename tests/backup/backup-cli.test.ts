import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { juanzongFromSource } from '../cli/run-cli.js';
import { ok, directClient } from '../contract/clients.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';

describe('juanzong backup / restore and the archive.backup operation', () => {
  it('backs up from the command line as an administrator, restores into a new folder whose audit chain verifies', async () => {
    const dir = tmpDir();
    const archive = path.join(dir, 'a');
    const c = await directClient(archive);
    c.token = ok(await c.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' })).token;
    ok(await c.call('user.create', { username: 'dangan', displayName: '孙丽娟', role: 'archivist', password: 'secret-pass-1' }));
    ok(await c.call('case.create', sampleCase()));
    await c.close();

    const refused = await juanzongFromSource(['backup', '--archive', archive, '--to', path.join(dir, 'b0'), '--user', 'dangan']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/管理员/);
    expect(existsSync(path.join(dir, 'b0'))).toBe(false);

    const b = await juanzongFromSource(['backup', '--archive', archive, '--to', path.join(dir, 'b'), '--user', 'admin']);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/备份完成并已校验 Backup written and verified/);

    const r = await juanzongFromSource(['restore', '--from', path.join(dir, 'b'), '--to', path.join(dir, 'c'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { lostEntries: number; knownFrom: string; macChecked: boolean };
    // The backup's own archive.backup entry (and the sign-in before it) came after the copy: lost.
    expect(out).toMatchObject({ macChecked: true, knownFrom: 'witness' });
    expect(out.lostEntries).toBeGreaterThanOrEqual(1);

    const v = await juanzongFromSource(['audit', 'verify', '--archive', path.join(dir, 'c'), '--user', 'admin']);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    const again = await juanzongFromSource(['restore', '--from', path.join(dir, 'b'), '--to', path.join(dir, 'c')]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/不为空/);
    // Five CLI runs through tsx, about 12 s each on a loaded two-core runner.
  }, 300_000);

  it('is not offered over HTTP (it takes a local folder)', async () => {
    const dir = tmpDir();
    const c = await directClient(path.join(dir, 'a'));
    c.token = ok(await c.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' })).token;
    const r = await c.core.invoke('archive.backup', { to: path.join(dir, 'b') }, { transport: 'http', sessionToken: c.token });
    expect(r).toMatchObject({ ok: false, error: { code: 'transport_not_allowed' } });
    const d = await c.call('archive.backup', { to: path.join(dir, 'b') });
    expect(d).toMatchObject({ ok: true, value: { to: path.join(dir, 'b'), missing: [], damaged: [] } });
    await c.close();
  });
});
