import { afterEach, describe, expect, it } from 'vitest';
import { LOGIN_POLICY } from '../../src/auth/login-policy.js';
import { PASSWORD, manualClock, probeBridge } from './bridge-harness.js';

type Probe = Awaited<ReturnType<typeof probeBridge>>;

describe('bridge probe: password guessing', () => {
  let p: Probe;
  afterEach(async () => p.close());

  const failedDetails = () =>
    (p.core.archive.db.prepare("SELECT detail FROM audit_log WHERE action = 'auth.login.failed' ORDER BY seq").all() as { detail: string }[]).map(
      (r) => JSON.parse(r.detail) as Record<string, unknown>,
    );

  it('20 rapid wrong guesses: 5 are checked, 15 refused with 429 and Retry-After, all audited without the password', async () => {
    p = await probeBridge();
    await p.accounts({ dangan: 'archivist' });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => p.post('auth.login', { username: 'dangan', password: `guess-number-${i}` })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_POLICY.accountFreeFailures);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - LOGIN_POLICY.accountFreeFailures);
    const refused = answers.find((a) => a.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
    expect(refused.body.ok ? '' : refused.body.error.messageZh).toMatch(/^登录失败次数过多，请 \d+ 秒后再试$/);
    // Even the right password waits now.
    const right = await p.post('auth.login', { username: 'dangan', password: PASSWORD });
    expect(right.status).toBe(429);

    const details = failedDetails();
    expect(details.filter((d) => d.reason === 'wrong_password')).toHaveLength(5);
    expect(details.filter((d) => d.reason === 'throttled')).toHaveLength(1); // one entry per burst, not one per refusal
    expect(details.every((d) => d.username === 'dangan' && String(d.address).startsWith('http:127.0.0.1'))).toBe(true);
    const everything = JSON.stringify(p.core.archive.db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toContain('guess-number');
  });

  it('a locked account is refused with a clear message in Chinese (HTTP 423) until the administrator unlocks it', async () => {
    const clock = manualClock();
    p = await probeBridge({ clock });
    await p.accounts({ dangan: 'archivist' });
    let last = await p.post('auth.login', { username: 'dangan', password: 'wrong-0' });
    for (let i = 1; i < LOGIN_POLICY.accountLockAfter; i++) {
      clock.advance(LOGIN_POLICY.maxDelaySec * 1000);
      last = await p.post('auth.login', { username: 'dangan', password: `wrong-${i}` });
    }
    expect(last.status).toBe(423);
    const locked = await p.post('auth.login', { username: 'dangan', password: PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.ok ? '' : locked.body.error.messageZh).toBe('账户 dangan 因连续 10 次登录失败已被锁定，请联系管理员解锁');

    // Ten failures from this address also slow every account from it (per-address back-off) for 30 s.
    const adminEarly = await p.post('auth.login', { username: 'admin', password: PASSWORD });
    expect(adminEarly.status).toBe(429);
    clock.advance(LOGIN_POLICY.firstDelaySec * 1000);
    const admin = await p.signIn('admin');
    const list = await p.post('user.list', {}, admin);
    const dangan = (list.body.ok ? (list.body.value as { id: number; username: string; locked: boolean }[]) : []).find((u) => u.username === 'dangan')!;
    expect(dangan.locked).toBe(true);
    const byArchivist = await p.post('user.unlock', { userId: dangan.id }, undefined);
    expect(byArchivist.status).toBe(401);
    const unlock = await p.post('user.unlock', { userId: dangan.id, reason: '本人到场确认' }, admin);
    expect(unlock.status).toBe(200);
    expect((await p.post('auth.login', { username: 'dangan', password: PASSWORD })).status).toBe(200);
    const row = p.core.archive.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'user.unlock'").get() as { actor: string; detail: string };
    expect(row.actor).toBe('管理员(admin)');
    expect(JSON.parse(row.detail)).toEqual({ username: 'dangan', reason: '本人到场确认' });
  });
});
