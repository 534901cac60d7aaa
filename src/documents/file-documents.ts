import { createHash } from 'node:crypto';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { markInflight } from '../archive/inflight-marker.js';
import type { StagedFile } from '../archive/object-store.js';
import type { AuditRecord } from '../audit/audit-log.js';
import type { Job } from '../jobs/jobs.js';
import { RefilingRepo } from '../storage/repos/refiling-repo.js';
import { DocumentRepo, type NewFile } from '../storage/repos/document-repo.js';
import { prepareFile } from './prepare-file.js';

/**
 * Filing documents in three steps, so one document and a whole case file alike are all or nothing:
 * `prepareDocuments` reads and checks every file (nothing is written if any is bad), `storeDocuments`
 * places the originals and thumbnails in objects/ under in-flight markers (a kill before the commit
 * leaves objects that the next open quarantines), and `recordDocument` writes the rows inside the
 * caller's one audited transaction. A document already filed with the same kind, 题名 and files is
 * the existing one (a re-run after a crash past the commit files nothing twice).
 */
export interface DocumentRequest {
  kind: string;
  title: string;
  docNo: string | null;
  responsible: string | null;
  date: string | null;
  files: (StagedFile & { name: string })[];
}

export interface PreparedDocument {
  req: DocumentRequest;
  prepared: { s: DocumentRequest['files'][number]; p: Awaited<ReturnType<typeof prepareFile>> }[];
}

export async function prepareDocuments(reqs: readonly DocumentRequest[], job?: Job): Promise<PreparedDocument[]> {
  const out: PreparedDocument[] = [];
  for (const req of reqs) {
    const prepared = [];
    for (const s of req.files) {
      job?.startItem(s.name);
      prepared.push({ s, p: await prepareFile(s.path, s.name) });
      if (job?.signal.aborted) throw new AppError('cancelled', 'import cancelled', '导入已取消');
      job?.addBytes(s.size);
      job?.finishItem();
    }
    out.push({ req, prepared });
  }
  return out;
}

export interface StoredDocuments {
  files: NewFile[][];
  /** Removes the in-flight markers: call once the rows are committed. */
  release(): Promise<void>;
}

export async function storeDocuments(archive: Archive, docs: readonly PreparedDocument[]): Promise<StoredDocuments> {
  const unmarks: (() => Promise<void>)[] = [];
  const files: NewFile[][] = [];
  const place = async (sha256: string, put: () => Promise<{ sha256: string; size: number }>) => {
    unmarks.push(await markInflight(archive.layout, sha256));
    return put();
  };
  try {
    for (const d of docs) {
      const list: NewFile[] = [];
      for (const { s, p } of d.prepared) {
        const obj = await place(s.sha256, () => archive.store.commit(s, s.name));
        const pages = [];
        for (const pg of p.pages) {
          const bytes = pg.thumb;
          const thumb = bytes ? await placeBytes(archive, bytes, `${s.name} p${pg.sourcePage + 1} thumbnail`, unmarks) : null;
          pages.push({ sourcePage: pg.sourcePage, width: pg.width, height: pg.height, blankSuggested: pg.blankSuggested, thumb });
        }
        list.push({ originalName: s.name, sha256: obj.sha256, size: obj.size, mediaType: p.mediaType, pages });
      }
      files.push(list);
    }
  } catch (e) {
    for (const u of unmarks) await u();
    throw e;
  }
  return { files, release: async () => void (await Promise.all(unmarks.map((u) => u()))) };
}

async function placeBytes(archive: Archive, bytes: Uint8Array, label: string, unmarks: (() => Promise<void>)[]): Promise<{ sha256: string; size: number }> {
  unmarks.push(await markInflight(archive.layout, createHash('sha256').update(bytes).digest('hex')));
  const o = await archive.store.putBytes(bytes, label);
  return { sha256: o.sha256, size: o.size };
}

/** An earlier filing of the same document in this case (same kind, 题名 and files), if any. */
export function filedAlready(archive: Archive, caseId: number, kind: string, req: DocumentRequest): number | undefined {
  return new RefilingRepo(archive.db).sameDocument(
    caseId,
    kind,
    req.title,
    req.files.map((f) => f.sha256),
  );
}

/** Inside the caller's transaction: the rows of one document and its audit entry. */
export function recordDocument(
  archive: Archive,
  user: UserInfo,
  caseId: number,
  kind: string,
  req: DocumentRequest,
  files: NewFile[],
  now: string,
): { id: number; audit: AuditRecord } {
  const id = new DocumentRepo(archive.db).insert({
    caseId,
    kind,
    title: req.title,
    docNo: req.docNo,
    responsible: req.responsible,
    date: req.date,
    createdBy: user.id,
    now,
    files,
  });
  return {
    id,
    audit: {
      action: 'document.add',
      targetType: 'document',
      targetId: id,
      after: { caseId, kind, title: req.title, files: files.map((f) => ({ name: f.originalName, sha256: f.sha256, pages: f.pages.length })) },
      detail: { caseId, files: files.map((f) => f.originalName) },
    },
  };
}
