import './register-footage.js';
import { existsSync } from 'node:fs';
import type { OpResult } from '../../../src/api/contract.js';
import type { FootageOpName, FootageOps } from '../../../src/api/contract-footage.js';
import { toErrorPayload } from '../../../src/api/errors.js';
import type { AppCore } from '../../../src/app-core.js';
import { type Archive, initArchive, openArchive } from '../../../src/archive/archive.js';
import { archiveLayout } from '../../../src/archive/layout.js';
import { Sessions } from '../../../src/auth/sessions.js';
import type { CliSession } from '../../../src/cli/cli-session.js';
import { CliError } from '../../../src/cli/output.js';
import { DigestPool } from '../../../src/footage/digest-pool.js';
import { createFootageServices, type FootageServices } from '../../../src/footage/services.js';
import { createHandlers } from '../../../src/handlers.js';
import { footageHandlers } from '../../../src/handlers/footage-handlers.js';
import { StagingArea } from '../../../src/handlers/staging.js';
import type { Handlers } from '../../../src/handlers/types.js';
import { createInvoker } from '../../../src/invoke.js';
import { EventBus } from '../../../src/jobs/event-bus.js';
import { Jobs } from '../../../src/jobs/jobs.js';
import type { FilePort } from '../../../src/ports/file-port.js';
import { resourcesDir } from '../../../src/resources/paths.js';
import { UserRepo } from '../../../src/storage/repos/user-repo.js';

export type FootageCore = AppCore & { archive: Archive; footage: FootageServices; bus: EventBus };

/**
 * The core wired the way app-core.ts will wire it once the footage slice is registered: the usual
 * handlers plus `footageHandlers` over `createFootageServices`.
 */
export async function openFootageCore(archiveDir: string, opts: { files?: FilePort; pool?: DigestPool; strayGraceMs?: number } = {}): Promise<FootageCore> {
  const res = resourcesDir();
  const portOpts = { resourcesDir: res, ...(opts.files ? { files: opts.files } : {}) };
  const archive = existsSync(archiveLayout(archiveDir).catalog) ? await openArchive(archiveDir, portOpts) : await initArchive(archiveDir, portOpts);
  const bus = new EventBus();
  const sessions = new Sessions(archive.clock);
  const jobs = new Jobs(bus, archive.clock);
  const staging = new StagingArea(archive.store);
  const footage = createFootageServices({
    archive,
    jobs,
    resourcesDir: res,
    ...(opts.files ? { files: opts.files } : {}),
    ...(opts.pool ? { pool: opts.pool } : {}),
    ...(opts.strayGraceMs !== undefined ? { strayGraceMs: opts.strayGraceMs } : {}),
  });
  const deps = { archive, sessions, jobs, bus, staging };
  const handlers = { ...createHandlers(deps), ...footageHandlers({ ...deps, footage }) } as unknown as Handlers;
  const invoke = createInvoker(handlers, sessions, new UserRepo(archive.db));
  let closed = false;
  return {
    archive,
    footage,
    bus,
    archiveDir: archive.layout.root,
    invoke,
    subscribe: (l) => bus.subscribe(l),
    media: () => null,
    stageStream: async () => ({ ok: false, error: toErrorPayload(new Error('not in footage tests')) }),
    close() {
      if (closed) return;
      closed = true;
      void footage.close().finally(() => archive.close());
    },
  };
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
    async close() {
      await core.footage.close();
      core.close();
      await new Promise((r) => setTimeout(r, 10));
    },
  };
  return c;
}

/** A CLI session over the footage core, for running the commands' `run()` before they are registered. */
export async function footageSession(archiveDir: string | undefined): Promise<CliSession> {
  if (!archiveDir) throw new CliError({ code: 'invalid_input', message: '--archive DIR is required', messageZh: '必须用 --archive 指定档案库文件夹' });
  const core = await openFootageCore(archiveDir);
  const status = await core.invoke('auth.status', {}, { transport: 'cli' });
  if (status.ok && status.value.needsSetup)
    await core.invoke('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD }, { transport: 'cli' });
  const s: CliSession = {
    core: core as never,
    token: undefined,
    async call(name, input) {
      const r = await core.invoke(name, input, { transport: 'cli', ...(s.token ? { sessionToken: s.token } : {}) });
      if (!r.ok) throw new CliError(r.error);
      return r.value as never;
    },
  };
  return s;
}
