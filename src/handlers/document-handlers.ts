import { AppError } from '../api/errors.js';
import type { DocumentInfo } from '../api/types.js';
import { findKind } from '../domain/profile.js';
import { prepareFile } from '../documents/prepare-file.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DocumentRepo, type NewFile } from '../storage/repos/document-repo.js';
import { caseNotFound, documentInfo } from '../cases/case-detail.js';
import { change } from '../archive/audited-change.js';
import { type HandlerDeps, nowIso, userOf } from './deps.js';
import { assertCaseOpen } from '../cases/sealed-guard.js';
import type { HandlerMap } from './types.js';

type DocumentOps = 'document.add' | 'document.update' | 'document.remove' | 'page.update';

export function documentHandlers(deps: HandlerDeps): HandlerMap<DocumentOps> {
  const { archive } = deps;
  const docs = new DocumentRepo(archive.db);
  const cases = new CaseRepo(archive.db);

  const kindCode = (key: string): string => {
    const k = findKind(archive.profile, key);
    if (!k) {
      throw new AppError(
        'unknown_kind',
        `document kind "${key}" is not in the filing profile ${archive.profile.id}`,
        `文书种类“${key}”不在立卷规范 ${archive.profile.name} 的目录中`,
        { item: key },
      );
    }
    return k.code;
  };
  const docNotFound = (id: number) => new AppError('not_found', `document ${id} not found`, `文书 ${id} 不存在`, { item: String(id) });
  const view = (id: number): DocumentInfo => {
    const row = docs.row(id);
    if (!row) throw docNotFound(id);
    return documentInfo(deps.archive, row);
  };

  return {
    /**
     * Files a document: every staged file is read and checked first (nothing is written if any is
     * bad), then the originals and thumbnails go into objects/, then one catalogue transaction.
     */
    'document.add': async (input, ctx) => {
      const user = userOf(ctx);
      const caseRow = cases.row(input.caseId);
      if (!caseRow) throw caseNotFound(input.caseId);
      assertCaseOpen(deps.archive, input.caseId, caseRow.caseNo);
      const kind = kindCode(input.kind);
      const staged = input.files.map((f) => deps.staging.get(f.stagedId));
      const totalBytes = staged.reduce((n, s) => n + s.size, 0);
      const id = await deps.jobs.run('document.add', { items: staged.length, bytes: totalBytes }, input.jobId, async (job) => {
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
        return change(deps.archive, user, () => {
          assertCaseOpen(deps.archive, input.caseId, caseRow.caseNo);
          const now = nowIso(deps);
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
      for (const s of staged) deps.staging.forget(s.stagedId);
      deps.bus.emit({ type: 'case.changed', caseId: input.caseId });
      return view(id);
    },

    'document.update': async (input, ctx) => {
      const before = docs.row(input.id);
      if (!before) throw docNotFound(input.id);
      assertCaseOpen(deps.archive, before.caseId);
      const next = {
        kind: input.kind !== undefined ? kindCode(input.kind) : before.kind,
        title: input.title ?? before.title,
        docNo: input.docNo !== undefined ? input.docNo : before.docNo,
        responsible: input.responsible !== undefined ? input.responsible : before.responsible,
        date: input.date !== undefined ? input.date : before.date,
      };
      change(deps.archive, userOf(ctx), () => {
        docs.updateMeta(input.id, next);
        cases.touch(before.caseId, nowIso(deps));
        return { value: null, audit: [{ action: 'document.update', targetType: 'document', targetId: input.id, before, after: next }] };
      });
      deps.bus.emit({ type: 'case.changed', caseId: before.caseId });
      return view(input.id);
    },

    'document.remove': async ({ id, reason }, ctx) => {
      const before = docs.row(id);
      if (!before) throw docNotFound(id);
      assertCaseOpen(deps.archive, before.caseId);
      change(deps.archive, userOf(ctx), () => {
        docs.markRemoved(id, reason, nowIso(deps));
        cases.touch(before.caseId, nowIso(deps));
        return { value: null, audit: [{ action: 'document.remove', targetType: 'document', targetId: id, before, detail: { reason } }] };
      });
      deps.bus.emit({ type: 'case.changed', caseId: before.caseId });
      return { ok: true };
    },

    'page.update': async (input, ctx) => {
      const before = docs.page(input.id);
      if (!before) throw new AppError('not_found', `page ${input.id} not found`, `页面 ${input.id} 不存在`, { item: String(input.id) });
      assertCaseOpen(deps.archive, before.caseId);
      const side = input.side ?? before.side;
      const blank = input.blank ?? before.blank;
      change(deps.archive, userOf(ctx), () => {
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
      deps.bus.emit({ type: 'case.changed', caseId });
      return page;
    },
  };
}
