import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { contract } from '../../../src/api/contract.js';
import { dossierOps } from '../../../src/api/contract-dossier.js';
import type { ErrorPayload } from '../../../src/api/errors.js';
import { toErrorPayload } from '../../../src/api/errors.js';
import { parseOrThrow } from '../../../src/api/validate.js';
import type { CallContext } from '../../../src/api/context.js';
import { type Archive, initArchive } from '../../../src/archive/archive.js';
import { archiveLayout } from '../../../src/archive/layout.js';
import { ObjectStore } from '../../../src/archive/object-store.js';
import { AuditLog } from '../../../src/audit/audit-log.js';
import { Sessions } from '../../../src/auth/sessions.js';
import { loadSampleCases } from '../../../src/demo/sample-cases.js';
import type { CaseInput } from '../../../src/domain/case.js';
import type { Role } from '../../../src/domain/roles.js';
import { createHandlers } from '../../../src/handlers.js';
import type { HandlerDeps } from '../../../src/handlers/deps.js';
import { dossierHandlers, type DossierOptions } from '../../../src/handlers/dossier-handlers.js';
import { StagingArea } from '../../../src/handlers/staging.js';
import { authorize } from '../../../src/invoke.js';
import { EventBus } from '../../../src/jobs/event-bus.js';
import { Jobs } from '../../../src/jobs/jobs.js';
import { type Clock, systemClock } from '../../../src/ports/clock.js';
import { nodeFilePort } from '../../../src/ports/file-port.js';
import { DEFAULT_PROFILE_ID, loadProfile } from '../../../src/profiles/load-profile.js';
import { resourcesDir } from '../../../src/resources/paths.js';
import { openDb, writeTx } from '../../../src/storage/db.js';
import { migrate } from '../../../src/storage/migrate.js';
import type { Migration } from '../../../src/storage/migration.js';
import { MIGRATIONS } from '../../../src/storage/migrations/index.js';
import { m0003Dossier } from '../../../src/storage/migrations/0003-dossier.js';
import { DocumentRepo } from '../../../src/storage/repos/document-repo.js';
import { MetaRepo } from '../../../src/storage/repos/meta-repo.js';
import { UserRepo } from '../../../src/storage/repos/user-repo.js';

/**
 * Until the lead wires 0003-dossier into the migration list and `dossierOps` into the contract, tests
 * open archives with this list (a no-op version 2 stands in for the footage migration) and route
 * calls themselves, the way `invoke` does: role check first, then input validation, then the handler.
 */
const placeholder2: Migration = { version: 2, name: '0002-placeholder-for-tests', up: () => undefined };
export const TEST_MIGRATIONS: readonly Migration[] = MIGRATIONS.some((m) => m.name === m0003Dossier.name)
  ? MIGRATIONS
  : [...MIGRATIONS.filter((m) => m.version < 3), ...(MIGRATIONS.length < 2 ? [placeholder2] : []), m0003Dossier];

export const PASSWORD = 'secret-pass-1';
const ALL_OPS = { ...contract, ...dossierOps } as Record<string, { input: import('zod').ZodType; roles: readonly Role[] | 'public' }>;
type AllOps = typeof contract & typeof dossierOps;
export type OpOut<N extends keyof AllOps> = NonNullable<AllOps[N]['output']>;

export type Result<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export interface Harness {
  archive: Archive;
  deps: HandlerDeps;
  call<N extends keyof AllOps>(name: N, input: unknown, token?: string): Promise<Result<OpOut<N>>>;
  /** Like call, throwing on an error. */
  ok<N extends keyof AllOps>(name: N, input: unknown, token?: string): Promise<OpOut<N>>;
  token: string;
  close(): void;
}

export async function openArchiveForTests(dir: string, clock: Clock = systemClock): Promise<Archive> {
  const layout = archiveLayout(dir);
  if (!existsSync(layout.catalog)) (await initArchive(dir, { resourcesDir: resourcesDir(), clock })).close();
  const db = openDb(layout.catalog);
  migrate(db, layout.catalog, TEST_MIGRATIONS);
  const meta = new MetaRepo(db);
  return {
    layout,
    db,
    store: new ObjectStore(layout, nodeFilePort),
    audit: new AuditLog(db, layout.anchor, clock),
    meta,
    profile: loadProfile(resourcesDir(), meta.get('profile_id') ?? DEFAULT_PROFILE_ID),
    clock,
    recovered: [],
    close: () => db.close(),
  };
}

