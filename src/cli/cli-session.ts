import type { OpName, OpInput, OpOutput } from '../api/contract.js';
import { openCore } from '../app-core.js';

export type CliCore = Awaited<ReturnType<typeof openCore>>;
import { CliError, fail } from './output.js';
import { readPassword } from './password.js';

export interface CliSession {
  core: CliCore;
  token: string | undefined;
  /** Calls an operation as the signed-in user; a failure becomes a CliError. */
  call<N extends OpName>(name: N, input: OpInput<N>): Promise<OpOutput<N>>;
}

export async function openSession(archiveDir: string | undefined, opts: { createIfMissing?: boolean } = {}): Promise<CliSession> {
  if (!archiveDir) fail('--archive DIR is required', '必须用 --archive 指定档案库文件夹');
  const core = await openCore({ archiveDir, ...(opts.createIfMissing ? { createIfMissing: true } : {}) }).catch((e: unknown) => {
    throw new CliError((e as { toJSON?: () => never }).toJSON?.() ?? { code: 'internal', message: String(e), messageZh: String(e) });
  });
  const s: CliSession = {
    core,
    token: undefined,
    async call(name, input) {
      const r = await core.invoke(name, input, { transport: 'cli', ...(s.token ? { sessionToken: s.token } : {}) });
      if (!r.ok) throw new CliError(r.error);
      return r.value as OpOutput<typeof name>;
    },
  };
  return s;
}

/** Signs in as --user (or JUANZONG_USER) with JUANZONG_PASSWORD or a prompt. */
export async function signIn(s: CliSession, user: string | undefined): Promise<void> {
  const username = user ?? process.env.JUANZONG_USER;
  if (!username) fail('--user NAME is required (or JUANZONG_USER)', '必须用 --user 指定用户名（或设置 JUANZONG_USER）', 'unauthenticated');
  const password = await readPassword(`${username} 的密码 / password: `);
  const r = await s.call('auth.login', { username, password });
  s.token = r.token;
}
