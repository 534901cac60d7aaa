import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName } from '../../src/api/contract.js';
import { openCore } from '../../src/app-core.js';
import { LOGIN_POLICY } from '../../src/auth/login-policy.js';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../src/auth/sessions.js';
import type { Clock } from '../../src/ports/clock.js';
import { tmpDir } from '../helpers/tmp.js';

const PASSWORD = 'secret-pass-1';

/** A clock the test moves by hand. */
function manualClock(): Clock & { advance(ms: number): void } {
  let t = Date.parse('2025-03-01T01:00:00Z');
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

type Core = Awaited<ReturnType<typeof openCore>>;

describe('sign-in back-off, lockout and session lifetime (direct)', () => {
  let core: Core;
  let clock: ReturnType<typeof manualClock>;
  let adminToken: string;

  const call = <N extends OpName>(name: N, input: unknown, token?: string, address = 'test') =>
    core.invoke<N>(name, input, { transport: 'direct', address, ...(token ? { sessionToken: token } : {}) });
  const login = (username: string, password: string, address = 'test') => call('auth.login', { username, password }, undefined, address);
  const failures = () => core.archive.db.prepare("SELECT detail FROM audit_log WHERE action = 'auth.login.failed' ORDER BY seq").all() as { detail: string }[];

  beforeEach(async () => {
    clock = manualClock();
    core = await openCore({ archiveDir: path.join(tmpDir(), 'a'), createIfMissing: true, clock });
    const s = await call('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD });
    if (!s.ok) throw new Error(s.error.message);
    adminToken = s.value.token;
    const u = await call('user.create', { username: 'dangan', displayName: '档案员', role: 'archivist', password: PASSWORD }, adminToken);
    expect(u.ok).toBe(true);
  });
  afterEach(async () => core.close());

  it('refuses weak passwords with the reason in Chinese and English, naming the password', async () => {
    const r = await call('user.create', { username: 'pingcha', displayName: '评查员', role: 'inspector', password: 'pingcha-2024' }, adminToken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.item).toBe('password');
    expect(r.error.message).toContain('must not contain the user name');
    expect(r.error.messageZh).toContain('不能包含用户名');
    const common = await call('user.create', { username: 'pingcha', displayName: '评查员', role: 'inspector', password: 'woaini1314' }, adminToken);
    expect(common.ok ? '' : common.error.messageZh).toContain('常见密码');
  });

  it('delays after 5 wrong passwords, doubling, and locks after 10 until an administrator unlocks', async () => {
    for (let i = 1; i <= LOGIN_POLICY.accountFreeFailures; i++) {
      const r = await login('dangan', 'wrong-guess-' + i);
      expect(r.ok ? '' : r.error.code).toBe('bad_credentials');
    }
    const early = await login('dangan', PASSWORD);
    expect(early.ok ? '' : early.error.code).toBe('throttled');
    if (!early.ok) expect(early.error.messageZh).toMatch(/登录失败次数过多，请 30 秒后再试/);
    // Waiting the delay lets one more attempt through; the next delay is twice as long.
    clock.advance(30_000);
    expect((await login('dangan', 'wrong-guess-6')).ok).toBe(false);
    clock.advance(30_000);
    const r7 = await login('dangan', 'wrong-guess-7');
    expect(r7.ok ? '' : r7.error.code).toBe('throttled');
    for (let n = 7; n <= LOGIN_POLICY.accountLockAfter; n++) {
      clock.advance(LOGIN_POLICY.maxDelaySec * 1000);
      const r = await login('dangan', 'wrong-guess-' + n);
      expect(r.ok ? '' : r.error.code).toBe(n === LOGIN_POLICY.accountLockAfter ? 'locked' : 'bad_credentials');
    }
    clock.advance(24 * 3600_000);
    const locked = await login('dangan', PASSWORD);
    expect(locked.ok ? '' : locked.error.code).toBe('locked');
    if (!locked.ok) expect(locked.error.messageZh).toBe('账户 dangan 因连续 10 次登录失败已被锁定，请联系管理员解锁');

    // The administrator's session has reached its 12 h end meanwhile: sign in again.
    const again = await login('admin', PASSWORD, 'ipc');
    if (!again.ok) throw new Error(again.error.message);
    adminToken = again.value.token;
    const list = await call('user.list', {}, adminToken);
    const dangan = list.ok ? list.value.find((u) => u.username === 'dangan') : undefined;
    expect(dangan).toMatchObject({ locked: true, failedLogins: 10 });
    const unlocked = await call('user.unlock', { userId: dangan!.id, reason: '本人确认' }, adminToken);
    expect(unlocked.ok && unlocked.value.locked).toBe(false);
    expect((await login('dangan', PASSWORD)).ok).toBe(true);

    const actions = core.archive.db.prepare("SELECT action, actor FROM audit_log WHERE action IN ('auth.lock', 'user.unlock') ORDER BY seq").all();
    expect(actions).toEqual([
      { action: 'auth.lock', actor: 'system' },
      { action: 'user.unlock', actor: '管理员(admin)' },
    ]);
  });

  it('audits every failure with the name tried, the address and the reason, never the password', async () => {
    await login('dangan', 'wrong-guess-1', 'http:127.0.0.1');
    await login('nobody', 'wrong-guess-2', 'http:127.0.0.1');
    const rows = failures().map((r) => JSON.parse(r.detail) as Record<string, unknown>);
    expect(rows).toEqual([
      { username: 'dangan', address: 'http:127.0.0.1', reason: 'wrong_password' },
      { username: 'nobody', address: 'http:127.0.0.1', reason: 'unknown_user' },
    ]);
    const all = JSON.stringify(core.archive.db.prepare('SELECT * FROM audit_log').all());
    expect(all).not.toContain('wrong-guess');
  });

  it('slows an address that guesses across many accounts, but not another address', async () => {
    for (let i = 0; i < LOGIN_POLICY.addressFreeFailures; i++) await login(`user${i}`, 'wrong-guess', 'http:10.0.0.9');
    const r = await login('dangan', PASSWORD, 'http:10.0.0.9');
    expect(r.ok ? '' : r.error.code).toBe('throttled');
    expect((await login('dangan', PASSWORD, 'ipc')).ok).toBe(true);
  });

  it('ends a session after the idle timeout, and after 12 hours however busy', async () => {
    const s = await login('dangan', PASSWORD);
    if (!s.ok) throw new Error(s.error.message);
    const token = s.value.token;
    for (let t = 0; t < SESSION_MAX_MS - 60_000; t += SESSION_IDLE_MS / 2) {
      expect((await call('auth.me', {}, token)).ok).toBe(true);
      clock.advance(SESSION_IDLE_MS / 2);
    }
    clock.advance(60_000);
    const me = await call('auth.me', {}, token);
    expect(me.ok ? '' : me.error.code).toBe('unauthenticated');
    const s2 = await login('dangan', PASSWORD);
    if (!s2.ok) throw new Error(s2.error.message);
    clock.advance(SESSION_IDLE_MS + 1000);
    const idle = await call('auth.me', {}, s2.value.token);
    expect(idle.ok ? '' : idle.error.code).toBe('unauthenticated');
  });
});
