import { createAccount, setupFirstAdmin } from '../auth/accounts.js';
import { signIn } from '../auth/sign-in.js';
import { listAccounts, unlockAccount } from '../auth/unlock-account.js';
import { UserRepo } from '../storage/repos/user-repo.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

type AuthOps = 'auth.status' | 'auth.setup' | 'auth.login' | 'auth.logout' | 'auth.me' | 'user.list' | 'user.create' | 'user.unlock';

export function authHandlers(deps: HandlerDeps): HandlerMap<AuthOps> {
  const { archive, sessions } = deps;
  return {
    'auth.status': async () => ({ needsSetup: new UserRepo(archive.db).count() === 0, archiveName: archive.meta.get('name') ?? '' }),
    'auth.setup': async (input) => setupFirstAdmin(archive, sessions, input),
    'auth.login': async (input, ctx) => signIn(archive, sessions, input, ctx.address ?? ctx.transport),
    'auth.logout': async (_input, ctx) => {
      sessions.end(ctx.sessionToken);
      return { ok: true };
    },
    'auth.me': async (_input, ctx) => userOf(ctx),
    'user.list': async () => listAccounts(archive),
    'user.create': async (input, ctx) => createAccount(archive, userOf(ctx), input),
    'user.unlock': async (input, ctx) => unlockAccount(archive, userOf(ctx), input),
  };
}
