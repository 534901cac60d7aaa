import { AppError } from '../api/errors.js';
import type { DossierView } from '../api/types-dossier.js';
import type { UserInfo } from '../api/types.js';
import { change } from '../archive/audited-change.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import type { DossierDeps } from './dossier-deps.js';
import { dossierNotFound, liveCaseView, sealedView } from './dossier-view.js';

/**
 * 更正: opens a new draft version of a sealed dossier, with the reason; it keeps the cases, the manual
 * order and the acknowledgements of the version it supersedes, which stays sealed as it was.
 */
export function correctDossier(d: DossierDeps, user: UserInfo, dossierId: number, reason: string): DossierView {
  const { archive, dossier: opts } = d;
  const repo = new DossierRepo(archive.db);
  const dossier = repo.byId(dossierId);
  if (!dossier) throw dossierNotFound(dossierId);
  const caseIds = change(archive, user, () => {
    const latest = repo.latest(dossierId);
    if (!latest || latest.status !== 'sealed') {
      throw new AppError(
        'invalid_input',
        `dossier ${dossierId} is not sealed (or already has an open correction)`,
        `案卷 ${dossierId} 未归档，或已有未完成的更正`,
        {
          item: String(dossierId),
        },
      );
    }
    const now = archive.clock.now().toISOString();
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
  for (const id of caseIds) d.bus.emit({ type: 'case.changed', caseId: id });
  if (dossier.caseId !== null) return liveCaseView(archive, opts, dossier.caseId, undefined, user);
  return sealedView(archive, dossierId);
}
