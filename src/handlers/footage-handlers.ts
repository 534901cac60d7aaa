import path from 'node:path';
import type { FootageOpName } from '../api/contract-footage.js';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import { clipDetail, clipSummary, type ViewContext } from '../footage/clip-view.js';
import { caseCoverage } from '../footage/coverage.js';
import { deviceList, registerDevice } from '../footage/device-register.js';
import { decideDisposal, disposalList, requestDisposal } from '../footage/disposal.js';
import { fixityReport, planFixity, runFixity } from '../footage/fixity.js';
import { findActivity } from '../footage/footage-profile.js';
import { recoverInflight } from '../footage/inflight.js';
import { type Tx, txFor } from '../archive/audited-change.js';
import { runIngest } from '../footage/ingest-run.js';
import { parseDateTime, zoned } from '../footage/local-time.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { FixityRepo } from '../storage/repos/footage-fixity-repo.js';
import { FootageLinkRepo } from '../storage/repos/footage-link-repo.js';
import { FootageRepo } from '../storage/repos/footage-repo.js';
import { caseNotFound } from '../cases/case-detail.js';
import { assertCaseOpen } from '../dossier/sealed-guard.js';
import { actorOf, type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

export function footageHandlers(deps: HandlerDeps): HandlerMap<FootageOpName> {
  const { archive, footage } = deps;
  const db = archive.db;
  const clips = new FootageRepo(db);
  const links = new FootageLinkRepo(db);
  const cases = new CaseRepo(db);
  const fixity = new FixityRepo(db);

  const tx = (user: UserInfo | null): Tx => txFor(archive, user);
  const now = () => archive.clock.now().toISOString();
  const view = (): ViewContext => ({ db, checklist: footage.checklist, today: zoned(archive.clock.now(), footage.timezone()).local.slice(0, 10) });
  const clipOr404 = (id: number) => {
    const c = clips.byId(id);
    if (!c) throw new AppError('not_found', `clip ${id} not found`, `音像资料 ${id} 不存在`, { item: String(id) });
    return c;
  };
  const caseIdOf = (i: { caseId?: number | undefined; caseNo?: string | undefined }): number | null => {
    if (i.caseId !== undefined) {
      if (!cases.row(i.caseId)) throw caseNotFound(i.caseId);
      return i.caseId;
    }
    if (i.caseNo === undefined) return null;
    const id = cases.idByCaseNo(i.caseNo);
    if (id === undefined) throw caseNotFound(i.caseNo);
    return id;
  };
  const officerOf = (certNo: string | undefined) => {
    if (certNo === undefined) return null;
    const o = links.officerByCertNo(certNo);
    if (!o) throw new AppError('not_found', `no officer with 执法证号 ${certNo}`, `执法证号 ${certNo} 对应的执法人员不存在`, { item: certNo });
    return o;
  };
  /** An activity by code or name becomes its name in the checklist; other names are kept as typed. */
  const activityOf = (a: string | undefined): string | null => (a === undefined ? null : (findActivity(footage.checklist, a)?.name ?? a));
  const timeOf = (s: string, what: string, endOfDay: boolean): string => {
    const d = parseDateTime(s, footage.timezone());
    if (!d) throw new AppError('invalid_input', `${what}: ${s} is not a date`, `${what}：${s} 不是有效日期`, { item: what });
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s.trim());
    return zoned(endOfDay && dateOnly ? new Date(d.getTime() + 86_400_000) : d, 'UTC').utc;
  };

  return {
    'footage.ingest': async (input, ctx) => {
      const user = userOf(ctx);
      // The caller's working folder is not the core's (a browser tab, the Electron renderer): only a full path is unambiguous.
      if (!path.isAbsolute(input.source))
        throw new AppError(
          'invalid_input',
          `source: ${input.source} is not an absolute folder path`,
          `来源文件夹：${input.source} 不是完整（绝对）的文件夹路径`,
          {
            item: 'source',
          },
        );
      const caseId = caseIdOf(input);
      if (caseId !== null) assertCaseOpen(deps.archive, caseId, input.caseNo);
      const officer = officerOf(input.certNo);
      const report = await runIngest(
        { archive, footage, jobs: deps.jobs, tx: tx(user), systemTx: tx(null), userId: user.id, now },
        {
          source: input.source,
          caseId,
          officerId: officer?.id ?? null,
          certNo: input.certNo ?? null,
          activity: activityOf(input.activity),
          jobId: input.jobId,
        },
      );
      if (input.derive === 'background') footage.derive.enqueue(report.clipIds);
      if (caseId !== null) deps.bus.emit({ type: 'case.changed', caseId });
      return report;
    },

    'footage.list': async (q) => {
      const caseId = caseIdOf(q);
      const r = clips.list(
        {
          ...(caseId !== null ? { caseId } : {}),
          ...(q.certNo !== undefined ? { officerCertNo: q.certNo } : {}),
          ...(q.deviceSerial !== undefined ? { deviceSerial: q.deviceSerial } : {}),
          ...(q.from !== undefined ? { fromUtc: timeOf(q.from, 'from', false) } : {}),
          ...(q.to !== undefined ? { toUtc: timeOf(q.to, 'to', true) } : {}),
          ...(q.activity !== undefined ? { activity: activityOf(q.activity)! } : {}),
          ...(q.unlinked ? { unlinked: true } : {}),
          ...(q.kind !== undefined ? { kind: q.kind } : {}),
        },
        q.limit,
        q.offset,
      );
      const v = view();
      return { total: r.total, items: r.rows.map((c) => clipSummary(v, c)) };
    },

    'footage.get': async ({ id }) => clipDetail(view(), clipOr404(id)),

    'footage.link': async (input, ctx) => {
      const user = userOf(ctx);
      const caseId = caseIdOf(input);
      // A sealed dossier holds the clips its case had when sealed (triggers of 0004 enforce it too).
      if (caseId !== null) assertCaseOpen(deps.archive, caseId, input.caseNo);
      const officer = officerOf(input.certNo);
      const activity = activityOf(input.activity);
      for (const id of input.clipIds) clipOr404(id);
      tx(user)(() => {
        const t = now();
        // One audit entry per clip, so each clip's history (and an export's metadata.xml) finds it by its id.
        const audit = input.clipIds.map((clipId) => {
          const made: number[] = [];
          const add = (c: number | null, o: number | null, a: string | null) => {
            const id = links.link({ clipId, caseId: c, officerId: o, activity: a, by: user.id, now: t });
            if (id !== null) made.push(id);
          };
          if (caseId !== null) add(caseId, null, activity);
          else if (activity !== null) add(null, null, activity);
          if (officer) add(null, officer.id, null);
          return {
            action: 'footage.link',
            targetType: 'clip',
            targetId: clipId,
            after: { caseId, certNo: input.certNo ?? null, activity },
            detail: { links: made, clips: input.clipIds },
          };
        });
        return { value: null, audit };
      });
      if (caseId !== null) deps.bus.emit({ type: 'case.changed', caseId });
      const v = view();
      return input.clipIds.map((id) => clipSummary(v, clipOr404(id)));
    },

    'footage.unlink': async ({ linkId, reason }, ctx) => {
      const user = userOf(ctx);
      const l = links.byId(linkId);
      if (!l || l.removedAt !== null)
        throw new AppError('not_found', `link ${linkId} not found (or already removed)`, `关联 ${linkId} 不存在（或已解除）`, { item: String(linkId) });
      if (l.caseId !== null) assertCaseOpen(deps.archive, l.caseId, l.caseNo ?? undefined);
      tx(user)(() => {
        links.close(linkId, user.id, reason, now());
        return {
          value: null,
          audit: [
            {
              action: 'footage.unlink',
              targetType: 'clip',
              targetId: l.clipId,
              before: { linkId, caseNo: l.caseNo, certNo: l.officerCertNo, activity: l.activity },
              detail: { reason },
            },
          ],
        };
      });
      if (l.caseId !== null) deps.bus.emit({ type: 'case.changed', caseId: l.caseId });
      return clipSummary(view(), clipOr404(l.clipId));
    },

    'footage.verify': async (input, ctx) => {
      const user = userOf(ctx);
      await recoverInflight(archive, tx(null));
      const opts = {
        archive,
        files: footage.files,
        pool: footage.pool,
        tx: tx(user),
        userId: user.id,
        mode: input.mode,
        olderThanDays: input.olderThanDays,
        ...(input.byteBudget !== undefined ? { byteBudget: input.byteBudget } : {}),
        resume: input.resume,
        graceMs: footage.strayGraceMs,
      };
      const plan = planFixity(opts);
      const report = await deps.jobs.run('footage.verify', { items: plan.objects.length, bytes: plan.bytes }, input.jobId, (job) =>
        runFixity({ ...opts, signal: job.signal, progress: job }, plan),
      );
      return { ...report, by: actorOf(user).name };
    },

    'footage.lastAudit': async () => {
      const last = fixity.lastRun();
      if (!last) return { last: null };
      // Who ran it: the run's entry in the audit log (the run row keeps only the user id).
      const by = archive.audit.list({ limit: 1, targetType: 'fixity_run', targetId: String(last.id) })[0]?.actor ?? null;
      return { last: { ...fixityReport(fixity, last.id, null), by } };
    },

    'footage.retentionDue': async ({ asOf }) => {
      const v = view();
      const today = asOf ?? v.today;
      const { rows } = clips.list({ unlinked: true }, 100_000, 0);
      return rows.map((c) => clipSummary({ ...v, today }, c)).filter((c) => c.retention.due);
    },

    'footage.coverage': async ({ caseId }) => {
      const c = cases.row(caseId);
      if (!c) throw caseNotFound(caseId);
      return caseCoverage({
        caseId,
        caseNo: c.caseNo,
        checklist: footage.checklist,
        documentKinds: links.caseDocumentKinds(caseId),
        clipsByActivity: links.caseActivityCounts(caseId),
      });
    },

    'footage.checklist': async () => footage.checklist,

    'footage.derive': async () => {
      footage.derive.enqueuePending();
      const r = await footage.derive.idle();
      return { ...r, pending: clips.pendingDerived().length };
    },

    'footage.requestDisposal': async ({ clipId, reason }, ctx) => {
      const user = userOf(ctx);
      return requestDisposal(archive, tx(user), clipId, reason, user.id, footage.checklist.retention, view().today);
    },

    'footage.decideDisposal': async ({ disposalId, approve, note }, ctx) => {
      const user = userOf(ctx);
      return decideDisposal(archive, tx(user), disposalId, approve, note ?? null, user.id, footage.checklist.retention, view().today);
    },

    'footage.disposals': async ({ clipId }, ctx) => disposalList(archive, userOf(ctx).id, clipId),

    'device.register': async (input, ctx) => {
      const user = userOf(ctx);
      return registerDevice(db, tx(user), input, user.id, footage.timezone(), now());
    },

    'device.list': async () => deviceList(db),
  };
}
