import type { DossierView } from '../api/types-dossier.js';
import type { DossierExportResult } from '../api/types-export.js';
import type { FournessReport } from '../api/types-fourness.js';
import type { UserInfo } from '../api/types.js';
import { type ExportDeps, type ExportRequest, exportDossier } from '../export/export-dossier.js';
import { packageReportHook } from './package-report.js';
import { recordFourness } from './results.js';

/**
 * 导出 with the 移交接收环节 四性检测: the 移交包 is checked before its tag manifest is written and
 * carries the report; the result (pass or fail, with the failing rows) is recorded on the dossier
 * and returned with the package, so the 导出 dialog and the 卷宗 page show it.
 */
export async function exportWithReport(deps: ExportDeps, user: UserInfo, view: DossierView, input: ExportRequest): Promise<DossierExportResult> {
  let report: FournessReport | null = null;
  const checkPackage = input.package ? packageReportHook({ archive: deps.archive, checkedBy: user.displayName, onReport: (r) => (report = r) }) : undefined;
  const result = await exportDossier({ ...deps, ...(checkPackage ? { checkPackage } : {}) }, user, view, input);
  const done = report as FournessReport | null;
  if (done && result.package)
    result.package.fourness = recordFourness(deps.archive, user, { type: 'dossier', id: result.dossierId }, done, result.package.folder);
  return result;
}
