import type { OpOutput, OpParsedInput } from '../api/contract.js';
import { AppError } from '../api/errors.js';
import type { DocumentInfo, UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { assertCaseOpen } from '../cases/sealed-guard.js';
import type { EventBus } from '../jobs/event-bus.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DocumentRepo } from '../storage/repos/document-repo.js';
import { documentNotFound, documentView, kindCode } from './document-lookups.js';

/** What editing a filed document needs: the archive, and the bus that tells the UI its case changed. */
export interface EditDeps {
  archive: Archive;
  bus: EventBus;
}

/** Changes a document's kind, title, 文号, 责任者 or date (not its files). */
export function updateDocument(d: EditDeps, user: UserInfo, input: OpParsedInput<'document.update'>): DocumentInfo {
  const { archive } = d;
  const docs = new DocumentRepo(archive.db);
  const before = docs.row(input.id);
  if (!before) throw documentNotFound(input.id);
  assertCaseOpen(archive, before.caseId);
  const next = {
    kind: input.kind !== undefined ? kindCode(archive, input.kind) : before.kind,
    title: input.title ?? before.title,
    docNo: input.docNo !== undefined ? input.docNo : before.docNo,
    responsible: input.responsible !== undefined ? input.responsible : before.responsible,
    date: input.date !== undefined ? input.date : before.date,
  };
  change(archive, user, () => {
    docs.updateMeta(input.id, next);
    new CaseRepo(archive.db).touch(before.caseId, archive.clock.now().toISOString());
    return { value: null, audit: [{ action: 'document.update', targetType: 'document', targetId: input.id, before, after: next }] };
  });
  d.bus.emit({ type: 'case.changed', caseId: before.caseId });
  return documentView(archive, input.id);
}

/** Marks a document removed, with the reason (its files stay in objects/ and in the history). */
export function removeDocument(d: EditDeps, user: UserInfo, id: number, reason: string): { ok: true } {
  const { archive } = d;
  const docs = new DocumentRepo(archive.db);
  const before = docs.row(id);
  if (!before) throw documentNotFound(id);
  assertCaseOpen(archive, before.caseId);
  change(archive, user, () => {
    docs.markRemoved(id, reason, archive.clock.now().toISOString());
    new CaseRepo(archive.db).touch(before.caseId, archive.clock.now().toISOString());
    return { value: null, audit: [{ action: 'document.remove', targetType: 'document', targetId: id, before, detail: { reason } }] };
  });
  d.bus.emit({ type: 'case.changed', caseId: before.caseId });
  return { ok: true };
}

/** Sets a page's side (正/背) or blank flag. */
export function updatePage(d: EditDeps, user: UserInfo, input: OpParsedInput<'page.update'>): OpOutput<'page.update'> {
  const { archive } = d;
  const docs = new DocumentRepo(archive.db);
  const before = docs.page(input.id);
  if (!before) throw new AppError('not_found', `page ${input.id} not found`, `页面 ${input.id} 不存在`, { item: String(input.id) });
  assertCaseOpen(archive, before.caseId);
  const side = input.side ?? before.side;
  const blank = input.blank ?? before.blank;
  change(archive, user, () => {
    docs.updatePage(input.id, side, blank);
    return {
      value: null,
      audit: [
        {
          action: 'page.update',
          targetType: 'page',
          targetId: input.id,
          before: { side: before.side, blank: before.blank },
          after: { side, blank },
          detail: { documentId: before.documentId },
        },
      ],
    };
  });
  const after = docs.page(input.id)!;
  const { documentId: _d, caseId, ...page } = after;
  d.bus.emit({ type: 'case.changed', caseId });
  return page;
}
