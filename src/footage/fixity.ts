import type { FixityProblem, FixityReport } from '../api/types-footage.js';
import type { Archive } from '../archive/archive.js';
import type { FilePort } from '../ports/file-port.js';
import { writeTx } from '../storage/db.js';
import { FixityRepo, type FixityRunRow, type ObjectToCheck } from '../storage/repos/footage-fixity-repo.js';
import { digestFile } from './copy-with-digests.js';
import type { DigestPool } from './digest-pool.js';
import type { IngestProgress } from './ingest.js';
import type { Tx } from '../archive/audited-change.js';
import { findStrays, quarantineStrays } from './quarantine.js';

export interface FixityOptions {
  archive: Archive;
  files: FilePort;
  pool: DigestPool;
  tx: Tx;
  userId: number | null;
  mode: 'full' | 'incremental';
  olderThanDays: number;
  byteBudget?: number;
  resume: boolean;
  signal?: AbortSignal;
  progress?: IngestProgress;
  /** Strays younger than this are left alone (another process may be about to catalogue them). */
  graceMs: number;
}

const DAY = 86_400_000;

/**
 * A fixity audit: re-reads stored objects and compares SHA-256 (and SM3 for clips) with the catalogue,
 * two at a time. Full: every object, then the strays in objects/ (appeared: quarantined, reported).
 * Incremental: objects not verified in N days, oldest first, within a byte budget. Every result is
 * committed as it is found, so an interrupted or cancelled run is resumed by the next one. The run is
 * an audit event (start and end, with each problem named).
 */
export interface FixityPlan {
  objects: ObjectToCheck[];
  bytes: number;
  /** Candidates before the byte budget. */
  candidates: number;
  resumed: FixityRunRow | undefined;
}

/** What a run will check (so the job can show totals): marks dead runs interrupted, applies resume and budget. */
export function planFixity(o: Pick<FixityOptions, 'archive' | 'mode' | 'olderThanDays' | 'byteBudget' | 'resume'>): FixityPlan {
  const repo = new FixityRepo(o.archive.db);
  const now = o.archive.clock.now();
  writeTx(o.archive.db, () => repo.markInterrupted(now.toISOString()));
  let notSince: string | undefined;
  let resumed: FixityRunRow | undefined;
  if (o.mode === 'incremental') notSince = new Date(now.getTime() - o.olderThanDays * DAY).toISOString();
  else if (o.resume) {
    const last = repo.lastRun('full');
    if (last && (last.state === 'interrupted' || last.state === 'cancelled')) {
      resumed = last;
      let root = last;
      while (root.resumedRun !== null) {
        const prev = repo.run(root.resumedRun);
        if (!prev) break;
        root = prev;
      }
      notSince = root.startedAt;
    }
  }
  const candidates = repo.objects(notSince !== undefined ? { notSince } : {});
  const objects = budgeted(candidates, o.mode === 'incremental' ? o.byteBudget : undefined);
  return { objects, bytes: objects.reduce((n, x) => n + x.size, 0), candidates: candidates.length, resumed };
}

export async function runFixity(o: FixityOptions, planned?: FixityPlan): Promise<FixityReport> {
  const repo = new FixityRepo(o.archive.db);
  const now = () => o.archive.clock.now();
  const t0 = Date.now();
  const chosen = planned ?? planFixity(o);
  const { candidates, resumed } = chosen;
  // Chosen oldest first; checked largest first, so both lanes finish together.
  const plan = [...chosen.objects].sort((a, b) => b.size - a.size);
  const runId = o.tx(() => {
    const id = repo.startRun({
      mode: o.mode,
      olderThanDays: o.mode === 'incremental' ? o.olderThanDays : null,
      byteBudget: o.byteBudget ?? null,
      resumedRun: resumed?.id ?? null,
      planned: plan.length,
      by: o.userId,
      now: now().toISOString(),
    });
    return {
      value: id,
      audit: [
        {
          action: 'footage.verify.start',
          targetType: 'fixity_run',
          targetId: id,
          detail: { mode: o.mode, planned: plan.length, resumedRun: resumed?.id ?? null },
        },
      ],
    };
  });
  let state: 'done' | 'cancelled' | 'failed' = 'done';
  let next = 0;
  const record = (r: Parameters<FixityRepo['addResult']>[0]) => writeTx(o.archive.db, () => repo.addResult(r));
  const lane = async () => {
    while (next < plan.length && !o.signal?.aborted) {
      const obj = plan[next++]!;
      // Shown by the original name (a clip, a scan) and the digest's start, which keeps two files of the same name apart.
      const name = repo.describe(obj.sha256).names[0];
      const label = name ? `${name} · ${obj.sha256.slice(0, 8)}` : obj.sha256.slice(0, 12);
      o.progress?.startItem(label, obj.size);
      record({ runId, sha256: obj.sha256, ...(await checkOne(o, obj, label)), now: now().toISOString() });
      o.progress?.finishItem(label);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, o.pool.threads) }, lane));
    if (o.signal?.aborted) state = 'cancelled';
    else if (o.mode === 'full') {
      const strays = await findStrays(o.archive.layout, (s) => repo.knownObject(s));
      const q = await quarantineStrays(o.archive.layout, strays, { now: now(), graceMs: o.graceMs });
      for (const s of q.moved) {
        writeTx(o.archive.db, () => {
          repo.addResult({
            runId,
            sha256: s.name,
            outcome: 'appeared',
            actualSha256: null,
            actualSm3: null,
            actualSize: s.size,
            detail: JSON.stringify({ relPath: s.relPath, movedTo: s.movedTo }),
            now: now().toISOString(),
          });
          repo.addQuarantine({ name: s.relPath, size: s.size, movedTo: s.movedTo, runId, now: now().toISOString() });
        });
      }
    }
  } catch (e) {
    state = 'failed';
    throw e;
  } finally {
    const problems = problemsOf(repo, runId);
    o.tx(() => {
      repo.finishRun(runId, state, now().toISOString());
      const r = repo.run(runId)!;
      return {
        value: null,
        audit: [
          {
            action: 'footage.verify',
            targetType: 'fixity_run',
            targetId: runId,
            detail: {
              mode: o.mode,
              state,
              ...runCounts(r),
              problems: problems.slice(0, 200).map((p) => ({ outcome: p.outcome, sha256: p.sha256, names: p.names, cases: p.cases })),
            },
          },
        ],
      };
    });
  }
  const report = fixityReport(repo, runId, (Date.now() - t0) / 1000);
  report.remaining = Math.max(0, candidates - report.checked);
  return report;
}

