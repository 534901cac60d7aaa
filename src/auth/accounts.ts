import { AppError } from '../api/errors.js';
import type { SessionInfo, UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { describePasswordProblems, passwordProblems } from '../domain/password-rules.js';
import type { Role } from '../domain/roles.js';
import { UserRepo } from '../storage/repos/user-repo.js';
import { hashPassword } from './passwords.js';
import type { Sessions } from './sessions.js';

interface NewAccount {
  username: string;
  displayName: string;
  password: string;
}

/** Refuses a password the rules of src/domain/password-rules.ts refuse, naming each reason. */
export function assertPasswordAcceptable(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length === 0) return;
  const text = describePasswordProblems(problems);
  throw new AppError('invalid_input', `password: ${text.en}`, `密码：${text.zh.replace(/^密码/, '')}`, { item: 'password', details: { problems } });
}

/** First run: the first account is the administrator. Refused once any account exists. */
export async function setupFirstAdmin(archive: Archive, sessions: Sessions, input: NewAccount): Promise<SessionInfo> {
  assertPasswordAcceptable(input.password, input.username);
  const users = new UserRepo(archive.db);
  const passwordHash = await hashPassword(input.password);
  const user = change(archive, null, () => {
    if (users.count() > 0) throw new AppError('setup_done', 'the archive already has accounts; sign in instead', '档案库已有账户，请直接登录');
    const u = users.insert({
      username: input.username,
      displayName: input.displayName,
      role: 'admin',
      passwordHash,
      createdAt: archive.clock.now().toISOString(),
    });
    return { value: u, audit: [{ action: 'user.create', targetType: 'user', targetId: u.id, after: u, detail: { firstRun: true } }] };
  });
  return { token: sessions.create(user.id), user };
}

/** An administrator opens an account. */
export async function createAccount(archive: Archive, admin: UserInfo, input: NewAccount & { role: Role }): Promise<UserInfo> {
  assertPasswordAcceptable(input.password, input.username);
  const users = new UserRepo(archive.db);
  const passwordHash = await hashPassword(input.password);
  return change(archive, admin, () => {
    if (users.byUsername(input.username)) {
      throw new AppError('duplicate', `user ${input.username} already exists`, `用户名 ${input.username} 已存在`, { item: input.username });
    }
    const u = users.insert({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      createdAt: archive.clock.now().toISOString(),
    });
    return { value: u, audit: [{ action: 'user.create', targetType: 'user', targetId: u.id, after: u }] };
  });
}
