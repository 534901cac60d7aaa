import type { DossierView } from '../api/types-dossier.js';
import { AppError } from '../api/errors.js';
import type { DossierOpName } from '../api/contract-dossier.js';
import type { OpParsedInput } from '../api/contract.js';
import { exportDossier } from '../export/export-dossier.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import { caseNotFound } from '../cases/case-detail.js';
import { type HandlerDeps, userOf } from './deps.js';
import { sealedView } from '../dossier/dossier-view.js';
import type { HandlerMap } from './types.js';

type ExportInput = OpParsedInput<'dossier.export'>;

/** 导出: the sealed version asked for, exported by the use case in src/export/export-dossier.ts. */
export function dossierExportHandlers(deps: HandlerDeps): HandlerMap<Extract<DossierOpName, 'dossier.export'>> {
  return { 'dossier.export': async (input, ctx) => exportDossier(deps, userOf(ctx), exportedView(deps, input), input) };
}

/** The sealed version to export; an unsealed case is refused by its 案号. */
function exportedView(deps: HandlerDeps, input: ExportInput): DossierView {
  if ((input.caseId === undefined) === (input.dossierId === undefined))
    throw new AppError('invalid_input', 'dossier.export: give either caseId or dossierId', 'dossier.export：须指定案件（caseId）或案卷（dossierId）之一', {
      item: 'caseId',
    });
  if (input.dossierId !== undefined) return sealedView(deps.archive, input.dossierId, input.versionNo);
  if (input.versionNo !== undefined)
    throw new AppError('invalid_input', 'dossier.export: versionNo goes with dossierId', 'dossier.export：版本号（versionNo）须与案卷（dossierId）一起指定', {
      item: 'versionNo',
    });
  const c = new CaseRepo(deps.archive.db).row(input.caseId!);
  if (!c) throw caseNotFound(input.caseId!);
  const dossierId = new DossierRepo(deps.archive.db).sealedDossierOfCase(c.id);
  if (dossierId === undefined)
    throw new AppError(
      'invalid_input',
      `case ${c.caseNo} is not sealed: seal (归档) its dossier first; only sealed dossiers are exported`,
      `案件 ${c.caseNo} 尚未归档，请先归档；只有已归档的案卷才能导出`,
      { item: c.caseNo },
    );
  const view = sealedView(deps.archive, dossierId);
  return { ...view, caseId: view.caseId ?? c.id, caseNo: view.caseNo ?? c.caseNo };
}
