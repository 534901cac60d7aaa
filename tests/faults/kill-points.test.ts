import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../src/app-core.js';
import { projectRoot } from '../../src/resources/paths.js';
import { makeVideo } from '../footage/helpers/media.js';
import { tmpDir } from '../helpers/tmp.js';
import { archiveState, boundaries, copyArchive, fsckAfterCrash, PASSWORD, runCli, withKeys } from './harness.js';

/**
 * kill -9 at every commit boundary (and at random moments) of case add, doc add, ingest, seal and
 * export, through the real CLI. After each kill: the next open's recovery plus `fsck --repair`
 * leaves nothing open, a second fsck finds nothing, and re-running the command gives the archive an
 * uninterrupted run gives. CI runs two chosen boundaries (doc add killed after its commit: the re-run
 * files nothing twice; export killed after its audit entry: the next open finishes it), each CLI
 * start costs seconds; `JUANZONG_NIGHTLY=1` runs every boundary of all five operations and random
 * kills up to 15 trials per operation.
 */
const NIGHTLY = process.env.JUANZONG_NIGHTLY === '1';
const root = projectRoot();
const EXAMPLE_FILE = path.join(root, 'resources', 'sample', 'case-example.json');
const EXAMPLE = JSON.parse(readFileSync(EXAMPLE_FILE, 'utf8')) as Record<string, unknown> & { caseNo: string };
const PAGE = path.join(root, 'resources', 'sample', 'case-example-page1.jpg');
const CASE_NO = EXAMPLE.caseNo;

interface Scenario {
  name: string;
  base: () => string;
  args: (dir: string, out: string) => string[];
  /** Error codes a re-run may end with when the interrupted run had already committed (the work is done). */
  doneCodes: string[];
  /** The boundaries CI kills at (each `name:n`); the nightly run takes them all. */
  ci: string[];
}

const bases: Record<string, string> = {};
let footageDir = '';

/** Kept for the whole file (tmpDir() folders go after each test). */
const baseRoot = mkdtempSync(path.join(tmpdir(), 'jz-fault-base-'));
afterAll(() => rmSync(baseRoot, { recursive: true, force: true }));

