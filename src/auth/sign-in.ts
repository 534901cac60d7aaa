import { AppError } from '../api/errors.js';
import type { SessionInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { LoginGuardRepo } from '../storage/repos/login-guard-repo.js';
import { UserRepo, toInfo, type UserRow } from '../storage/repos/user-repo.js';
import { LOGIN_POLICY, liveAddressCount, waitSeconds } from './login-policy.js';
import { verifyPassword } from './passwords.js';
import type { Sessions } from './sessions.js';

export type SignInFailure = 'unknown_user' | 'wrong_password' | 'disabled' | 'locked' | 'throttled';

/**
 * Signs in with back-off and lockout (src/auth/login-policy.ts). Every failure is audited with the
 * user name tried, the address and the reason — never the password. The attempt is counted before
 * the password is verified, in the same transaction as the checks, so parallel guesses see each
 * other; a good sign-in then clears the counts.
 */
export async function signIn(archive: Archive, sessions: Sessions, input: { username: string; password: string }, address: string): Promise<SessionInfo> {
  const guard = new LoginGuardRepo(archive.db);
  const row = new UserRepo(archive.db).byUsername(input.username);
  const ok = await verifyGuarded(archive, row, input.username, input.password, address);
  if (row && ok && !row.disabled) {
    const user = toInfo(row);
    change(archive, user, () => {
      guard.clearAccount(row.id);
      guard.clearAddress(address);
      return { value: null, audit: [{ action: 'auth.login', targetType: 'user', targetId: user.id, detail: { address } }] };
    });
    return { token: sessions.create(user.id), user };
  }
  if (!row || !ok) throw new AppError('bad_credentials', 'wrong user name or password', '用户名或密码错误', { item: input.username });
  // The right password of a disabled account: say so (a wrong one above does not tell).
  change(archive, null, () => ({ value: null, audit: [failed(row.id, { username: input.username, address, reason: 'disabled' })] }));
  throw disabledError(input.username);
}

/**
 * Checks a password with back-off and lockout (src/auth/login-policy.ts): refuses unverified while
 * locked or waiting (audited once per burst), else counts the attempt, verifies it, and on a wrong
 * password audits the failure and locks the account at the limit (throwing `locked`). True when the
 * password is right (the caller clears the counts); false when it is wrong. Used by sign-in and by
 * the change of one's own password, so a wrong old password counts like a failed sign-in.
 */
export async function verifyGuarded(
  archive: Archive,
  row: UserRow | undefined,
  username: string,
  password: string,
  address: string,
  context: Record<string, unknown> = {},
): Promise<boolean> {
  const guard = new LoginGuardRepo(archive.db);
  const tried = { username, address, ...context };

  // 1. Refuse unverified while locked or waiting (audited once per burst), else count the attempt.
  const gate = change<{ refusal: SignInFailure | null; wait: number }>(archive, null, () => {
    const now = archive.clock.now();
    const nowMs = now.getTime();
    const acct = row ? guard.account(row.id) : undefined;
    const addr = guard.address(address);
    const addrCount = liveAddressCount({ failures: addr.failures, lastFailedAt: ms(addr.lastFailedAt) }, nowMs);
    const lockedAt = ms(acct?.lockedAt ?? null);
    const lockHolds =
      row !== undefined &&
      lockedAt !== null &&
      !(row.role === 'admin' && guard.usableAdmins(row.id) === 0 && nowMs - lockedAt > LOGIN_POLICY.lastAdminLockSec * 1000);
    const wait = Math.max(
      acct ? waitSeconds({ failures: acct.failures, lastFailedAt: ms(acct.lastFailedAt) }, LOGIN_POLICY.accountFreeFailures, nowMs) : 0,
      waitSeconds(addrCount, LOGIN_POLICY.addressFreeFailures, nowMs),
    );
    if (lockHolds || wait > 0) {
      const refused = guard.countRefusal(row?.id ?? null, address);
      const reason: SignInFailure = lockHolds ? 'locked' : 'throttled';
      const audit: AuditRecord[] = refused === 1 ? [failed(row?.id ?? username, { ...tried, reason, ...(wait > 0 ? { retryAfterSec: wait } : {}) })] : [];
      return { value: { refusal: reason, wait }, audit };
    }
    guard.countAttempt(row?.id ?? null, address, addrCount.failures, now.toISOString());
    return { value: { refusal: null, wait: 0 }, audit: [] };
  });
  if (gate.refusal === 'locked') throw lockedError(username);
  if (gate.refusal === 'throttled') throw throttledError(username, gate.wait);

  // 2. Verify (against a dummy hash for unknown names, so timing does not tell which names exist).
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (row && ok) return true;

  // 3. A failure: audited; the one that reaches the limit locks the account.
  const reason: SignInFailure = !row ? 'unknown_user' : 'wrong_password';
  const nowLocked = change(archive, null, () => {
    const audit: AuditRecord[] = [failed(row?.id ?? username, { ...tried, reason })];
    const acct = row ? guard.account(row.id) : undefined;
    let locked = false;
    if (row && acct && acct.lockedAt === null && acct.failures >= LOGIN_POLICY.accountLockAfter) {
      guard.lock(row.id, archive.clock.now().toISOString());
      audit.push({ action: 'auth.lock', targetType: 'user', targetId: row.id, detail: { ...tried, failures: acct.failures } });
      locked = true;
    }
    return { value: locked, audit };
  });
  if (nowLocked) throw lockedError(username);
  return false;
}

function failed(target: number | string, detail: Record<string, unknown>): AuditRecord {
  return { action: 'auth.login.failed', targetType: 'user', targetId: target, detail };
}

export function lockedError(username: string): AppError {
  return new AppError(
    'locked',
    `the account ${username} is locked after ${LOGIN_POLICY.accountLockAfter} failed sign-ins; ask an administrator to unlock it`,
    `账户 ${username} 因连续 ${LOGIN_POLICY.accountLockAfter} 次登录失败已被锁定，请联系管理员解锁`,
    { item: username },
  );
}

export function disabledError(username: string): AppError {
  return new AppError('forbidden', `the account ${username} is disabled; ask an administrator`, `账户已停用（${username}），请联系管理员`, { item: username });
}

export function throttledError(username: string, waitSec: number): AppError {
  return new AppError('throttled', `too many failed sign-ins; try again in ${waitSec} s`, `登录失败次数过多，请 ${waitSec} 秒后再试`, {
    item: username,
    details: { retryAfterSec: waitSec },
  });
}

function ms(iso: string | null): number | null {
  return iso === null ? null : Date.parse(iso);
}

// scrypt parameters of a real hash with a zero key: only spends the same time on unknown user names.
const DUMMY_HASH = 'scrypt$16384$8$1$3q2+7w==$' + Buffer.alloc(64).toString('base64');
