import type { OpParsedInput } from '../api/contract.js';
import { AppError } from '../api/errors.js';
import type { CaseDetail, UserInfo } from '../api/types.js';
import { change } from '../archive/audited-change.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { stateDigest } from '../audit/chain.js';
import { caseDetail } from '../cases/case-detail.js';
import { duplicateCaseNo } from '../cases/register-case.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { RefilingRepo } from '../storage/repos/refiling-repo.js';
import type { DocumentDeps } from './document-deps.js';
import { kindCode } from './document-lookups.js';
import { type DocumentRequest, filedAlready, prepareDocuments, recordDocument, storeDocuments } from './file-documents.js';

/**
 * 登记 a case file: the case and all its documents, or nothing. Every document's kind and every file
 * is checked before anything is written (an error names the document and the file), the objects
 * are placed under in-flight markers, and the case, its documents and their audit entries are one
 * transaction. The same case file registered again (a re-run after a crash past the commit: the
 * case unchanged since, each document already filed) is the existing case, with `alreadyRegistered`;
 * a different case under a used 案号 is refused as before.
 */
export async function registerCaseFile(d: DocumentDeps, user: UserInfo, input: OpParsedInput<'case.register'>): Promise<CaseDetail> {
  const { archive } = d;
  const cases = new CaseRepo(archive.db);
  const reqs: DocumentRequest[] = input.documents.map((doc, i) => {
    const label = `document ${i + 1} (${doc.title})`;
    let kind: string;
    try {
      kind = kindCode(archive, doc.kind);
    } catch (e) {
      const err = e as AppError;
      throw new AppError(err.code, `${label}: ${err.message}`, `第 ${i + 1} 件文书（${doc.title}）：${err.messageZh}`, { item: doc.kind });
    }
    return {
      kind,
      title: doc.title,
      docNo: doc.docNo ?? null,
      responsible: doc.responsible ?? null,
      date: doc.date ?? null,
      files: doc.files.map((f) => d.staging.get(f.stagedId)),
    };
  });
  const staged = reqs.flatMap((r) => r.files);
  const stagedIds = input.documents.flatMap((doc) => doc.files.map((f) => f.stagedId));

  const existing = cases.idByCaseNo(input.case.caseNo);
  if (existing !== undefined) {
    const was = new RefilingRepo(archive.db).caseAsCreated(existing);
    const same =
      was && !was.edited && was.afterDigest === stateDigest(input.case) && reqs.every((r) => filedAlready(archive, existing, r.kind, r) !== undefined);
    if (!same) throw duplicateCaseNo(input.case.caseNo);
    for (const s of stagedIds) await d.staging.discard(s);
    return { ...caseDetail(archive, existing), alreadyRegistered: true };
  }

  const bytes = staged.reduce((n, s) => n + s.size, 0);
  const id = await d.jobs.run('case.register', { items: staged.length, bytes }, input.jobId, async (job) => {
    const prepared = await prepareDocuments(reqs, job);
    const stored = await storeDocuments(archive, prepared);
    const caseId = change(archive, user, () => {
      if (cases.idByCaseNo(input.case.caseNo) !== undefined) throw duplicateCaseNo(input.case.caseNo);
      const now = archive.clock.now().toISOString();
      const newId = cases.insert(input.case, user.id, now);
      const audit: AuditRecord[] = [
        { action: 'case.create', targetType: 'case', targetId: newId, after: input.case, detail: { caseNo: input.case.caseNo, documents: reqs.length } },
      ];
      reqs.forEach((r, i) => audit.push(recordDocument(archive, user, newId, r.kind, r, stored.files[i]!, now).audit));
      return { value: newId, audit };
    });
    await stored.release();
    return caseId;
  });
  for (const s of stagedIds) d.staging.forget(s);
  d.bus.emit({ type: 'case.changed', caseId: id });
  return caseDetail(archive, id);
}
