import { AppError } from '../api/errors.js';
import type { CaseDetail, UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import type { CaseInput } from '../domain/case.js';
import type { EventBus } from '../jobs/event-bus.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { caseDetail, caseNotFound } from './case-detail.js';
import { assertCaseOpen } from './sealed-guard.js';

/** What registering or editing a case needs: the archive, and the bus that tells the UI the case changed. */
export interface CaseDeps {
  archive: Archive;
  bus: EventBus;
}

export function duplicateCaseNo(caseNo: string): AppError {
  return new AppError('duplicate', `case number ${caseNo} is already registered`, `案号 ${caseNo} 已登记，不能重复`, { item: caseNo });
}

/** A UNIQUE violation on the 案号 (a race with another writer) becomes the same duplicate error. */
function uniqueViolation(e: unknown, caseNo: string): never {
  if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw duplicateCaseNo(caseNo);
  throw e;
}

/** 登记: a new case under a 案号 not yet used. */
export function createCase(d: CaseDeps, user: UserInfo, input: CaseInput): CaseDetail {
  const cases = new CaseRepo(d.archive.db);
  const id = change(d.archive, user, () => {
    if (cases.idByCaseNo(input.caseNo) !== undefined) throw duplicateCaseNo(input.caseNo);
    let newId = 0;
    try {
      newId = cases.insert(input, user.id, d.archive.clock.now().toISOString());
    } catch (e) {
      uniqueViolation(e, input.caseNo);
    }
    return { value: newId, audit: [{ action: 'case.create', targetType: 'case', targetId: newId, after: input, detail: { caseNo: input.caseNo } }] };
  });
  d.bus.emit({ type: 'case.changed', caseId: id });
  return caseDetail(d.archive, id);
}

/** Edits an open (unsealed) case; its 案号 may change to one not yet used. */
export function updateCase(d: CaseDeps, user: UserInfo, id: number, input: CaseInput): CaseDetail {
  const cases = new CaseRepo(d.archive.db);
  change(d.archive, user, () => {
    const before = cases.row(id);
    if (!before) throw caseNotFound(id);
    assertCaseOpen(d.archive, id, before.caseNo);
    const clash = cases.idByCaseNo(input.caseNo);
    if (clash !== undefined && clash !== id) throw duplicateCaseNo(input.caseNo);
    const beforeState = { row: before, parties: cases.parties(id), officers: cases.officers(id) };
    try {
      cases.update(id, input, d.archive.clock.now().toISOString());
    } catch (e) {
      uniqueViolation(e, input.caseNo);
    }
    return {
      value: null,
      audit: [{ action: 'case.update', targetType: 'case', targetId: id, before: beforeState, after: input, detail: { caseNo: input.caseNo } }],
    };
  });
  d.bus.emit({ type: 'case.changed', caseId: id });
  return caseDetail(d.archive, id);
}