async function buildBase(name: string, steps: (call: (op: string, input: unknown) => Promise<unknown>) => Promise<void>): Promise<string> {
  const dir = path.join(baseRoot, name);
  await withKeys(dir, async () => {
    const core = await openCore({ archiveDir: dir, createIfMissing: true });
    try {
      const session: { token?: string } = {};
      const call = async (op: string, input: unknown) => {
        const r = await core.invoke(op, input, { transport: 'direct', ...(session.token ? { sessionToken: session.token } : {}) });
        if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
        return r.value;
      };
      session.token = ((await call('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD })) as { token: string }).token;
      await steps(call);
    } finally {
      await core.close();
    }
  });
  return dir;
}

const { documents: _docs, ...CASE_INPUT } = EXAMPLE;
const withDocuments = async (call: (op: string, input: unknown) => Promise<unknown>) => {
  const st = (await call('upload.stagePath', { path: PAGE })) as { stagedId: string };
  await call('case.register', {
    case: CASE_INPUT,
    documents: [{ kind: 'CFJDS', title: '行政处罚决定书', files: [{ stagedId: st.stagedId }] }],
  });
};
const sealed = async (call: (op: string, input: unknown) => Promise<unknown>) => {
  await withDocuments(call);
  const c = (await call('case.get', { caseNo: CASE_NO })) as { id: number };
  const v = (await call('dossier.preview', { caseId: c.id })) as { bound: { issues: { key: string; severity: string }[] } };
  for (const i of v.bound.issues) if (i.severity === 'warning') await call('dossier.acknowledge', { caseId: c.id, warning: i.key, reason: '故障测试' });
  await call('dossier.seal', { caseId: c.id });
};

const user = ['--user', 'admin', '--json'];
const SCENARIOS: Scenario[] = [
  {
    name: 'case add',
    base: () => bases.empty!,
    args: (dir) => ['case', 'add', '--archive', dir, '--file', EXAMPLE_FILE, ...user],
    doneCodes: [],
    ci: [],
  },
  {
    name: 'doc add',
    base: () => bases.case!,
    args: (dir) => ['doc', 'add', '--archive', dir, '--case', CASE_NO, '--kind', 'SDHZ', '--title', '送达回证', PAGE, ...user],
    doneCodes: [],
    ci: ['anchor:1'],
  },
  {
    name: 'ingest',
    base: () => bases.empty!,
    args: (dir) => ['ingest', '--archive', dir, footageDir, '--no-derive', ...user],
    doneCodes: [],
    ci: [],
  },
  {
    name: 'seal',
    base: () => bases.documents!,
    args: (dir) => ['seal', '--archive', dir, '--case', CASE_NO, '--ack-all-warnings-with-reason', '故障测试', ...user],
    doneCodes: ['sealed'],
    ci: [],
  },
  {
    name: 'export',
    base: () => bases.sealed!,
    args: (dir, out) => ['export', '--archive', dir, '--case', CASE_NO, '--out', out, '--package', ...user],
    doneCodes: ['duplicate'],
    ci: ['commit:1'],
  },
];

function errorCode(stdout: string): string | null {
  try {
    return (JSON.parse(stdout.trim().split('\n').pop() ?? '') as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

describe('kill -9 at the commit boundaries', () => {
  beforeAll(async () => {
    bases.empty = await buildBase('empty', async () => undefined);
    bases.case = await buildBase('case', async (call) => void (await call('case.create', CASE_INPUT)));
    bases.documents = await buildBase('documents', withDocuments);
    bases.sealed = await buildBase('sealed', sealed);
    footageDir = path.join(baseRoot, 'DCIM');
    makeVideo(path.join(footageDir, 'A001_20240311094032_0001.mp4'), { seconds: 1, tag: 'a' });
    makeVideo(path.join(footageDir, 'A001_20240311095010_0002.mp4'), { seconds: 1, tag: 'b' });
  }, 240_000);

  for (const sc of SCENARIOS) {
    if (!NIGHTLY && sc.ci.length === 0) continue;
    it(
      `${sc.name}: fsck clean after each kill, and the re-run equals an uninterrupted run`,
      async () => {
        const work = tmpDir('jz-fault-');
        const refDir = copyArchive(sc.base(), path.join(work, 'ref'));
        const trace = path.join(work, 'trace.txt');
        const ref = await runCli(sc.args(refDir, path.join(work, 'ref-out')), { env: { JUANZONG_FAULT_TRACE: trace } });
        expect(ref.code, ref.stderr).toBe(0);
        const points = boundaries(trace);
        const want = archiveState(refDir, path.join(work, 'ref-out'));
        for (const p of sc.ci) expect(points, `boundary ${p} of ${sc.name}`).toContain(p);

        const trials: { label: string; env?: Record<string, string>; killAfterMs?: number }[] = (NIGHTLY ? points : sc.ci).map((p) => ({
          label: p,
          env: { JUANZONG_FAULT_POINT: p },
        }));
        while (NIGHTLY && trials.length < 15) trials.push({ label: 'random', killAfterMs: Math.round(Math.random() * ref.ms) });

        for (const [i, t] of trials.entries()) {
          const dir = copyArchive(sc.base(), path.join(work, `t${i}`));
          const out = path.join(work, `t${i}-out`);
          mkdirSync(path.dirname(out), { recursive: true });
          const killed = await runCli(sc.args(dir, out), t);
          const what = `${sc.name}, kill at ${t.label}${t.killAfterMs !== undefined ? ` (${t.killAfterMs} ms)` : ''}`;
          if (t.killAfterMs === undefined) expect(killed.signal, `${what}: ${killed.stderr}`).toBe('SIGKILL');

          const { repaired, after } = await fsckAfterCrash(dir);
          expect(
            repaired.findings.filter((f) => !f.repaired).map((f) => f.message),
            what,
          ).toEqual([]);
          expect(
            after.findings.map((f) => f.message),
            what,
          ).toEqual([]);

          const rerun = await runCli(sc.args(dir, out));
          if (rerun.code !== 0) expect(sc.doneCodes, `${what}: re-run failed: ${rerun.stderr}`).toContain(errorCode(rerun.stdout));
          expect(archiveState(dir, out), what).toEqual(want);
        }
      },
      NIGHTLY ? 3_600_000 : 300_000,
    );
  }
});
