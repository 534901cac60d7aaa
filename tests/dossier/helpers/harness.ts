import type { OpName, OpOutput, OpResult } from '../../../src/api/contract.js';
import { openCore } from '../../../src/app-core.js';
import type { Archive } from '../../../src/archive/archive.js';
import { loadSampleCases } from '../../../src/demo/sample-cases.js';
import type { CaseInput } from '../../../src/domain/case.js';
import type { HandlerDeps } from '../../../src/handlers/deps.js';
import type { DossierOptions } from '../../../src/dossier/bind-input.js';
import type { Clock } from '../../../src/ports/clock.js';
import { resourcesDir } from '../../../src/resources/paths.js';
import { writeTx } from '../../../src/storage/db.js';
import { DocumentRepo } from '../../../src/storage/repos/document-repo.js';

export const PASSWORD = 'secret-pass-1';
export type OpOut<N extends OpName> = OpOutput<N>;

export interface Harness {
  archive: Archive;
  deps: HandlerDeps;
  /** Through the real invoker (`createInvoker`): role check, input validation, handler; never throws. */
  call<N extends OpName>(name: N, input: unknown, token?: string): Promise<OpResult<N>>;
  /** Like call, throwing on an error. */
  ok<N extends OpName>(name: N, input: unknown, token?: string): Promise<OpOut<N>>;
  token: string;
  /** The core's close: queued work finishes, then the catalogue closes (tests replace catalog.db right after). */
  close(): Promise<void>;
}

/**
 * The app's own core (`openCore`, every migration in MIGRATIONS, created when missing) behind the
 * real invoker. Test knobs: the 视听资料 items binding sees (`opts.avItems`; by default the case's
 * linked clips, as in the app), the profiles folder and the clock.
 */
export async function openHarness(dir: string, opts: DossierOptions & { clock?: Clock } = {}): Promise<Harness> {
  const core = await openCore({
    archiveDir: dir,
    createIfMissing: true,
    ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.avItems ? { avItems: opts.avItems } : {}),
  });
  const h: Harness = {
    archive: core.archive,
    deps: core.deps,
    token: '',
    call(name, input, token) {
      const t = token ?? h.token;
      return core.invoke(name, input, { transport: 'direct', ...(t ? { sessionToken: t } : {}) });
    },
    async ok(name, input, token) {
      const r = await h.call(name, input, token);
      if (!r.ok) throw new Error(`${name}: ${r.error.message} / ${r.error.messageZh}`);
      return r.value;
    },
    close: () => core.close(),
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
 * Registers a case through `case.create` and files its documents straight into the catalogue: each
 * document's stored object is a small placeholder file in the object store (so sealing's 四性检测 finds
 * it with its recorded size), its pages are rows only — binding reads catalogue rows, not scans, and
 * this keeps tests fast.
 */
export async function seedCase(h: Harness, c: CaseInput, docs: readonly SeedDoc[]): Promise<number> {
  const created = await h.ok('case.create', c);
  const repo = new DocumentRepo(h.archive.db);
  const now = h.archive.clock.now().toISOString();
  const objects: { sha256: string; size: number }[] = [];
  for (const [i, d] of docs.entries()) {
    const bytes = Buffer.from(`%PDF-1.4\n% placeholder ${created.id}/${i}/${d.title}\n`.padEnd(1000, ' '));
    objects.push(await h.archive.store.putBytes(bytes, `${i + 1}.pdf`));
  }
  writeTx(h.archive.db, () => {
    docs.forEach((d, i) => {
      const { sha256, size } = objects[i]!;
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
            size,
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
