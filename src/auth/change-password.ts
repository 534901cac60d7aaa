import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { LoginGuardRepo } from '../storage/repos/login-guard-repo.js';
import { UserRepo, toInfo } from '../storage/repos/user-repo.js';
import { assertPasswordAcceptable } from './accounts.js';
import { hashPassword } from './passwords.js';
import type { Sessions } from './sessions.js';
import { verifyGuarded } from './sign-in.js';

/**
 * A signed-in user changes their own password, giving the old one. A wrong old password counts like
 * a failed sign-in (back-off, and the lock at the limit, which also ends the user's sessions). On
 * success the temporary-password flag clears and the user's other sessions end; this one stays.
 */
export async function changeOwnPassword(
  archive: Archive,
  sessions: Sessions,
  user: UserInfo,
  token: string | undefined,
  address: string,
  input: { oldPassword: string; newPassword: string },
): Promise<UserInfo> {
  const users = new UserRepo(archive.db);
  const row = users.byId(user.id);
  if (!row) throw new AppError('unauthenticated', 'please sign in', '请先登录');
  let ok: boolean;
  try {
    ok = await verifyGuarded(archive, row, row.username, input.oldPassword, address, { during: 'auth.changePassword' });
  } catch (e) {
    if (e instanceof AppError && e.code === 'locked') sessions.endAllFor(row.id);
    throw e;
  }
  if (!ok) throw new AppError('bad_credentials', 'the current password is wrong', '原密码不正确', { item: 'oldPassword' });
  if (input.newPassword === input.oldPassword) {
    throw new AppError('invalid_input', 'newPassword: the new password must differ from the old one', '新密码不能与原密码相同', { item: 'newPassword' });
  }
  assertPasswordAcceptable(input.newPassword, row.username);
  const hash = await hashPassword(input.newPassword);
  const guard = new LoginGuardRepo(archive.db);
  const after = change(archive, user, () => {
    guard.clearAccount(row.id);
    users.setPassword(row.id, hash, false);
    return {
      value: toInfo(users.byId(row.id)!),
      audit: [{ action: 'user.password.change', targetType: 'user', targetId: row.id, detail: { username: row.username, address } }],
    };
  });
  sessions.endAllFor(row.id, token);
  return after;
}
