import type { OpParsedInput } from '../api/contract.js';
import type { DossierView } from '../api/types-dossier.js';
import type { UserInfo } from '../api/types.js';
import { change } from '../archive/audited-change.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import type { DossierDeps } from './dossier-deps.js';
import { sealedView } from './dossier-view.js';
import { caseSealJob, dossierSealJob } from './seal-jobs.js';
import { appendLedger, ledgerFile } from './seal-ledger.js';
import { sealInTx } from './seal-version.js';

/**
 * 归档: seals a case's draft (or a corrected dossier) in one transaction with its audit entry, then
 * appends the 归档号 ledger after the commit.
 */
export function sealDossier(d: DossierDeps, user: UserInfo, input: OpParsedInput<'dossier.seal'>): DossierView {
  const { archive, dossier: opts } = d;
  const repo = new DossierRepo(archive.db);
  const sealed = change(archive, user, () => {
    const job = 'caseId' in input ? caseSealJob(archive, opts, user, input.caseId, input) : dossierSealJob(archive, opts, input.dossierId, input);
    const s = sealInTx(archive, user, job);
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
  if (sealed.ledger) appendLedger(ledgerFile(archive.layout), [sealed.ledger]);
  for (const id of sealed.caseIds) d.bus.emit({ type: 'case.changed', caseId: id });
  return sealedView(archive, sealed.dossierId);
}
