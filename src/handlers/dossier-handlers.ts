import type { DossierOpName } from '../api/contract-dossier.js';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import { profileOrder } from '../binding/order.js';
import { applyManualOrder } from '../binding/manual-order.js';
import { DossierRepo, type VersionRow } from '../storage/repos/dossier-repo.js';
import { change } from '../archive/audited-change.js';
import { type HandlerDeps, nowIso, userOf } from './deps.js';
import { runBatch } from '../dossier/batch-seal.js';
import { dossierExportHandlers } from './dossier-export.js';
import { appendLedger, ledgerFile } from '../dossier/seal-ledger.js';
import { bindCaseRecord, bindProfile, caseInput, parseManualOrder } from '../dossier/bind-input.js';
import { caseSealJob, dossierSealJob } from '../dossier/seal-jobs.js';
import { alreadySealed, sealInTx } from '../dossier/seal-dossier.js';
import { caseView, dossierNotFound, liveCaseView, sealedView } from '../dossier/dossier-view.js';
import { checkProfile, listProfileSummaries } from '../dossier/profile-summaries.js';
import type { HandlerMap } from './types.js';

export type { DossierOptions } from '../dossier/bind-input.js';

/**
 * 立卷/归档: preview (bind live), reorder and acknowledge (recorded on the case's draft version),
 * seal, correct, 简易 batching, and the filing profiles. Every write is one transaction with its audit
 * entry; sealing also appends the 归档号 ledger after the commit.
 */
