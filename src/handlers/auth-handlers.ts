import { createAccount, setupFirstAdmin } from '../auth/accounts.js';
import { authStatus } from '../auth/auth-status.js';
import { changeOwnPassword } from '../auth/change-password.js';
import { signIn } from '../auth/sign-in.js';
import { listAccounts, unlockAccount } from '../auth/unlock-account.js';
import { resetPassword, setAccountDisabled, updateAccount } from '../auth/user-admin.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

type AuthOps =
  | 'auth.status'
  | 'auth.setup'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.me'
  | 'auth.changePassword'
  | 'user.list'
  | 'user.create'
  | 'user.unlock'
  | 'user.update'
  | 'user.disable'
  | 'user.enable'
  | 'user.resetPassword';

/** Sign-in and accounts: first administrator, sign in/out, who am I, one's own password, the user list, new accounts, edits, disabling, unlocking, password resets. */
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
    'auth.changePassword': async (input, ctx) => changeOwnPassword(archive, sessions, userOf(ctx), ctx.sessionToken, ctx.address ?? ctx.transport, input),
    'user.unlock': async (input, ctx) => unlockAccount(archive, userOf(ctx), input),
    'user.update': async (input, ctx) => updateAccount(archive, userOf(ctx), input),
    'user.disable': async (input, ctx) => setAccountDisabled(archive, sessions, userOf(ctx), { ...input, disabled: true }),
    'user.enable': async (input, ctx) => setAccountDisabled(archive, sessions, userOf(ctx), { ...input, disabled: false }),
    'user.resetPassword': async (input, ctx) => resetPassword(archive, sessions, userOf(ctx), input),
  };
}
