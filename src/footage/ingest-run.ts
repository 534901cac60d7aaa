import type { IngestFileError, IngestReport } from '../api/types-footage.js';
import type { Archive } from '../archive/archive.js';
import type { Jobs } from '../jobs/jobs.js';
import { FootageIngestRepo } from '../storage/repos/footage-ingest-repo.js';
import { markRun, recoverInflight } from './inflight.js';
import { ingestFiles, type IngestOutcome } from './ingest.js';
import type { Tx } from '../archive/audited-change.js';
import { ingestRecorder } from './ingest-recorder.js';
import { scanFolder } from './scan-folder.js';
import type { FootageServices } from './services.js';

export interface IngestRequest {
  source: string;
  caseId: number | null;
  officerId: number | null;
  certNo: string | null;
  activity: string | null;
  jobId?: string | undefined;
}

class Cancelled extends Error {
  constructor(readonly outcome: IngestOutcome) {
    super('cancelled');
  }
}

/**
 * One ingest run: finishes what a dead process left in flight, scans the folder, records the run
 * (start and finish are audit events), offloads the files as a job with progress and cancel, and
 * reports counts and per-file errors. A cancelled run keeps what it catalogued and says so.
 */
export async function runIngest(
  o: { archive: Archive; footage: FootageServices; jobs: Jobs; tx: Tx; systemTx: Tx; userId: number; now: () => string },
  req: IngestRequest,
): Promise<IngestReport> {
  const started = Date.now();
  await recoverInflight(o.archive, o.systemTx);
  const scan = await scanFolder(req.source);
  const backend = o.footage.pool.backend;
  const tz = o.footage.timezone();
  const ingests = new FootageIngestRepo(o.archive.db);
  let unmark: () => Promise<void> = async () => undefined;
  const ingestId = o.tx(() => {
    const id = ingests.start({ sourceRoot: scan.root, caseId: req.caseId, officerId: req.officerId, sm3Backend: backend, by: o.userId, now: o.now() });
    // Claimed before the row commits: another process never sees it `running` without a live owner.
    unmark = markRun(o.archive.layout, 'ingest', id);
    const detail = { sourceRoot: scan.root, files: scan.files.length, caseId: req.caseId, certNo: req.certNo };
    return { value: id, audit: [{ action: 'footage.ingest.start', targetType: 'footage_ingest', targetId: id, detail }] };
  });
  const sink = ingestRecorder(o.archive.db, o.tx, {
    ingestId,
    sourceRoot: scan.root,
    userId: o.userId,
    tz,
    now: o.now,
    caseId: req.caseId,
    activity: req.activity,
    officerId: req.officerId,
  });
  const finish = (state: string, r: { bytes: number; newClips: number; duplicates: number; errors: (IngestFileError | string)[] }) => {
    o.tx(() => {
      ingests.finish(ingestId, { state, files: scan.files.length, ...r, now: o.now() });
      const errors = r.errors.map((x) => (typeof x === 'string' ? x : { file: x.relPath, code: x.code }));
      const detail = { state, files: scan.files.length, bytes: r.bytes, new: r.newClips, duplicates: r.duplicates, errors };
      return { value: null, audit: [{ action: 'footage.ingest.finish', targetType: 'footage_ingest', targetId: ingestId, detail }] };
    });
    void unmark();
  };
  const bytes = scan.files.reduce((n, f) => n + f.size, 0);
  let outcome: IngestOutcome;
  try {
    outcome = await o.jobs.run('footage.ingest', { items: scan.files.length, bytes }, req.jobId, async (job) => {
      const out = await ingestFiles(scan.files, {
        files: o.footage.files,
        store: o.archive.store,
        pool: o.footage.pool,
        tmpDir: o.archive.layout.tmp,
        layout: o.archive.layout,
        patterns: o.footage.patterns,
        tz,
        sink,
        signal: job.signal,
        progress: job,
        syncEveryBytes: o.footage.syncEveryBytes,
      });
      if (out.cancelled) throw new Cancelled(out);
      return out;
    });
  } catch (e) {
    if (!(e instanceof Cancelled)) {
      finish('failed', { bytes: 0, newClips: 0, duplicates: 0, errors: [String((e as Error).message)] });
      throw e;
    }
    outcome = e.outcome;
  }
  const errors = [
    ...scan.errors.map((x) => ({ relPath: x.relPath, code: x.error.code, message: x.error.message, messageZh: x.error.messageZh })),
    ...outcome.errors,
  ];
  finish(outcome.cancelled ? 'cancelled' : 'done', { bytes: outcome.bytes, newClips: outcome.newClips, duplicates: outcome.duplicates, errors });
  return {
    ingestId,
    sourceRoot: scan.root,
    files: scan.files.length,
    bytes: outcome.bytes,
    new: outcome.newClips,
    duplicates: outcome.duplicates,
    errors,
    ignored: scan.ignored.length,
    clipIds: outcome.clipIds,
    sm3Backend: backend,
    seconds: Math.round((Date.now() - started) / 10) / 100,
    cancelled: outcome.cancelled,
  };
}
