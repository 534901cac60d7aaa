import { AppError } from '../api/errors.js';
import type { Archive } from '../archive/archive.js';
import { type ModelPage, type PageModel, pageModel } from '../binding/page-model.js';
import type { BoundDossier } from '../binding/types.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';

/** The sealed dossier version an assignment is bound to, as its pages (the numbers as bound). */
export function boundPages(archive: Archive, versionId: number): PageModel {
  const json = new DossierRepo(archive.db).boundJson(versionId);
  if (!json)
    throw new AppError('not_found', `sealed dossier version ${versionId} not found`, `已归档案卷版本 ${versionId} 不存在`, { item: String(versionId) });
  return pageModel(JSON.parse(json) as BoundDossier);
}

/** The page numbered `page` in volume `volume`, or null. */
export function pageAt(m: PageModel, volume: number, page: number): ModelPage | null {
  return m.volumes.find((v) => v.index === volume)?.pages.find((p) => p.number === page) ?? null;
}

/** The first numbered page of a document (for a finding that names the document but not the page). */
export function firstPageOf(m: PageModel, documentId: number, page: number | null): { volume: number; page: number | null } | null {
  for (const v of m.volumes)
    for (const p of v.pages)
      if (p.kind === 'document' && p.document.documentId === documentId && (page === null || p.number === page)) return { volume: v.index, page: p.number };
  return null;
}

/** The highest page number of each volume, for error messages. */
export function lastNumbers(m: PageModel): string {
  return m.volumes.map((v) => `${v.label || `第${v.index}卷`} 1–${Math.max(0, ...v.pages.map((p) => p.number ?? 0))}`).join('，');
}
