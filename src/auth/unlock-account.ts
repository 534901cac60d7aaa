import { AppError } from '../api/errors.js';
import type { UserAccount, UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { LoginGuardRepo } from '../storage/repos/login-guard-repo.js';
import { UserRepo, toInfo } from '../storage/repos/user-repo.js';

/** An administrator lifts a lockout (and the back-off count) of an account; audited with who and why. */
export function unlockAccount(archive: Archive, admin: UserInfo, input: { userId: number; reason?: string | null | undefined }): UserAccount {
  const users = new UserRepo(archive.db);
  const guard = new LoginGuardRepo(archive.db);
  return change(archive, admin, () => {
    const row = users.byId(input.userId);
    if (!row) throw new AppError('not_found', `no user with id ${input.userId}`, `没有编号为 ${input.userId} 的用户`, { item: String(input.userId) });
    const before = guard.account(row.id);
    guard.clearAccount(row.id);
    const after = { ...toInfo(row), disabled: row.disabled === 1, locked: false, failedLogins: 0 };
    return {
      value: after,
      audit: [
        {
          action: 'user.unlock',
          targetType: 'user',
          targetId: row.id,
          before: { lockedAt: before?.lockedAt ?? null, failedLogins: before?.failures ?? 0 },
          detail: { username: row.username, ...(input.reason ? { reason: input.reason } : {}) },
        },
      ],
    };
  });
}

/** Every account with its sign-in state, for the administrator's users page. */
export function listAccounts(archive: Archive): UserAccount[] {
  const guard = new LoginGuardRepo(archive.db);
  return new UserRepo(archive.db).listRows().map((row) => {
    const g = guard.account(row.id);
    return { ...toInfo(row), disabled: row.disabled === 1, locked: (g?.lockedAt ?? null) !== null, failedLogins: g?.failures ?? 0 };
  });
}
