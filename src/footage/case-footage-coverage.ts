import type { OpOutput } from '../api/contract.js';
import type { Archive } from '../archive/archive.js';
import { caseNotFound } from '../cases/case-detail.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { FootageLinkRepo } from '../storage/repos/footage-link-repo.js';
import { caseCoverage } from './coverage.js';
import type { FootageProfile } from './footage-profile.js';

/** Which of the checklist's activities a case has footage or documents for. */
export function caseFootageCoverage(archive: Archive, checklist: FootageProfile, caseId: number): OpOutput<'footage.coverage'> {
  const c = new CaseRepo(archive.db).row(caseId);
  if (!c) throw caseNotFound(caseId);
  const links = new FootageLinkRepo(archive.db);
  return caseCoverage({
    caseId,
    caseNo: c.caseNo,
    checklist,
    documentKinds: links.caseDocumentKinds(caseId),
    clipsByActivity: links.caseActivityCounts(caseId),
  });
}
