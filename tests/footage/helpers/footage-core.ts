import type { OpResult } from '../../../src/api/contract.js';
import type { FootageOpName, FootageOps } from '../../../src/api/contract-footage.js';
import { type CoreOptions, openCore } from '../../../src/app-core.js';
import { type CliSession, openSession } from '../../../src/cli/cli-session.js';

export type FootageCore = Awaited<ReturnType<typeof openCore>>;

/** The app's core (`openCore`) on `archiveDir`, created when missing, with the footage test knobs. */
export async function openFootageCore(
  archiveDir: string,
  opts: { files?: CoreOptions['files'] } & NonNullable<CoreOptions['footage']> = {},
): Promise<FootageCore> {
  const { files, pool, strayGraceMs } = opts;
  return openCore({
    archiveDir,
    createIfMissing: true,
    ...(files ? { files } : {}),
    footage: { ...(pool ? { pool } : {}), ...(strayGraceMs !== undefined ? { strayGraceMs } : {}) },
  });
}

/** A signed-in caller over the footage core. */
export interface FootageClient {
  core: FootageCore;
  token: string | undefined;
  call<N extends FootageOpName>(name: N, input: unknown): Promise<NonNullable<FootageOps[N]['output']>>;
  raw(
    name: string,
    input: unknown,
  ): Promise<OpResult<'auth.me'> | { ok: false; error: { code: string; message: string; messageZh: string } } | { ok: true; value: unknown }>;
  close(): Promise<void>;
}

export const PASSWORD = 'secret-pass-1';

export async function footageClient(archiveDir: string, opts: Parameters<typeof openFootageCore>[1] & { user?: string } = {}): Promise<FootageClient> {
  const core = await openFootageCore(archiveDir, opts);
  const status = await core.invoke('auth.status', {}, { transport: 'direct' });
  let token: string | undefined;
  if (status.ok && status.value.needsSetup) {
    const r = await core.invoke('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD }, { transport: 'direct' });
    if (!r.ok) throw new Error(r.error.message);
    token = r.value.token;
  } else {
    const r = await core.invoke('auth.login', { username: opts.user ?? 'admin', password: PASSWORD }, { transport: 'direct' });
    if (!r.ok) throw new Error(r.error.message);
    token = r.value.token;
  }
  const c: FootageClient = {
    core,
    token,
    raw: (name, input) => core.invoke(name, input, { transport: 'direct', ...(c.token ? { sessionToken: c.token } : {}) }) as never,
    async call(name, input) {
      const r = await core.invoke(name, input, { transport: 'direct', ...(c.token ? { sessionToken: c.token } : {}) });
      if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.message} / ${r.error.messageZh}`), { payload: r.error });
      return r.value as never;
    },
    close: () => core.close(),
  };
  return c;
}

/** The CLI's own session (`openSession`) on an archive created when missing, with its administrator set up. */
export async function footageSession(archiveDir: string | undefined): Promise<CliSession> {
  const s = await openSession(archiveDir, { createIfMissing: true });
  if ((await s.call('auth.status', {})).needsSetup) await s.call('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD });
  return s;
}
