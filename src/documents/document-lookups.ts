import { AppError } from '../api/errors.js';
import type { DocumentInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { documentInfo } from '../cases/case-detail.js';
import { findKind } from '../domain/profile.js';
import { DocumentRepo } from '../storage/repos/document-repo.js';

/** A document kind by key or name becomes its code in the archive's filing profile, or an unknown_kind error. */
export function kindCode(archive: Archive, key: string): string {
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
}

export function documentNotFound(id: number): AppError {
  return new AppError('not_found', `document ${id} not found`, `文书 ${id} 不存在`, { item: String(id) });
}

/** One document as the UI shows it. */
export function documentView(archive: Archive, id: number): DocumentInfo {
  const row = new DocumentRepo(archive.db).row(id);
  if (!row) throw documentNotFound(id);
  return documentInfo(archive, row);
}
