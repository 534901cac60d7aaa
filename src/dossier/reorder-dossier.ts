import type { OpParsedInput } from '../api/contract.js';
import { AppError } from '../api/errors.js';
import type { DossierView } from '../api/types-dossier.js';
import type { UserInfo } from '../api/types.js';
import { change } from '../archive/audited-change.js';
import { applyManualOrder } from '../binding/manual-order.js';
import { profileOrder } from '../binding/order.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import { bindProfile, caseInput, parseManualOrder } from './bind-input.js';
import type { DossierDeps } from './dossier-deps.js';
import { liveCaseView } from './dossier-view.js';
import { draftOf } from './draft-version.js';

/**
 * 调整顺序: records a manual document order on the case's draft (null: back to the profile order).
 * The order lists each document once; every document moved from the profile order needs a reason.
 */
export function reorderDossier(d: DossierDeps, user: UserInfo, { caseId, order, reasons }: OpParsedInput<'dossier.reorder'>): DossierView {
  const { archive, dossier: opts } = d;
  const repo = new DossierRepo(archive.db);
  change(archive, user, () => {
    const v = draftOf(archive, caseId, user);
    const profile = bindProfile(archive, opts, v.profileId);
    const input = caseInput(archive, opts, caseId, null, []);
    const po = profileOrder(profile, input.case.procedure, caseId, input.documents).ordered;
    if (order === null) {
      repo.setManualOrder(v.id, null);
      repo.replaceDeviations(v.id, [], user.id, archive.clock.now().toISOString());
      return { value: null, audit: [{ action: 'dossier.reorder', targetType: 'case', targetId: caseId, after: null, detail: { reset: true } }] };
    }
    const ids = new Set(input.documents.map((doc) => doc.id));
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
    const unexplained = deviations.filter((dev) => !dev.reason);
    if (unexplained.length) {
      throw new AppError(
        'invalid_input',
        `each document moved from the profile order needs a reason: ${unexplained.map((dev) => `${dev.documentId} "${dev.title}"`).join(', ')}`,
        `调整顺序的每份文书都必须说明原因：${unexplained.map((dev) => `《${dev.title}》`).join('、')}`,
        { item: 'reasons', details: unexplained },
      );
    }
    const kept = Object.fromEntries(deviations.map((dev) => [String(dev.documentId), dev.reason!]));
    repo.setManualOrder(v.id, JSON.stringify({ order, reasons: kept }));
    repo.replaceDeviations(v.id, deviations, user.id, archive.clock.now().toISOString());
    return {
      value: null,
      audit: [
        {
          action: 'dossier.reorder',
          targetType: 'case',
          targetId: caseId,
          after: { order, reasons: kept },
          detail: {
            moved: deviations.map((dev) => ({ documentId: dev.documentId, from: dev.profilePosition, to: dev.actualPosition, reason: dev.reason })),
          },
        },
      ],
    };
  });
  d.bus.emit({ type: 'case.changed', caseId });
  return liveCaseView(archive, opts, caseId, undefined, user);
}
