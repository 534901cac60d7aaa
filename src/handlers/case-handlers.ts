import { AppError } from '../api/errors.js';
import type { CaseInput } from '../domain/case.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DocumentRepo } from '../storage/repos/document-repo.js';
import { LATEST_VERSION } from '../storage/migrate.js';
import { caseDetail, caseNotFound } from '../cases/case-detail.js';
import { change } from '../archive/audited-change.js';
import { type HandlerDeps, nowIso, userOf } from './deps.js';
import { assertCaseOpen } from '../cases/sealed-guard.js';
import type { HandlerMap } from './types.js';
import { archiveTimeZone } from '../domain/archive-time.js';

type CaseOps = 'case.create' | 'case.update' | 'case.list' | 'case.get' | 'archive.info' | 'profile.current';

export function duplicateCaseNo(caseNo: string): AppError {
  return new AppError('duplicate', `case number ${caseNo} is already registered`, `案号 ${caseNo} 已登记，不能重复`, { item: caseNo });
}

export function caseHandlers(deps: HandlerDeps): HandlerMap<CaseOps> {
  const { archive } = deps;
  const cases = new CaseRepo(archive.db);

  const uniqueViolation = (e: unknown, caseNo: string): never => {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw duplicateCaseNo(caseNo);
    throw e;
  };

  return {
    'archive.info': async () => {
      const counts = new DocumentRepo(archive.db).counts();
      return {
        path: archive.layout.root,
        name: archive.meta.get('name') ?? '',
        profileId: archive.profile.id,
        profileName: archive.profile.name,
        timezone: archiveTimeZone(archive.meta),
        createdAt: archive.meta.get('created_at') ?? '',
        schemaVersion: LATEST_VERSION,
        caseCount: archive.meta.caseCount(),
        documentCount: counts.documents,
        pageCount: counts.pages,
      };
    },

    'profile.current': async () => archive.profile,

    'case.create': async (input: CaseInput, ctx) => {
      const user = userOf(ctx);
      const id = change(deps.archive, user, () => {
        if (cases.idByCaseNo(input.caseNo) !== undefined) throw duplicateCaseNo(input.caseNo);
        let newId = 0;
        try {
          newId = cases.insert(input, user.id, nowIso(deps));
        } catch (e) {
          uniqueViolation(e, input.caseNo);
        }
        return { value: newId, audit: [{ action: 'case.create', targetType: 'case', targetId: newId, after: input, detail: { caseNo: input.caseNo } }] };
      });
      deps.bus.emit({ type: 'case.changed', caseId: id });
      return caseDetail(deps.archive, id);
    },

    'case.update': async ({ id, case: input }, ctx) => {
      const user = userOf(ctx);
      change(deps.archive, user, () => {
        const before = cases.row(id);
        if (!before) throw caseNotFound(id);
        assertCaseOpen(deps.archive, id, before.caseNo);
        const clash = cases.idByCaseNo(input.caseNo);
        if (clash !== undefined && clash !== id) throw duplicateCaseNo(input.caseNo);
        const beforeState = { row: before, parties: cases.parties(id), officers: cases.officers(id) };
        try {
          cases.update(id, input, nowIso(deps));
        } catch (e) {
          uniqueViolation(e, input.caseNo);
        }
        return {
          value: null,
          audit: [{ action: 'case.update', targetType: 'case', targetId: id, before: beforeState, after: input, detail: { caseNo: input.caseNo } }],
        };
      });
      deps.bus.emit({ type: 'case.changed', caseId: id });
      return caseDetail(deps.archive, id);
    },

    'case.list': async (f) => cases.list(f),

    'case.get': async (key) => {
      const id = 'id' in key ? key.id : cases.idByCaseNo(key.caseNo);
      if (id === undefined) throw caseNotFound('caseNo' in key ? key.caseNo : '');
      return caseDetail(deps.archive, id);
    },
  };
}
