import type { CallContext, InvokeContext } from './api/context.js';
import { assertPickedPaths } from './auth/picked-paths.js';
import { contract, isOpName, type OpName, type OpResult } from './api/contract.js';
import { AppError, toErrorPayload } from './api/errors.js';
import { parseOrThrow } from './api/validate.js';
import type { Sessions } from './auth/sessions.js';
import { ROLE_LABELS, type Role } from './domain/roles.js';
import type { UserInfo } from './api/types.js';
import type { Handlers } from './handlers/types.js';
import { runAsCaller } from './jobs/job-owner.js';
import { UserRepo, toInfo } from './storage/repos/user-repo.js';

export type Invoke = <N extends OpName>(name: N | string, input: unknown, ctx: InvokeContext) => Promise<OpResult<N>>;

/**
 * The one door into the core: resolves the session, checks the operation may be called over this
 * transport and by this role (before anything else), validates the input, runs the handler, and
 * returns `{ ok, value } | { ok: false, error }` — it never throws.
 */
export function createInvoker(handlers: Handlers, sessions: Sessions, users: UserRepo): Invoke {
  return async (name, input, { transport, sessionToken, address, pickedPaths }) => {
    try {
      if (typeof name !== 'string' || !isOpName(name)) {
        throw new AppError('not_found', `unknown operation ${String(name)}`, `未知操作 ${String(name)}`, { item: String(name) });
      }
      const spec = contract[name];
      if (!spec.transports.includes(transport)) {
        throw new AppError('transport_not_allowed', `${name} cannot be called over ${transport}`, `${name} 不能通过 ${transport} 调用`, { item: name });
      }
      const ctx: CallContext = { user: null, transport, ...(sessionToken ? { sessionToken } : {}), ...(address ? { address } : {}) };
      if (spec.roles !== 'public') ctx.user = authorize(sessions, users, sessionToken, spec.roles, name);
      const parsed = parseOrThrow(spec.input, input ?? {}, name);
      if (transport === 'ipc') assertPickedPaths(name, parsed, pickedPaths);
      const handler = handlers[name] as (i: unknown, c: CallContext) => Promise<unknown>;
      const value = await runAsCaller(ctx.user?.id ?? null, () => handler(parsed, ctx));
      return { ok: true, value } as OpResult<typeof name>;
    } catch (e) {
      return { ok: false, error: toErrorPayload(e) };
    }
  };
}

/** What a user whose password is a temporary one may still call. */
const WHILE_PASSWORD_TEMPORARY: ReadonlySet<string> = new Set(['auth.changePassword', 'auth.logout', 'auth.me']);

/** The signed-in user of `sessionToken` if their role is among `roles`; throws otherwise. */
export function authorize(sessions: Sessions, users: UserRepo, sessionToken: string | undefined, roles: readonly Role[], what: string): UserInfo {
  const userId = sessions.resolve(sessionToken);
  const row = userId === null ? undefined : users.byId(userId);
  if (!row || row.disabled) throw new AppError('unauthenticated', 'please sign in', '请先登录');
  // A temporary password set by an administrator: nothing but choosing one's own (or signing out)
  // until it is changed — the window's dialog is not the only guard.
  if (row.mustChange === 1 && !WHILE_PASSWORD_TEMPORARY.has(what))
    throw new AppError(
      'forbidden',
      `${what}: the password is a temporary one set by an administrator; change it first (auth.changePassword)`,
      '当前密码是管理员设置的临时密码，请先修改密码',
      { item: what },
    );
  if (!roles.includes(row.role)) {
    const allowed = roles.map((r) => ROLE_LABELS[r].zh).join('、');
    throw new AppError(
      'forbidden',
      `${what}: the role ${row.role} may not do this`,
      `当前角色（${ROLE_LABELS[row.role].zh}）无权执行此操作，需要：${allowed}`,
      { item: what },
    );
  }
  return toInfo(row);
}
