import type { OpParsedInput } from '../api/contract.js';
import { AppError } from '../api/errors.js';
import type { DocumentInfo, UserInfo } from '../api/types.js';
import { change } from '../archive/audited-change.js';
import { caseNotFound } from '../cases/case-detail.js';
import { assertCaseOpen } from '../cases/sealed-guard.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DocumentRepo, type NewFile } from '../storage/repos/document-repo.js';
import type { DocumentDeps } from './document-deps.js';
import { documentView, kindCode } from './document-lookups.js';
import { prepareFile } from './prepare-file.js';

/**
 * Files a document: every staged file is read and checked first (nothing is written if any is
 * bad), then the originals and thumbnails go into objects/, then one catalogue transaction.
 */
export async function addDocument(d: DocumentDeps, user: UserInfo, input: OpParsedInput<'document.add'>): Promise<DocumentInfo> {
  const { archive } = d;
  const docs = new DocumentRepo(archive.db);
  const cases = new CaseRepo(archive.db);
  const caseRow = cases.row(input.caseId);
  if (!caseRow) throw caseNotFound(input.caseId);
  assertCaseOpen(archive, input.caseId, caseRow.caseNo);
  const kind = kindCode(archive, input.kind);
  const staged = input.files.map((f) => d.staging.get(f.stagedId));
  const totalBytes = staged.reduce((n, s) => n + s.size, 0);
  const id = await d.jobs.run('document.add', { items: staged.length, bytes: totalBytes }, input.jobId, async (job) => {
    const prepared = [];
    for (const s of staged) {
      job.startItem(s.name);
      prepared.push({ s, p: await prepareFile(s.path, s.name) });
      if (job.signal.aborted) throw new AppError('cancelled', 'import cancelled', '导入已取消');
      job.addBytes(s.size);
      job.finishItem();
    }
    const files: NewFile[] = [];
    for (const { s, p } of prepared) {
      const obj = await archive.store.commit(s, s.name);
      const pages = [];
      for (const pg of p.pages) {
        const thumb = pg.thumb ? await archive.store.putBytes(pg.thumb, `${s.name} p${pg.sourcePage + 1} thumbnail`) : null;
        pages.push({
          sourcePage: pg.sourcePage,
          width: pg.width,
          height: pg.height,
          blankSuggested: pg.blankSuggested,
          thumb: thumb && { sha256: thumb.sha256, size: thumb.size },
        });
      }
      files.push({ originalName: s.name, sha256: obj.sha256, size: obj.size, mediaType: p.mediaType, pages });
    }
    return change(archive, user, () => {
      assertCaseOpen(archive, input.caseId, caseRow.caseNo);
      const now = archive.clock.now().toISOString();
      const newId = docs.insert({
        caseId: input.caseId,
        kind,
        title: input.title,
        docNo: input.docNo ?? null,
        responsible: input.responsible ?? null,
        date: input.date ?? null,
        createdBy: user.id,
        now,
        files,
      });
      cases.touch(input.caseId, now);
      return {
        value: newId,
        audit: [
          {
            action: 'document.add',
            targetType: 'document',
            targetId: newId,
            after: {
              caseId: input.caseId,
              kind,
              title: input.title,
              files: files.map((f) => ({ name: f.originalName, sha256: f.sha256, pages: f.pages.length })),
            },
            detail: { caseId: input.caseId, files: files.map((f) => f.originalName) },
          },
        ],
      };
    });
  });
  for (const s of staged) d.staging.forget(s.stagedId);
  d.bus.emit({ type: 'case.changed', caseId: input.caseId });
  return documentView(archive, id);
}
