import { AppError } from '../api/errors.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import type { Archive } from '../archive/archive.js';

/**
 * For the case, document and footage use cases: refuse a change to a sealed case with a clear error before the
 * catalogue triggers would (they stay the guarantee; this is the message the user sees).
 */
export function assertCaseOpen(archive: Archive, caseId: number, label: string = String(caseId)): void {
  if (new DossierRepo(archive.db).sealedDossierOfCase(caseId) !== undefined) {
    throw new AppError('sealed', `case ${label} is sealed (归档); open a correction to change it`, `案件 ${label} 已归档封存，不能修改；如需修改请先提出更正`, {
      item: label,
    });
  }
}

/** Whether an error is one of the sealing triggers' refusals (for mapping a raw SQLite error). */
export function isSealedViolation(e: unknown): boolean {
  return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_TRIGGER' && /sealed/.test(String((e as Error).message));
}
