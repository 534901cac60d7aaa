import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { DossierRepo, type VersionRow } from '../storage/repos/dossier-repo.js';
import { bindCaseRecord } from './bind-input.js';
import { alreadySealed } from './seal-version.js';

/** The case's draft version, created when the first thing is recorded; refuses a sealed case. Call inside a write transaction. */
export function draftOf(archive: Archive, caseId: number, user: UserInfo): VersionRow {
  const repo = new DossierRepo(archive.db);
  const c = bindCaseRecord(archive, caseId);
  if (repo.sealedDossierOfCase(caseId) !== undefined) throw alreadySealed(c.caseNo);
  const now = archive.clock.now().toISOString();
  const dossierId = repo.byCase(caseId)?.id ?? repo.insert({ scope: 'case', caseId, batchKey: null, title: c.title, by: user.id, now });
  const latest = repo.latest(dossierId);
  if (latest?.status === 'draft') return latest;
  const id = repo.insertVersion({ dossierId, versionNo: 1, supersedesId: null, reason: null, manualOrder: null, by: user.id, now });
  return repo.version(id)!;
}