export function dossierHandlers(deps: HandlerDeps): HandlerMap<DossierOpName> {
  const opts = deps.dossier;
  const repo = new DossierRepo(deps.archive.db);

  /** The case's draft version, created when the first thing is recorded; refuses a sealed case. */
  const draftOf = (caseId: number, user: UserInfo): VersionRow => {
    const c = bindCaseRecord(deps.archive, caseId);
    if (repo.sealedDossierOfCase(caseId) !== undefined) throw alreadySealed(c.caseNo);
    const now = nowIso(deps);
    const dossierId = repo.byCase(caseId)?.id ?? repo.insert({ scope: 'case', caseId, batchKey: null, title: c.title, by: user.id, now });
    const latest = repo.latest(dossierId);
    if (latest?.status === 'draft') return latest;
    const id = repo.insertVersion({ dossierId, versionNo: 1, supersedesId: null, reason: null, manualOrder: null, by: user.id, now });
    return repo.version(id)!;
  };

  return {
    'dossier.preview': async ({ caseId, profileId }, ctx) => caseView(deps.archive, opts, caseId, profileId, ctx.user),

    'dossier.get': async (key, ctx) => {
      if ('caseId' in key) return caseView(deps.archive, opts, key.caseId, undefined, ctx.user);
      const d = repo.byId(key.dossierId);
      if (!d) throw dossierNotFound(key.dossierId);
      const latest = repo.latest(d.id);
      if (key.versionNo === undefined && latest?.status === 'draft' && d.caseId !== null)
        return liveCaseView(deps.archive, opts, d.caseId, undefined, ctx.user);
      return sealedView(deps.archive, d.id, key.versionNo);
    },

    'dossier.reorder': async ({ caseId, order, reasons }, ctx) => {
      const user = userOf(ctx);
      change(deps.archive, user, () => {
        const v = draftOf(caseId, user);
        const profile = bindProfile(deps.archive, opts, v.profileId);
        const input = caseInput(deps.archive, opts, caseId, null, []);
        const po = profileOrder(profile, input.case.procedure, caseId, input.documents).ordered;
        if (order === null) {
          repo.setManualOrder(v.id, null);
          repo.replaceDeviations(v.id, [], user.id, nowIso(deps));
          return { value: null, audit: [{ action: 'dossier.reorder', targetType: 'case', targetId: caseId, after: null, detail: { reset: true } }] };
        }
        const ids = new Set(input.documents.map((d) => d.id));
        const unknown = order.filter((id) => !ids.has(id));
        const left = [...ids].filter((id) => !order.includes(id));
        if (unknown.length || left.length) {
          throw new AppError(
            'invalid_input',
            `the order must list each document of the case once${unknown.length ? `; not in this case: ${unknown.join(', ')}` : ''}${left.length ? `; missing: ${left.join(', ')}` : ''}`,
            `排列顺序必须恰好列出本案每份文书一次${unknown.length ? `；不属于本案：${unknown.join('、')}` : ''}${left.length ? `；缺少：${left.join('、')}` : ''}`,
            { item: 'order' },
          );
        }
        const prior = parseManualOrder(v.manualOrder)?.reasons ?? {};
        const all = { ...prior, ...reasons };
        const { deviations } = applyManualOrder(caseId, po, { order, reasons: all });
        const unexplained = deviations.filter((d) => !d.reason);
        if (unexplained.length) {
          throw new AppError(
            'invalid_input',
            `each document moved from the profile order needs a reason: ${unexplained.map((d) => `${d.documentId} "${d.title}"`).join(', ')}`,
            `调整顺序的每份文书都必须说明原因：${unexplained.map((d) => `《${d.title}》`).join('、')}`,
            { item: 'reasons', details: unexplained },
          );
        }
        const kept = Object.fromEntries(deviations.map((d) => [String(d.documentId), d.reason!]));
        repo.setManualOrder(v.id, JSON.stringify({ order, reasons: kept }));
        repo.replaceDeviations(v.id, deviations, user.id, nowIso(deps));
        return {
          value: null,
          audit: [
            {
              action: 'dossier.reorder',
              targetType: 'case',
              targetId: caseId,
              after: { order, reasons: kept },
              detail: { moved: deviations.map((d) => ({ documentId: d.documentId, from: d.profilePosition, to: d.actualPosition, reason: d.reason })) },
            },
          ],
        };
      });
      deps.bus.emit({ type: 'case.changed', caseId });
      return liveCaseView(deps.archive, opts, caseId, undefined, user);
    },

    'dossier.acknowledge': async ({ caseId, warning, reason }, ctx) => {
      const user = userOf(ctx);
      const current = liveCaseView(deps.archive, opts, caseId, undefined, user);
      const issue = current.bound.issues.find((i) => i.key === warning);
      if (!issue || issue.severity !== 'warning') {
        const why = issue?.severity === 'error' ? 'it is an error: fix it, errors cannot be acknowledged' : 'no such warning on this case';
        const whyZh = issue?.severity === 'error' ? '这是错误，必须更正，不能以说明代替' : '本案没有该警告';
        throw new AppError(issue ? 'invalid_input' : 'not_found', `warning ${warning}: ${why}`, `警告 ${warning}：${whyZh}`, { item: warning });
      }
      change(deps.archive, user, () => {
        const v = draftOf(caseId, user);
        repo.putAck(v.id, { caseId, key: warning, text: issue.messageZh, reason, byUser: user.id, byName: user.displayName, at: nowIso(deps) });
        return {
          value: null,
          audit: [
            {
              action: 'dossier.acknowledge',
              targetType: 'case',
              targetId: caseId,
              after: { warning, reason },
              detail: { warning, text: issue.messageZh, reason },
            },
          ],
        };
      });
      deps.bus.emit({ type: 'case.changed', caseId });
      return liveCaseView(deps.archive, opts, caseId, undefined, user);
    },

    'dossier.seal': async (input, ctx) => {
      const user = userOf(ctx);
      const sealed = change(deps.archive, user, () => {
        const job =
          'caseId' in input ? caseSealJob(deps.archive, opts, user, input.caseId, input, draftOf) : dossierSealJob(deps.archive, opts, input.dossierId, input);
        const s = sealInTx(deps.archive, user, job);
        const v = repo.version(job.versionId)!;
        return {
          value: { dossierId: job.dossierId, caseIds: job.caseIds, ledger: s.ledger },
          audit: [
            {
              action: 'dossier.seal',
              targetType: 'dossier',
              targetId: job.dossierId,
              after: { archiveNo: s.archiveNo, archiveCode: s.archiveCode, versionNo: v.versionNo, boundSha256: s.sha256 },
              detail: {
                subject: job.subject,
                archiveNo: s.archiveNo,
                versionNo: v.versionNo,
                volumes: s.bound.totals.volumes,
                pages: s.bound.totals.pages,
                acknowledged: s.bound.issues.filter((i) => i.acknowledged).length,
                deviations: s.bound.deviations.length,
              },
            },
          ],
        };
      });
      if (sealed.ledger) appendLedger(ledgerFile(deps.archive.layout), [sealed.ledger]);
      for (const id of sealed.caseIds) deps.bus.emit({ type: 'case.changed', caseId: id });
      return sealedView(deps.archive, sealed.dossierId);
    },

    'dossier.sealedSummaries': async () => repo.sealedSummaries(),

    'dossier.correct': async ({ dossierId, reason }, ctx) => {
      const user = userOf(ctx);
      const d = repo.byId(dossierId);
      if (!d) throw dossierNotFound(dossierId);
      const caseIds = change(deps.archive, user, () => {
        const latest = repo.latest(dossierId);
        if (!latest || latest.status !== 'sealed') {
          throw new AppError(
            'invalid_input',
            `dossier ${dossierId} is not sealed (or already has an open correction)`,
            `案卷 ${dossierId} 未归档，或已有未完成的更正`,
            { item: String(dossierId) },
          );
        }
        const now = nowIso(deps);
        const id = repo.insertVersion({
          dossierId,
          versionNo: latest.versionNo + 1,
          supersedesId: latest.id,
          reason,
          manualOrder: latest.manualOrder,
          by: user.id,
          now,
        });
        const members = repo.caseIds(latest.id);
        repo.setCases(id, members);
        for (const a of repo.acks(latest.id))
          repo.putAck(id, { caseId: a.caseId, key: a.key, text: a.text, reason: a.reason, byUser: user.id, byName: a.by, at: a.at });
        return {
          value: members,
          audit: [
            {
              action: 'dossier.correct',
              targetType: 'dossier',
              targetId: dossierId,
              before: { versionNo: latest.versionNo, archiveNo: latest.archiveNo },
              after: { versionNo: latest.versionNo + 1 },
              detail: { reason, supersedes: latest.versionNo },
            },
          ],
        };
      });
      for (const id of caseIds) deps.bus.emit({ type: 'case.changed', caseId: id });
      if (d.caseId !== null) return liveCaseView(deps.archive, opts, d.caseId, undefined, user);
      return sealedView(deps.archive, dossierId);
    },

    'dossier.batch': async (input, ctx) => runBatch(deps.archive, deps.bus, opts, userOf(ctx), input),

    'profile.list': async () => listProfileSummaries(deps.archive, opts),

    'profile.check': async ({ path }) => checkProfile(deps.archive, path),

    ...dossierExportHandlers(deps),
  };
}
