import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutput } from '../../src/api/contract.js';
import { openCore } from '../../src/app-core.js';
import { LOGIN_POLICY } from '../../src/auth/login-policy.js';
import type { Clock } from '../../src/ports/clock.js';
import { tmpDir } from '../helpers/tmp.js';

const PASSWORD = 'secret-pass-1';
const TEMP = 'Temp-pass-2024';
const NEW = 'Mine-and-only-7';

function manualClock(): Clock & { advance(ms: number): void } {
  let t = Date.parse('2025-03-01T01:00:00Z');
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

type Core = Awaited<ReturnType<typeof openCore>>;

/** Accounts beyond create-only (issue 14): edit, role, disable/enable, password reset, one's own password. */
describe('user administration and one’s own password (direct)', () => {
  let core: Core;
  let clock: ReturnType<typeof manualClock>;
  let admin: string;
  let dangan: { id: number; token: string };

  const call = <N extends OpName>(name: N, input: unknown, token?: string) =>
    core.invoke<N>(name, input, { transport: 'direct', address: 'test', ...(token ? { sessionToken: token } : {}) });
  async function ok<N extends OpName>(name: N, input: unknown, token?: string): Promise<OpOutput<N>> {
    const r = await call(name, input, token);
    if (!r.ok) throw new Error(`${name}: ${r.error.messageZh}`);
    return r.value;
  }
  async function refused(name: OpName, input: unknown, token?: string): Promise<{ code: string; messageZh: string }> {
    const r = await call(name, input, token);
    if (r.ok) throw new Error(`${name} was not refused`);
    return r.error;
  }
  const login = (username: string, password: string) => call('auth.login', { username, password });
  const audit = (action: string) =>
    core.archive.db.prepare('SELECT actor, target_id AS target, before_digest AS before, detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
      actor: string;
      target: string;
      before: string | null;
      detail: string | null;
    }[];
  const account = async (id: number) => (await ok('user.list', {}, admin)).find((u) => u.id === id)!;

  beforeEach(async () => {
    clock = manualClock();
    core = await openCore({ archiveDir: path.join(tmpDir(), 'a'), createIfMissing: true, clock });
    admin = (await ok('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD })).token;
    const u = await ok('user.create', { username: 'dangan', displayName: '档案员', role: 'archivist', password: PASSWORD }, admin);
    dangan = { id: u.id, token: (await ok('auth.login', { username: 'dangan', password: PASSWORD })).token };
  });
  afterEach(async () => core.close());

  it('edits a display name and a role; the new role applies to the next call; audited with before and after', async () => {
    expect((await refused('user.list', {}, dangan.token)).code).toBe('forbidden');
    const after = await ok('user.update', { userId: dangan.id, displayName: '李档案', role: 'admin' }, admin);
    expect(after).toMatchObject({ displayName: '李档案', role: 'admin', disabled: false });
    expect((await ok('auth.me', {}, dangan.token)).displayName).toBe('李档案');
    expect((await ok('user.list', {}, dangan.token)).length).toBe(2);
    const [row] = audit('user.update');
    expect(row!.actor).toBe('管理员(admin)');
    expect(row!.target).toBe(String(dangan.id));
    expect(row!.before).not.toBeNull();
    expect(JSON.parse(row!.detail!)).toEqual({
      username: 'dangan',
      before: { displayName: '档案员', role: 'archivist' },
      after: { displayName: '李档案', role: 'admin' },
    });
    // Only administrators edit accounts; the input is checked.
    await ok('user.update', { userId: dangan.id, role: 'inspector' }, admin);
    expect((await refused('user.update', { userId: 1, role: 'inspector' }, dangan.token)).code).toBe('forbidden');
    expect((await refused('user.update', { userId: dangan.id, role: 'boss' }, admin)).code).toBe('invalid_input');
    expect((await refused('user.update', { userId: 999, displayName: '无' }, admin)).code).toBe('not_found');
  });

  it('never demotes or disables the last active administrator', async () => {
    const demote = await refused('user.update', { userId: 1, role: 'archivist' }, admin);
    expect(demote.code).toBe('forbidden');
    expect(demote.messageZh).toContain('最后一个启用的管理员');
    expect((await refused('user.disable', { userId: 1 }, admin)).messageZh).toContain('最后一个启用的管理员');
    // With a second administrator: one may not disable oneself, but may step down.
    await ok('user.update', { userId: dangan.id, role: 'admin' }, admin);
    expect((await refused('user.disable', { userId: 1 }, admin)).messageZh).toBe('不能停用自己的账户');
    // A disabled administrator does not count: the remaining one is again the last.
    await ok('user.disable', { userId: dangan.id }, admin);
    expect((await refused('user.update', { userId: 1, role: 'supervisor' }, admin)).messageZh).toContain('最后一个启用的管理员');
    await ok('user.enable', { userId: dangan.id }, admin);
    await ok('user.update', { userId: 1, role: 'supervisor' }, admin);
    const second = (await ok('auth.login', { username: 'dangan', password: PASSWORD })).token;
    expect((await ok('user.list', {}, second)).find((u) => u.id === 1)!.role).toBe('supervisor');
    expect((await refused('user.list', {}, admin)).code).toBe('forbidden');
    expect(audit('user.update').length).toBe(2);
  });

  it('a disabled account cannot sign in (账户已停用), its sessions end; re-enabled it can', async () => {
    const other = (await ok('auth.login', { username: 'dangan', password: PASSWORD })).token;
    const d = await ok('user.disable', { userId: dangan.id, reason: '调离' }, admin);
    expect(d.disabled).toBe(true);
    for (const token of [dangan.token, other]) expect((await refused('auth.me', {}, token)).code).toBe('unauthenticated');
    const r = await login('dangan', PASSWORD);
    expect(r.ok ? '' : r.error.messageZh).toContain('账户已停用');
    // A wrong password does not tell that the account exists and is disabled.
    const wrong = await login('dangan', 'not-the-password-1');
    expect(wrong.ok ? '' : wrong.error.messageZh).toBe('用户名或密码错误');
    expect(JSON.parse(audit('user.disable')[0]!.detail!)).toEqual({ username: 'dangan', reason: '调离' });
    const reasons = audit('auth.login.failed').map((a) => JSON.parse(a.detail!).reason);
    expect(reasons).toEqual(['disabled', 'wrong_password']);

    await ok('user.enable', { userId: dangan.id }, admin);
    expect((await account(dangan.id)).disabled).toBe(false);
    expect((await login('dangan', PASSWORD)).ok).toBe(true);
    expect(audit('user.enable').length).toBe(1);
  });

  it('resets a password to a temporary one meeting the rules: sessions end, the user must change it', async () => {
    const weak = await refused('user.resetPassword', { userId: dangan.id, password: 'dangan12345' }, admin);
    expect(weak.messageZh).toContain('不能包含用户名');
    await login('dangan', 'forgot-it-again-1');
    expect((await account(dangan.id)).failedLogins).toBe(1);
    const acct = await ok('user.resetPassword', { userId: dangan.id, password: TEMP }, admin);
    expect(acct).toMatchObject({ mustChangePassword: true, failedLogins: 0, locked: false });
    expect((await refused('auth.me', {}, dangan.token)).code).toBe('unauthenticated');
    expect((await login('dangan', PASSWORD)).ok).toBe(false);
    const s = await ok('auth.login', { username: 'dangan', password: TEMP });
    expect(s.user.mustChangePassword).toBe(true);
    expect((await ok('auth.me', {}, s.token)).mustChangePassword).toBe(true);
    // Until it is changed the core refuses everything else, not only the window's dialog.
    expect(await refused('case.list', {}, s.token)).toMatchObject({ code: 'forbidden', messageZh: '当前密码是管理员设置的临时密码，请先修改密码' });
    expect(core.media('clip', 1, s.token)).toBeNull();
    // The password itself is never written to the audit log.
    const [row] = audit('user.password.reset');
    expect(row!.detail).not.toContain(TEMP);
    expect(JSON.parse(row!.detail!)).toMatchObject({ username: 'dangan', mustChange: true });

    const changed = await ok('auth.changePassword', { oldPassword: TEMP, newPassword: NEW }, s.token);
    expect(changed.mustChangePassword).toBeUndefined();
    expect((await ok('auth.me', {}, s.token)).mustChangePassword).toBeUndefined();
    expect((await account(dangan.id)).mustChangePassword).toBeUndefined();
    expect((await ok('case.list', {}, s.token)).length).toBe(0);
  });

  it('changes one’s own password with the old one: other sessions end, this one stays; audited', async () => {
    const laptop = (await ok('auth.login', { username: 'dangan', password: PASSWORD })).token;
    const tooShort = await refused('auth.changePassword', { oldPassword: PASSWORD, newPassword: 'short' }, dangan.token);
    expect(tooShort.code).toBe('invalid_input');
    const same = await refused('auth.changePassword', { oldPassword: PASSWORD, newPassword: PASSWORD }, dangan.token);
    expect(same.messageZh).toBe('新密码不能与原密码相同');
    await ok('auth.changePassword', { oldPassword: PASSWORD, newPassword: NEW }, dangan.token);
    expect((await ok('auth.me', {}, dangan.token)).username).toBe('dangan');
    expect((await refused('auth.me', {}, laptop)).code).toBe('unauthenticated');
    expect((await login('dangan', PASSWORD)).ok).toBe(false);
    expect((await login('dangan', NEW)).ok).toBe(true);
    const [row] = audit('user.password.change');
    expect(row!.actor).toBe('档案员(dangan)');
    expect(row!.detail).not.toContain(NEW);
    expect(row!.detail).not.toContain(PASSWORD);
    // Anyone signed in may; nobody signed out may.
    expect((await refused('auth.changePassword', { oldPassword: NEW, newPassword: 'Another-one-9' })).code).toBe('unauthenticated');
  });

  it('counts a wrong old password like a failed sign-in: back-off, then the lock, which ends the sessions', async () => {
    const wrong = await refused('auth.changePassword', { oldPassword: 'not-my-password-1', newPassword: NEW }, dangan.token);
    expect(wrong).toMatchObject({ code: 'bad_credentials', messageZh: '原密码不正确' });
    expect((await account(dangan.id)).failedLogins).toBe(1);
    const [failed] = audit('auth.login.failed');
    expect(JSON.parse(failed!.detail!)).toMatchObject({ username: 'dangan', reason: 'wrong_password', during: 'auth.changePassword' });

    for (let i = 2; i <= LOGIN_POLICY.accountFreeFailures; i++) {
      expect((await refused('auth.changePassword', { oldPassword: `wrong-${i}-password`, newPassword: NEW }, dangan.token)).code).toBe('bad_credentials');
    }
    // After the free failures even the right old password must wait, as at sign-in.
    expect((await refused('auth.changePassword', { oldPassword: PASSWORD, newPassword: NEW }, dangan.token)).code).toBe('throttled');
    let last = { code: '', messageZh: '' };
    for (let i = LOGIN_POLICY.accountFreeFailures + 1; i <= LOGIN_POLICY.accountLockAfter; i++) {
      clock.advance(LOGIN_POLICY.maxDelaySec * 1000 + 1000);
      last = await refused('auth.changePassword', { oldPassword: `wrong-${i}-password`, newPassword: NEW }, dangan.token);
    }
    expect(last.code).toBe('locked');
    expect((await account(dangan.id)).locked).toBe(true);
    expect((await refused('auth.me', {}, dangan.token)).code).toBe('unauthenticated');
    expect(audit('auth.lock').length).toBe(1);
    // A good change clears the count: after unlocking, the right old password goes through.
    await ok('user.unlock', { userId: dangan.id }, admin);
    clock.advance(LOGIN_POLICY.maxDelaySec * 1000 + 1000); // the address's own back-off (it never locks)
    const t = (await ok('auth.login', { username: 'dangan', password: PASSWORD })).token;
    await refused('auth.changePassword', { oldPassword: 'wrong-again-pass', newPassword: NEW }, t);
    await ok('auth.changePassword', { oldPassword: PASSWORD, newPassword: NEW }, t);
    expect((await account(dangan.id)).failedLogins).toBe(0);
  });
});