export async function openHarness(dir: string, opts: DossierOptions & { clock?: Clock } = {}): Promise<Harness> {
  const archive = await openArchiveForTests(dir, opts.clock);
  const bus = new EventBus();
  const sessions = new Sessions(archive.clock);
  const deps: HandlerDeps = { archive, sessions, jobs: new Jobs(bus, archive.clock), bus, staging: new StagingArea(archive.store) };
  const handlers = { ...createHandlers(deps), ...dossierHandlers(deps, opts) } as Record<string, (i: unknown, c: CallContext) => Promise<unknown>>;
  const users = new UserRepo(archive.db);
  const h: Harness = {
    archive,
    deps,
    token: '',
    async call(name, input, token) {
      try {
        const spec = ALL_OPS[name];
        if (!spec) throw new Error(`unknown op ${name}`);
        const t = token ?? h.token;
        const ctx: CallContext = { user: null, transport: 'direct', ...(t ? { sessionToken: t } : {}) };
        if (spec.roles !== 'public') ctx.user = authorize(sessions, users, t, spec.roles, name);
        return { ok: true, value: (await handlers[name]!(parseOrThrow(spec.input, input ?? {}, name), ctx)) as never };
      } catch (e) {
        return { ok: false, error: toErrorPayload(e) };
      }
    },
    async ok(name, input, token) {
      const r = await h.call(name, input, token);
      if (!r.ok) throw new Error(`${name}: ${r.error.message} / ${r.error.messageZh}`);
      return r.value as never;
    },
    close: () => archive.close(),
  };
  return h;
}

/** First run: an administrator, an archivist and an inspector; signs the harness in as the archivist. */
export async function setupUsers(h: Harness): Promise<{ admin: string; archivist: string; inspector: string }> {
  const admin = (await h.ok('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD })).token;
  await h.ok('user.create', { username: 'dangan', displayName: '孙丽娟', role: 'archivist', password: PASSWORD }, admin);
  await h.ok('user.create', { username: 'pingcha', displayName: '评查员', role: 'inspector', password: PASSWORD }, admin);
  const archivist = (await h.ok('auth.login', { username: 'dangan', password: PASSWORD })).token;
  const inspector = (await h.ok('auth.login', { username: 'pingcha', password: PASSWORD })).token;
  h.token = archivist;
  return { admin, archivist, inspector };
}

export interface SeedDoc {
  kind: string;
  title: string;
  docNo?: string | null;
  responsible?: string | null;
  date: string | null;
  pages: number;
  /** Page indexes (0-based) that are back sides / blank. */
  back?: number[];
  blank?: number[];
}

/**
 * Registers a case through `case.create` and files its documents straight into the catalogue (rows
 * only, placeholder object digests): binding reads catalogue rows, not scans, and this keeps tests fast.
 */
export async function seedCase(h: Harness, c: CaseInput, docs: readonly SeedDoc[]): Promise<number> {
  const created = await h.ok('case.create', c);
  const repo = new DocumentRepo(h.archive.db);
  const now = h.archive.clock.now().toISOString();
  writeTx(h.archive.db, () => {
    docs.forEach((d, i) => {
      const sha256 = createHash('sha256').update(`${created.id}/${i}/${d.title}`).digest('hex');
      const id = repo.insert({
        caseId: created.id,
        kind: d.kind,
        title: d.title,
        docNo: d.docNo ?? null,
        responsible: d.responsible ?? null,
        date: d.date,
        createdBy: 1,
        now,
        files: [
          {
            originalName: `${i + 1}.pdf`,
            sha256,
            size: 1000,
            mediaType: 'application/pdf',
            pages: Array.from({ length: d.pages }, (_, p) => ({ sourcePage: p, blankSuggested: false, width: 2480, height: 3508, thumb: null })),
          },
        ],
      });
      const pages = repo.pages(id);
      for (const p of d.back ?? []) repo.updatePage(pages[p]!.id, 'back', (d.blank ?? []).includes(p));
      for (const p of d.blank ?? []) if (!(d.back ?? []).includes(p)) repo.updatePage(pages[p]!.id, pages[p]!.side, true);
    });
  });
  return created.id;
}

/** The five fictional sample cases, seeded; returns their ids in file order. */
export async function seedSamples(h: Harness): Promise<number[]> {
  const ids = [];
  for (const s of loadSampleCases(resourcesDir())) ids.push(await seedCase(h, s.case, s.documents));
  return ids;
}
