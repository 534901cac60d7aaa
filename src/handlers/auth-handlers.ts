import { AppError } from '../api/errors.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { UserRepo, toInfo } from '../storage/repos/user-repo.js';
import { change } from '../archive/audited-change.js';
import { type HandlerDeps, nowIso, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

type AuthOps = 'auth.status' | 'auth.setup' | 'auth.login' | 'auth.logout' | 'auth.me' | 'user.list' | 'user.create';

export function authHandlers(deps: HandlerDeps): HandlerMap<AuthOps> {
  const users = new UserRepo(deps.archive.db);
  const duplicate = (username: string) => new AppError('duplicate', `user ${username} already exists`, `用户名 ${username} 已存在`, { item: username });

  return {
    'auth.status': async () => ({ needsSetup: users.count() === 0, archiveName: deps.archive.meta.get('name') ?? '' }),

    /** First run: the first account is the administrator. Refused once any account exists. */
    'auth.setup': async (input) => {
      const passwordHash = await hashPassword(input.password);
      const user = change(deps.archive, null, () => {
        if (users.count() > 0) throw new AppError('setup_done', 'the archive already has accounts; sign in instead', '档案库已有账户，请直接登录');
        const u = users.insert({ username: input.username, displayName: input.displayName, role: 'admin', passwordHash, createdAt: nowIso(deps) });
        return { value: u, audit: [{ action: 'user.create', targetType: 'user', targetId: u.id, after: u, detail: { firstRun: true } }] };
      });
      return { token: deps.sessions.create(user.id), user };
    },

    'auth.login': async (input) => {
      const row = users.byUsername(input.username);
      // Verify against a dummy hash when the user is unknown, so timing does not reveal which names exist.
      const ok = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
      if (!row || !ok || row.disabled) {
        throw new AppError('bad_credentials', 'wrong user name or password', '用户名或密码错误', { item: input.username });
      }
      const user = toInfo(row);
      change(deps.archive, user, () => ({ value: null, audit: [{ action: 'auth.login', targetType: 'user', targetId: user.id }] }));
      return { token: deps.sessions.create(user.id), user };
    },

    'auth.logout': async (_input, ctx) => {
      deps.sessions.end(ctx.sessionToken);
      return { ok: true };
    },

    'auth.me': async (_input, ctx) => userOf(ctx),

    'user.list': async () => users.list(),

    'user.create': async (input, ctx) => {
      const passwordHash = await hashPassword(input.password);
      return change(deps.archive, userOf(ctx), () => {
        if (users.byUsername(input.username)) throw duplicate(input.username);
        const u = users.insert({ username: input.username, displayName: input.displayName, role: input.role, passwordHash, createdAt: nowIso(deps) });
        return { value: u, audit: [{ action: 'user.create', targetType: 'user', targetId: u.id, after: u }] };
      });
    },
  };
}

// scrypt of a random password, used only to spend the same time on unknown user names.
const DUMMY_HASH = 'scrypt$16384$8$1$3q2+7w==$' + Buffer.alloc(64).toString('base64');
