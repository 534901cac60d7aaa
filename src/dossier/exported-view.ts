import type { OpParsedInput } from '../api/contract.js';
import { AppError } from '../api/errors.js';
import type { DossierView } from '../api/types-dossier.js';
import type { Archive } from '../archive/archive.js';
import { caseNotFound } from '../cases/case-detail.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import { sealedView } from './dossier-view.js';

/** The sealed version an export asks for (by dossier and version, or a case's latest); an unsealed case is refused by its 案号. */
export function exportedView(archive: Archive, input: OpParsedInput<'dossier.export'>): DossierView {
  if ((input.caseId === undefined) === (input.dossierId === undefined))
    throw new AppError('invalid_input', 'dossier.export: give either caseId or dossierId', 'dossier.export：须指定案件（caseId）或案卷（dossierId）之一', {
      item: 'caseId',
    });
  if (input.dossierId !== undefined) return sealedView(archive, input.dossierId, input.versionNo);
  if (input.versionNo !== undefined)
    throw new AppError('invalid_input', 'dossier.export: versionNo goes with dossierId', 'dossier.export：版本号（versionNo）须与案卷（dossierId）一起指定', {
      item: 'versionNo',
    });
  const c = new CaseRepo(archive.db).row(input.caseId!);
  if (!c) throw caseNotFound(input.caseId!);
  const dossierId = new DossierRepo(archive.db).sealedDossierOfCase(c.id);
  if (dossierId === undefined)
    throw new AppError(
      'invalid_input',
      `case ${c.caseNo} is not sealed: seal (归档) its dossier first; only sealed dossiers are exported`,
      `案件 ${c.caseNo} 尚未归档，请先归档；只有已归档的案卷才能导出`,
      { item: c.caseNo },
    );
  const view = sealedView(archive, dossierId);
  return { ...view, caseId: view.caseId ?? c.id, caseNo: view.caseNo ?? c.caseNo };
}
