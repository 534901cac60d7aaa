import { AppError } from '../api/errors.js';
import type { BatchResult, BatchSkip } from '../api/types-dossier.js';
import type { UserInfo } from '../api/types.js';
import { PROCEDURE_LABELS } from '../domain/case.js';
import { batchTitle, bindBatch, planBatches } from '../binding/batch.js';
import { orderCase, sealBlockers } from '../binding/bind.js';
import type { CaseBindInput } from '../binding/types.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import { change } from '../archive/audited-change.js';
import type { Archive } from '../archive/archive.js';
import type { EventBus } from '../jobs/event-bus.js';
import { appendLedger, ledgerFile } from './seal-ledger.js';
import { archiveCodeSettings, bindProfile, caseInput, type DossierOptions, parseManualOrder, today } from './bind-input.js';
import { alreadySealed, sealInTx } from './seal-version.js';

/**
 * `dossier.batch`: gathers the ready 简易 cases closed in a period into volumes of at most the
 * profile's limit (多案一卷) and previews them, or seals each volume as one dossier with one 归档号 —
 * each in its own transaction, so a failure leaves earlier volumes sealed and later ones untouched.
 * A case is ready when it is not sealed yet and has no error and no unacknowledged warning.
 */
export interface BatchInput {
  from: string;
  to: string;
  seal: boolean;
  profileId?: string | undefined;
  checker?: string | null | undefined;
  fondsNo?: string | undefined;
  catalogNo?: string | undefined;
}

export function runBatch(archive: Archive, bus: EventBus, opts: DossierOptions, user: UserInfo, input: BatchInput): BatchResult {
  const profile = bindProfile(archive, opts, input.profileId);
  const b = profile.binding;
  if (!b.batching.allowed) {
    throw new AppError(
      'invalid_input',
      `the filing profile ${profile.id} does not allow 简易程序 batching`,
      `立卷规范“${profile.name}”不允许简易程序多案合并立卷`,
      { item: profile.id },
    );
  }
  if (input.from > input.to)
    throw new AppError('invalid_input', `from ${input.from} is after to ${input.to}`, `起始日期 ${input.from} 晚于截止日期 ${input.to}`, { item: 'from' });
  const repo = new DossierRepo(archive.db);
  const day = today(archive);
  const ready: CaseBindInput[] = [];
  const warningText = new Map<string, string>();
  const skipped: BatchSkip[] = [];
  const candidates = b.batching.procedures.flatMap((p) => new CaseRepo(archive.db).list({ procedure: p }));
  for (const c of candidates.filter((x) => x.closedOn >= input.from && x.closedOn.slice(0, 10) <= input.to)) {
    if (repo.sealedDossierOfCase(c.id) !== undefined) {
      skipped.push({ caseId: c.id, caseNo: c.caseNo, reason: 'already sealed', reasonZh: '已归档' });
      continue;
    }
    const own = repo.byCase(c.id);
    const draft = own ? repo.latest(own.id) : undefined;
    const ci = caseInput(archive, opts, c.id, parseManualOrder(draft?.manualOrder), draft ? repo.acks(draft.id) : []);
    const found = orderCase(profile, ci, day).issues;
    for (const i of found) warningText.set(`${c.id}|${i.key}`, i.messageZh);
    const blockers = sealBlockers({ issues: found });
    if (blockers.length > 0) {
      const f = blockers[0]!;
      skipped.push({
        caseId: c.id,
        caseNo: c.caseNo,
        reason: `${blockers.length} problem(s): ${f.message}`,
        reasonZh: `${blockers.length} 个问题：${f.messageZh}（${PROCEDURE_LABELS[c.procedure]}）`,
      });
      continue;
    }
    ready.push(ci);
  }

  const chunks = planBatches(profile, ready, day);
  const perYear = new Map<string, number>();
  const result: BatchResult = {
    from: input.from,
    to: input.to,
    profile: { id: profile.id, name: profile.name, version: profile.version },
    sealed: input.seal,
    volumes: [],
    skipped,
  };
  const codes = archiveCodeSettings(archive, profile, input);
  for (const chunk of chunks) {
    const year = chunk[0]!.case.dates.closed.slice(0, 4);
    const n = (perYear.get(year) ?? repo.batchCount(year)) + 1;
    perYear.set(year, n);
    const title = batchTitle(profile, year, n);
    const caseIds = chunk.map((c) => c.case.id);
    const caseNos = chunk.map((c) => c.case.caseNo);
    if (!input.seal) {
      const bound = bindBatch(
        profile,
        chunk,
        { preparer: user.displayName, today: day, checker: input.checker ?? null, archiveNo: null, archiveCode: null },
        title,
      );
      result.volumes.push({ title, caseIds, caseNos, pageCount: bound.totals.pages, dossierId: null, archiveNo: null, bound });
      continue;
    }
    const subject = `batch:${caseNos[0]}…${caseNos[caseNos.length - 1]}(${caseNos.length})`;
    const sealed = change(archive, user, () => {
      const now = archive.clock.now().toISOString();
      for (const c of chunk) if (repo.sealedDossierOfCase(c.case.id) !== undefined) throw alreadySealed(c.case.caseNo);
      const dossierId = repo.insert({ scope: 'batch', caseId: null, batchKey: `${year}:${n}`, title, by: user.id, now });
      const versionId = repo.insertVersion({ dossierId, versionNo: 1, supersedesId: null, reason: null, manualOrder: null, by: user.id, now });
      for (const c of chunk) {
        for (const a of c.acknowledgements)
          repo.putAck(versionId, {
            caseId: c.case.id,
            key: a.key,
            text: warningText.get(`${c.case.id}|${a.key}`) ?? a.key,
            reason: a.reason,
            byUser: user.id,
            byName: a.by,
            at: a.at,
          });
      }
      const s = sealInTx(archive, user, {
        dossierId,
        versionId,
        subject,
        label: title,
        caseIds,
        datesFrom: { dates: { closed: chunk[chunk.length - 1]!.case.dates.closed } },
        profile,
        checker: input.checker ?? null,
        codes,
        bind: (ctx) => bindBatch(profile, chunk, ctx, title),
      });
      return {
        value: { dossierId, ...s },
        audit: [
          {
            action: 'dossier.seal',
            targetType: 'dossier',
            targetId: dossierId,
            after: { archiveNo: s.archiveNo, archiveCode: s.archiveCode, versionNo: 1, boundSha256: s.sha256 },
            detail: { batch: title, archiveNo: s.archiveNo, cases: caseNos, pages: s.bound.totals.pages },
          },
        ],
      };
    });
    if (sealed.ledger) appendLedger(ledgerFile(archive.layout), [sealed.ledger]);
    for (const id of caseIds) bus.emit({ type: 'case.changed', caseId: id });
    result.volumes.push({
      title,
      caseIds,
      caseNos,
      pageCount: sealed.bound.totals.pages,
      dossierId: sealed.dossierId,
      archiveNo: sealed.archiveNo,
      bound: sealed.bound,
    });
  }
  return result;
}
