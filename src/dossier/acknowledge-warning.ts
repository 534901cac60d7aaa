import type { OpParsedInput } from '../api/contract.js';
import { AppError } from '../api/errors.js';
import type { DossierView } from '../api/types-dossier.js';
import type { UserInfo } from '../api/types.js';
import { change } from '../archive/audited-change.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import type { DossierDeps } from './dossier-deps.js';
import { liveCaseView } from './dossier-view.js';
import { draftOf } from './draft-version.js';

/** 说明: acknowledges one of the case's binding warnings with a reason (errors cannot be acknowledged). */
export function acknowledgeWarning(d: DossierDeps, user: UserInfo, { caseId, warning, reason }: OpParsedInput<'dossier.acknowledge'>): DossierView {
  const { archive, dossier: opts } = d;
  const current = liveCaseView(archive, opts, caseId, undefined, user);
  const issue = current.bound.issues.find((i) => i.key === warning);
  if (!issue || issue.severity !== 'warning') {
    const why = issue?.severity === 'error' ? 'it is an error: fix it, errors cannot be acknowledged' : 'no such warning on this case';
    const whyZh = issue?.severity === 'error' ? '这是错误，必须更正，不能以说明代替' : '本案没有该警告';
    throw new AppError(issue ? 'invalid_input' : 'not_found', `warning ${warning}: ${why}`, `警告 ${warning}：${whyZh}`, { item: warning });
  }
  change(archive, user, () => {
    const v = draftOf(archive, caseId, user);
    new DossierRepo(archive.db).putAck(v.id, {
      caseId,
      key: warning,
      text: issue.messageZh,
      reason,
      byUser: user.id,
      byName: user.displayName,
      at: archive.clock.now().toISOString(),
    });
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
  d.bus.emit({ type: 'case.changed', caseId });
  return liveCaseView(archive, opts, caseId, undefined, user);
}
