import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { AuditExportResult, UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { toIoError } from '../archive/object-store.js';
import { tmpName } from '../archive/tmp-names.js';
import { writeReportPdf } from '../pdf/report/write-report.js';
import { digestBytes } from '../ports/digests.js';
import type { FilePort } from '../ports/file-port.js';
import { archiveZone } from '../retrieval/times.js';
import { auditCsv, auditReport, exportRow, type AuditExportLabels } from './audit-export-rows.js';
import { auditFilter, withLabels, type AuditQuery } from './audit-list.js';

/** More rows than this is not a report anyone reads: narrow the filters. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;
const PAGE = 1000;

export interface AuditExportInput extends AuditQuery {
  format: 'csv' | 'pdf';
  /** An absolute path ending in .csv or .pdf. */
  target: string;
  labels?: AuditExportLabels;
  resourcesDir?: string;
}

/** Writes the filtered audit log (newest first) as CSV or PDF/A to `target`. The export is itself audited. */
export async function exportAudit(archive: Archive, files: FilePort, user: UserInfo, p: AuditExportInput): Promise<AuditExportResult> {
  const { format, target, labels = {}, resourcesDir, ...query } = p;
  const ext = `.${format}`;
  if (!path.isAbsolute(target) || !target.toLowerCase().endsWith(ext))
    throw new AppError('invalid_input', `${target}: give an absolute path ending in ${ext}`, `${target}：请给出以 ${ext} 结尾的完整路径`, { item: 'target' });
  const filter = auditFilter(archive, query);
  const tz = archiveZone(archive);
  const rows: string[][] = [];
  for (let before: number | undefined; ;) {
    const page = archive.audit.list({ ...filter, limit: PAGE, ...(before !== undefined ? { beforeSeq: before } : {}) });
    for (const e of withLabels(archive, page)) rows.push(exportRow(e, tz, labels));
    if (rows.length > AUDIT_EXPORT_MAX_ROWS)
      throw new AppError(
        'invalid_input',
        `more than ${AUDIT_EXPORT_MAX_ROWS} entries match: narrow the filters`,
        `符合条件的记录超过 ${AUDIT_EXPORT_MAX_ROWS} 条，请缩小筛选范围后再导出`,
        { item: 'target' },
      );
    if (page.length < PAGE) break;
    before = page.at(-1)!.seq;
  }
  let out: AuditExportResult;
  if (format === 'csv') {
    const bytes = new TextEncoder().encode(auditCsv(rows));
    const sha256 = (await digestBytes(bytes, ['sha256'])).sha256!;
    await writeAtomically(files, target, bytes);
    out = { path: target, format, rows: rows.length, size: bytes.byteLength, sha256 };
  } else {
    const doc = auditReport({
      archiveName: archive.meta.get('name') ?? '卷宗档案库',
      filters: filterWords(query, labels),
      rows,
      by: user,
      createdAt: archive.clock.now(),
      timezone: tz,
    });
    const w = await writeReportPdf(files, target, doc, resourcesDir ? { resourcesDir } : {});
    out = { path: w.path, format, rows: rows.length, size: w.size, sha256: w.sha256, pages: w.pages };
  }
  change(archive, user, () => ({
    value: undefined,
    audit: [
      {
        action: 'audit.export',
        targetType: 'report',
        targetId: path.basename(out.path),
        detail: { format, rows: out.rows, sha256: out.sha256, filters: query },
      },
    ],
  }));
  return out;
}

/** The filters in words for the report's heading. */
function filterWords(q: AuditQuery, l: AuditExportLabels): string {
  const parts: string[] = [];
  if (q.actor) parts.push(`操作人：${q.actor}`);
  if (q.action) parts.push(`操作：${l.actions?.[q.action] ?? q.action}`);
  if (q.targetText) parts.push(`对象：${q.targetText}`);
  if (q.targetType) parts.push(`对象类型：${l.targets?.[q.targetType] ?? q.targetType}`);
  if (q.targetId) parts.push(`对象编号：${q.targetId}`);
  if (q.from || q.to) parts.push(`期间：${q.from ?? '…'} 至 ${q.to ?? '…'}`);
  if (q.hideLogins) parts.push('不含登录记录');
  return parts.join('；');
}

/** tmp in the target's folder → fsync → rename: a failure leaves nothing behind. */
async function writeAtomically(files: FilePort, target: string, bytes: Uint8Array): Promise<void> {
  const name = path.basename(target);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${name}.${tmpName()}.part`);
  let handle: FileHandle | null = null;
  try {
    await files.mkdir(dir, { recursive: true });
    handle = await files.open(tmp, 'wx', 0o644);
    for (let off = 0; off < bytes.byteLength;) {
      const { bytesWritten } = await handle.write(bytes, off, bytes.byteLength - off, null);
      if (bytesWritten <= 0) throw Object.assign(new Error('write returned no progress'), { code: 'EIO' });
      off += bytesWritten;
    }
    await handle.sync();
    const h = handle;
    handle = null;
    await h.close();
    await files.rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await files.unlink(tmp).catch(() => undefined);
    throw toIoError(e, name);
  }
}
