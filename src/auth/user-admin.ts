import { AppError } from '../api/errors.js';
import type { UserAccount, UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import type { Role } from '../domain/roles.js';
import { LoginGuardRepo } from '../storage/repos/login-guard-repo.js';
import { UserRepo, toInfo, type UserRow } from '../storage/repos/user-repo.js';
import { assertPasswordAcceptable } from './accounts.js';
import { hashPassword } from './passwords.js';
import type { Sessions } from './sessions.js';

/**
 * What an administrator does to an existing account: edit its name and role, disable and re-enable
 * it, set a temporary password. Each change is audited with before and after; the archive always
 * keeps at least one active (not disabled) administrator.
 */

type Reason = { reason?: string | null | undefined };

/** Edits the display name and/or role. Demoting the last active administrator is refused. */
export function updateAccount(
  archive: Archive,
  admin: UserInfo,
  input: { userId: number; displayName?: string | undefined; role?: Role | undefined },
): UserAccount {
  const users = new UserRepo(archive.db);
  return change(archive, admin, () => {
    const row = mustFind(users, input.userId);
    const next = { displayName: input.displayName ?? row.displayName, role: input.role ?? row.role };
    if (row.role === 'admin' && next.role !== 'admin' && !row.disabled && users.activeAdmins(row.id) === 0) throw lastAdminError('demote');
    users.update(row.id, next);
    const after = accountOf(archive, mustFind(users, row.id));
    const before = { displayName: row.displayName, role: row.role };
    return {
      value: after,
      audit: [
        {
          action: 'user.update',
          targetType: 'user',
          targetId: row.id,
          before,
          after: next,
          // The log keeps only digests of before/after; the change itself, readable, goes in the detail.
          detail: { username: row.username, before, after: next },
        },
      ],
    };
  });
}

/** Disables (or re-enables) an account. A disabled account cannot sign in and its sessions end at once. */
export function setAccountDisabled(archive: Archive, sessions: Sessions, admin: UserInfo, input: { userId: number; disabled: boolean } & Reason): UserAccount {
  const users = new UserRepo(archive.db);
  const out = change(archive, admin, () => {
    const row = mustFind(users, input.userId);
    if (input.disabled && row.role === 'admin' && !row.disabled && users.activeAdmins(row.id) === 0) throw lastAdminError('disable');
    if (input.disabled && row.id === admin.id) {
      throw new AppError('forbidden', 'you cannot disable your own account', '不能停用自己的账户', { item: row.username });
    }
    users.setDisabled(row.id, input.disabled);
    const after = accountOf(archive, mustFind(users, row.id));
    return {
      value: after,
      audit: [
        {
          action: input.disabled ? 'user.disable' : 'user.enable',
          targetType: 'user',
          targetId: row.id,
          before: { disabled: row.disabled === 1 },
          after: { disabled: input.disabled },
          detail: { username: row.username, ...(input.reason ? { reason: input.reason } : {}) },
        },
      ],
    };
  });
  if (input.disabled) sessions.endAllFor(out.id);
  return out;
}

/**
 * Sets a temporary password (the password rules apply). The user must change it at the next sign-in;
 * their open sessions end, and a lockout and the failed sign-ins are cleared. The password itself is
 * never audited.
 */
export async function resetPassword(
  archive: Archive,
  sessions: Sessions,
  admin: UserInfo,
  input: { userId: number; password: string } & Reason,
): Promise<UserAccount> {
  const users = new UserRepo(archive.db);
  const target = mustFind(users, input.userId);
  assertPasswordAcceptable(input.password, target.username);
  const hash = await hashPassword(input.password);
  const out = change(archive, admin, () => {
    const row = mustFind(users, input.userId);
    const guard = new LoginGuardRepo(archive.db);
    const before = guard.account(row.id);
    users.setPassword(row.id, hash, true);
    guard.clearAccount(row.id); // a fresh start: the lock and the failed sign-ins go with the old password
    return {
      value: accountOf(archive, mustFind(users, row.id)),
      audit: [
        {
          action: 'user.password.reset',
          targetType: 'user',
          targetId: row.id,
          before: { lockedAt: before?.lockedAt ?? null, failedLogins: before?.failures ?? 0 },
          detail: { username: row.username, mustChange: true, ...(input.reason ? { reason: input.reason } : {}) },
        },
      ],
    };
  });
  sessions.endAllFor(out.id);
  return out;
}

function mustFind(users: UserRepo, id: number): UserRow {
  const row = users.byId(id);
  if (!row) throw new AppError('not_found', `no user with id ${id}`, `没有编号为 ${id} 的用户`, { item: String(id) });
  return row;
}

function accountOf(archive: Archive, row: UserRow): UserAccount {
  const g = new LoginGuardRepo(archive.db).account(row.id);
  return { ...toInfo(row), disabled: row.disabled === 1, locked: (g?.lockedAt ?? null) !== null, failedLogins: g?.failures ?? 0 };
}

function lastAdminError(what: 'disable' | 'demote'): AppError {
  return what === 'disable'
    ? new AppError(
        'forbidden',
        'this is the last active administrator; it cannot be disabled',
        '这是最后一个启用的管理员账户，不能停用；请先为其他账户设置管理员角色',
      )
    : new AppError(
        'forbidden',
        'this is the last active administrator; its role cannot be changed',
        '这是最后一个启用的管理员账户，不能取消其管理员角色；请先为其他账户设置管理员角色',
      );
}