async function checkOne(o: FixityOptions, obj: ObjectToCheck, label: string) {
  const file = o.archive.store.pathOf(obj.sha256);
  const st = await o.files.stat(file).catch(() => null);
  if (!st) return { outcome: 'vanished', actualSha256: null, actualSm3: null, actualSize: null, detail: null };
  try {
    const r = await digestFile(o.files, o.pool, file, obj.sm3 ? ['sha256', 'sm3'] : ['sha256'], obj.sha256, o.signal, (n) => o.progress?.addBytes(n, label));
    const same = r.size === obj.size && r.digests.sha256 === obj.sha256 && (!obj.sm3 || r.digests.sm3 === obj.sm3);
    return { outcome: same ? 'ok' : 'changed', actualSha256: r.digests.sha256 ?? null, actualSm3: r.digests.sm3 ?? null, actualSize: r.size, detail: null };
  } catch (e) {
    if ((e as { code?: string }).code === 'cancelled') throw e;
    return { outcome: 'changed', actualSha256: null, actualSm3: null, actualSize: null, detail: JSON.stringify({ unreadable: (e as Error).message }) };
  }
}

function budgeted(list: ObjectToCheck[], budget: number | undefined): ObjectToCheck[] {
  if (budget === undefined) return list;
  const out: ObjectToCheck[] = [];
  let bytes = 0;
  for (const o of list) {
    if (out.length > 0 && bytes + o.size > budget) break;
    out.push(o);
    bytes += o.size;
  }
  return out;
}

export function problemsOf(repo: FixityRepo, runId: number): FixityProblem[] {
  return repo.problems(runId).map((p) => {
    const what =
      p.outcome === 'appeared' ? { names: [(JSON.parse(p.detail ?? '{}') as { relPath?: string }).relPath ?? p.sha256], cases: [] } : repo.describe(p.sha256);
    const name = what.names[0] ?? p.sha256;
    const cases = what.cases.length ? `（案件 ${what.cases.join('、')}）` : '';
    const casesEn = what.cases.length ? ` (case ${what.cases.join(', ')})` : '';
    const [en, zh] =
      p.outcome === 'changed'
        ? [`${name}${casesEn}: the stored file changed (digest no longer matches)`, `${name}${cases}：存储的文件已被改变（摘要不符）`]
        : p.outcome === 'vanished'
          ? [`${name}${casesEn}: the stored file is missing`, `${name}${cases}：存储的文件丢失`]
          : [`objects/${name}: a file the catalogue does not know appeared; moved to quarantine`, `objects/${name}：出现目录库中没有的文件，已移入隔离区`];
    return { sha256: p.sha256, outcome: p.outcome, names: what.names, cases: what.cases, message: en, messageZh: zh };
  });
}

/** What a run counted: objects checked, bytes read, and how many were fine, changed, gone or new. */
function runCounts(r: FixityRunRow): Pick<FixityRunRow, 'checked' | 'bytes' | 'ok' | 'changed' | 'vanished' | 'appeared'> {
  return { checked: r.checked, bytes: r.bytes, ok: r.ok, changed: r.changed, vanished: r.vanished, appeared: r.appeared };
}

export function fixityReport(repo: FixityRepo, runId: number, seconds: number | null): FixityReport {
  const r = repo.run(runId)!;
  return {
    runId,
    mode: r.mode,
    state: r.state,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    planned: r.planned,
    ...runCounts(r),
    problems: problemsOf(repo, runId),
    remaining: Math.max(0, r.planned - r.checked),
    seconds,
  };
}
