import { AppError } from '../api/errors.js';

/** A page source that cannot go into the export; the message names the document and the page. */
export function badSource(label: string, en: string, zh: string, details?: unknown): AppError {
  return new AppError('bad_file', `${label}: ${en}`, `${label}：${zh}`, { item: label, ...(details === undefined ? {} : { details }) });
}

/** The written file failed its read-back check. */
export function checkFailed(file: string, en: string, zh: string, details?: unknown): AppError {
  return new AppError('io_error', `${file}: the written PDF failed its read-back check: ${en}`, `${file}：导出的 PDF 回读检查未通过：${zh}`, {
    item: file,
    ...(details === undefined ? {} : { details }),
  });
}

export function exportCancelled(label: string): AppError {
  return new AppError('cancelled', `${label}: export cancelled`, `${label}：导出已取消`, { item: label });
}
