/**
 * How sign-in resists guessing (docs/SECURITY.md, "Accounts"). Pure numbers and arithmetic; the
 * counters live in SQLite (migration 0010) so that they hold across CLI runs and restarts.
 *
 * Per account: the first 5 wrong passwords cost nothing; after the 5th each attempt must wait 30 s
 * after the previous failure, doubling (30 s, 1 min, 2 min, 4 min, 8 min); the 10th wrong password in
 * a row locks the account until an administrator unlocks it (`user.unlock`). A good sign-in resets
 * the count. Attempts turned away while waiting are not verified and do not count.
 *
 * Per address (the transport and the peer it reports — on the bridge, the loopback client): after 10
 * failures, over any accounts, the same doubling wait, up to 15 min; an address never locks (that
 * would lock every account of the machine). Its count resets on a good sign-in from it and is
 * forgotten 24 h after its last failure.
 */
export const LOGIN_POLICY = {
  accountFreeFailures: 5,
  accountLockAfter: 10,
  addressFreeFailures: 10,
  firstDelaySec: 30,
  maxDelaySec: 15 * 60,
  addressForgetSec: 24 * 60 * 60,
  /** When every administrator is locked, an administrator's lock lapses after this (no one else could lift it). */
  lastAdminLockSec: 60 * 60,
} as const;

export interface FailureCount {
  failures: number;
  /** ms since the epoch, or null */
  lastFailedAt: number | null;
}

/** Seconds an attempt must still wait after `count`'s last failure (0: it may go ahead). */
export function waitSeconds(count: FailureCount, freeFailures: number, nowMs: number): number {
  if (count.failures < freeFailures || count.lastFailedAt === null) return 0;
  const delay = Math.min(LOGIN_POLICY.firstDelaySec * 2 ** (count.failures - freeFailures), LOGIN_POLICY.maxDelaySec);
  const left = count.lastFailedAt + delay * 1000 - nowMs;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** An address's count as it stands now: forgotten a day after its last failure. */
export function liveAddressCount(count: FailureCount, nowMs: number): FailureCount {
  if (count.lastFailedAt !== null && nowMs - count.lastFailedAt > LOGIN_POLICY.addressForgetSec * 1000) return { failures: 0, lastFailedAt: null };
  return count;
}
