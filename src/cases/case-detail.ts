import { AppError } from '../api/errors.js';
import type { CaseDetail, CaseSummary, DocumentInfo } from '../api/types.js';
import { findKind } from '../domain/profile.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DocumentRepo, type DocumentRow } from '../storage/repos/document-repo.js';
import type { Archive } from '../archive/archive.js';

/** Assembles the read models the UI shows (a case with its documents and pages). */
export function caseNotFound(key: string | number): AppError {
  return new AppError('not_found', `case ${key} not found`, `案件 ${key} 不存在`, { item: String(key) });
}

export function documentInfo(archive: Archive, d: DocumentRow): DocumentInfo {
  const docs = new DocumentRepo(archive.db);
  const pages = docs.pages(d.id);
  return {
    ...d,
    kindName: findKind(archive.profile, d.kind)?.name ?? d.kind,
    pageCount: pages.length,
    files: docs.files(d.id),
    pages,
  };
}

export function caseDetail(archive: Archive, id: number): CaseDetail {
  const cases = new CaseRepo(archive.db);
  const row = cases.row(id);
  const summary = cases.summary(id);
  if (!row || !summary) throw caseNotFound(id);
  const docs = new DocumentRepo(archive.db).listForCase(id);
  return {
    ...summary,
    source: row.source,
    organ: row.organ,
    unit: row.unit,
    parties: cases.parties(id),
    officers: cases.officers(id),
    dates: {
      filed: row.filedOn,
      investigationConcluded: row.investigationConcludedOn,
      noticeServed: row.noticeServedOn,
      decision: row.decidedOn,
      served: row.servedOn,
      executed: row.executedOn,
      closed: row.closedOn,
    },
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : null,
    documents: docs.map((d) => documentInfo(archive, d)),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

/** A case by id or by 案号, with its documents. */
export function getCase(archive: Archive, key: { id: number } | { caseNo: string }): CaseDetail {
  const id = 'id' in key ? key.id : new CaseRepo(archive.db).idByCaseNo(key.caseNo);
  if (id === undefined) throw caseNotFound('caseNo' in key ? key.caseNo : '');
  return caseDetail(archive, id);
}

/** The case list: by text (案号, 当事人, 案由), procedure and year. */
export function listCases(archive: Archive, f: { query?: string; procedure?: string; year?: number }): CaseSummary[] {
  return new CaseRepo(archive.db).list(f);
}
