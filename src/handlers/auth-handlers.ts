import { createAccount, setupFirstAdmin } from '../auth/accounts.js';
import { authStatus } from '../auth/auth-status.js';
import { signIn } from '../auth/sign-in.js';
import { listAccounts, unlockAccount } from '../auth/unlock-account.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

type AuthOps = 'auth.status' | 'auth.setup' | 'auth.login' | 'auth.logout' | 'auth.me' | 'user.list' | 'user.create' | 'user.unlock';

/** Sign-in and accounts: first administrator, sign in/out, who am I, the user list, new accounts, unlocking. */
export function authHandlers(deps: HandlerDeps): HandlerMap<AuthOps> {
  const { archive, sessions } = deps;
  return {
    'auth.status': async () => authStatus(archive),
    'auth.setup': async (input) => setupFirstAdmin(archive, sessions, input),
    'auth.login': async (input, ctx) => signIn(archive, sessions, input, ctx.address ?? ctx.transport),
    'auth.logout': async (_input, ctx) => (sessions.end(ctx.sessionToken), { ok: true as const }),
    'auth.me': async (_input, ctx) => userOf(ctx),
    'user.list': async () => listAccounts(archive),
    'user.create': async (input, ctx) => createAccount(archive, userOf(ctx), input),
    'user.unlock': async (input, ctx) => unlockAccount(archive, userOf(ctx), input),
  };
}
