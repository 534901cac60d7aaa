import type { OpParsedInput } from '../api/contract.js';
import type { DocumentInfo, UserInfo } from '../api/types.js';
import { change } from '../archive/audited-change.js';
import { caseNotFound } from '../cases/case-detail.js';
import { assertCaseOpen } from '../cases/sealed-guard.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import type { DocumentDeps } from './document-deps.js';
import { documentView, kindCode } from './document-lookups.js';
import { type DocumentRequest, filedAlready, prepareDocuments, recordDocument, storeDocuments } from './file-documents.js';

/**
 * Files a document: every staged file is read and checked first (nothing is written if any is
 * bad), then the originals and thumbnails go into objects/, then one catalogue transaction
 * (src/documents/file-documents.ts). The same document filed again (same case, kind, 题名 and
 * files: a re-run after a crash past the commit) is the existing one, with `alreadyFiled`.
 */
export async function addDocument(d: DocumentDeps, user: UserInfo, input: OpParsedInput<'document.add'>): Promise<DocumentInfo> {
  const { archive } = d;
  const cases = new CaseRepo(archive.db);
  const caseRow = cases.row(input.caseId);
  if (!caseRow) throw caseNotFound(input.caseId);
  assertCaseOpen(archive, input.caseId, caseRow.caseNo);
  const kind = kindCode(archive, input.kind);
  const staged = input.files.map((f) => d.staging.get(f.stagedId));
  const req: DocumentRequest = {
    kind,
    title: input.title,
    docNo: input.docNo ?? null,
    responsible: input.responsible ?? null,
    date: input.date ?? null,
    files: staged,
  };
  const earlier = filedAlready(archive, input.caseId, kind, req);
  if (earlier !== undefined) {
    for (const s of staged) await d.staging.discard(s.stagedId);
    return { ...documentView(archive, earlier), alreadyFiled: true };
  }
  const totalBytes = staged.reduce((n, s) => n + s.size, 0);
  const id = await d.jobs.run('document.add', { items: staged.length, bytes: totalBytes }, input.jobId, async (job) => {
    const prepared = await prepareDocuments([req], job);
    const stored = await storeDocuments(archive, prepared);
    const newId = change(archive, user, () => {
      assertCaseOpen(archive, input.caseId, caseRow.caseNo);
      const now = archive.clock.now().toISOString();
      const r = recordDocument(archive, user, input.caseId, kind, req, stored.files[0]!, now);
      cases.touch(input.caseId, now);
      return { value: r.id, audit: [r.audit] };
    });
    await stored.release();
    return newId;
  });
  for (const s of staged) d.staging.forget(s.stagedId);
  d.bus.emit({ type: 'case.changed', caseId: input.caseId });
  return documentView(archive, id);
}
