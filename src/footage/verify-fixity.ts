import type { OpOutput, OpParsedInput } from '../api/contract.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { actorOf, txFor } from '../archive/audited-change.js';
import { FixityRepo } from '../storage/repos/footage-fixity-repo.js';
import { fixityReport, planFixity, runFixity } from './fixity.js';
import type { FootageDeps } from './footage-deps.js';
import { recoverInflight } from './inflight.js';

/** 巡检: re-digests the objects (all, or the ones not verified lately) as a job with progress and cancel. */
export async function verifyFixity(d: FootageDeps, user: UserInfo, input: OpParsedInput<'footage.verify'>): Promise<OpOutput<'footage.verify'>> {
  const { archive, footage } = d;
  await recoverInflight(archive, txFor(archive, null));
  const opts = {
    archive,
    files: footage.files,
    pool: footage.pool,
    tx: txFor(archive, user),
    userId: user.id,
    mode: input.mode,
    olderThanDays: input.olderThanDays,
    ...(input.byteBudget !== undefined ? { byteBudget: input.byteBudget } : {}),
    resume: input.resume,
    graceMs: footage.strayGraceMs,
  };
  const plan = planFixity(opts);
  const report = await d.jobs.run('footage.verify', { items: plan.objects.length, bytes: plan.bytes }, input.jobId, (job) =>
    runFixity({ ...opts, signal: job.signal, progress: job }, plan),
  );
  return { ...report, by: actorOf(user).name };
}

/** The last fixity audit and who ran it, or none. */
export function lastFixityAudit(archive: Archive): OpOutput<'footage.lastAudit'> {
  const fixity = new FixityRepo(archive.db);
  const last = fixity.lastRun();
  if (!last) return { last: null };
  // Who ran it: the run's entry in the audit log (the run row keeps only the user id).
  const by = archive.audit.list({ limit: 1, targetType: 'fixity_run', targetId: String(last.id) })[0]?.actor ?? null;
  return { last: { ...fixityReport(fixity, last.id, null), by } };
}
