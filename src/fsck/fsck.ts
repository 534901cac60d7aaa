import type { FsckInput } from '../api/contract-fsck.js';
import type { FsckCheck, FsckFinding, FsckReport } from '../api/types-fsck.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import type { AuditRecord } from '../audit/audit-log.js';
import type { Job } from '../jobs/jobs.js';
import { checkCatalogue, checkTriggers } from './check-catalogue.js';
import { checkLeftovers, checkRuns } from './check-leftovers.js';
import { checkObjects } from './check-objects.js';
import { FindingSink } from './findings.js';
import { FixityRepo } from '../storage/repos/footage-fixity-repo.js';

/**
 * `juanzong fsck`: one pass over everything that keeps an archive whole — SQLite's integrity and
 * foreign-key checks, the append-only triggers, the audit chain and its anchor (the audit log's own
 * verify), objects against rows both ways with their digests, runs left `running` and the leftovers
 * of killed exports. It says what it found and what `repair` would do; with `repair` it does it in
 * one audited transaction (quarantine, mark interrupted, recreate triggers, remove our `.part`
 * folders) and never deletes evidence: a missing or damaged object or a broken chain is for a person.
 */
export async function fsckArchive(
  archive: Archive,
  user: UserInfo | null,
  input: Pick<FsckInput, 'repair' | 'quick' | 'graceSeconds'>,
  job?: Job,
): Promise<FsckReport> {
  const t0 = Date.now();
  const sink = new FindingSink();
  const checked: Record<FsckCheck, number> = { catalogue: 0, triggers: 0, audit: 0, objects: 0, runs: 0, leftovers: 0 };

  checked.catalogue = checkCatalogue(archive, sink);
  const triggers = checkTriggers(archive, sink);
  checked.triggers = triggers.checked;
  const audit = archive.audit.verify();
  checked.audit = audit.checked;
  if (!audit.ok && audit.firstBroken)
    sink.add({
      check: 'audit',
      kind: 'audit.broken',
      item: `audit #${audit.firstBroken.seq}`,
      message: `audit log: ${audit.firstBroken.reason}`,
      messageZh: `审计日志：${audit.firstBroken.reasonZh}`,
      repair: null,
      repairZh: null,
    });
  const objects = await checkObjects(archive, sink, { quick: input.quick, graceMs: input.graceSeconds * 1000, ...(job ? { job } : {}) });
  checked.objects = objects.checked;
  const runs = checkRuns(archive, sink);
  checked.runs = runs.checked;
  const leftovers = await checkLeftovers(archive, sink);
  checked.leftovers = leftovers.checked;

  if (input.repair && sink.list.some((f) => f.repair !== null)) {
    const recordQuarantine = await objects.repair();
    const removed = await leftovers.repair();
    change(archive, user, () => {
      const recreated = triggers.repair();
      for (const f of sink.list) if (f.check === 'triggers') f.repaired = true;
      const entries: AuditRecord[] = [...recordQuarantine(), ...runs.repair()];
      entries.push({
        action: 'archive.fsck',
        targetType: 'archive',
        targetId: archive.meta.get('archive_id') ?? '',
        detail: { repaired: summary(sink.list.filter((f) => f.repaired)), open: summary(sink.list.filter((f) => !f.repaired)), recreated, removed },
      });
      return { value: null, audit: entries };
    });
    // The audit log's verify also refuses a catalogue without its triggers: recreated, it may pass now.
    const auditFinding = sink.list.find((f) => f.kind === 'audit.broken');
    if (auditFinding && archive.audit.verify().ok) auditFinding.repaired = true;
  }
  return {
    ok: sink.list.every((f) => f.repaired),
    repair: input.repair,
    checked,
    findings: sink.list,
    recoveredOnOpen: [...archive.recovered],
    seconds: Math.round((Date.now() - t0) / 100) / 10,
  };
}

/** The job totals of a check: one item per stored object, its bytes (all re-read unless `quick`). */
export function fsckTotals(archive: Archive, quick: boolean): { items: number; bytes: number } {
  const rows = new FixityRepo(archive.db).objects({});
  return { items: rows.length, bytes: quick ? 0 : rows.reduce((n, r) => n + r.size, 0) };
}

function summary(list: FsckFinding[]): { kind: string; item: string }[] {
  return list.slice(0, 200).map((f) => ({ kind: f.kind, item: f.item }));
}
