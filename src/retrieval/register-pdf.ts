import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { RegisterPdfResult } from '../api/types-retrieval.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import type { FilePort } from '../ports/file-port.js';
import { writeReportPdf } from '../pdf/report/write-report.js';
import { retrievalLog } from './log.js';
import { registerReport } from './register-report.js';
import { archiveZone } from './times.js';

/** Writes the 调阅登记表 for [from, to] as PDF/A to `target` (an absolute .pdf path). Audited. */
export async function writeRegisterPdf(
  archive: Archive,
  files: FilePort,
  user: UserInfo,
  p: { from: string; to: string; target: string; resourcesDir?: string },
): Promise<RegisterPdfResult> {
  if (!path.isAbsolute(p.target) || !p.target.toLowerCase().endsWith('.pdf'))
    throw new AppError('invalid_input', `${p.target}: give an absolute path ending in .pdf`, `${p.target}：请给出以 .pdf 结尾的完整路径`, { item: p.target });
  const log = retrievalLog(archive, user, { from: p.from, to: p.to });
  const doc = registerReport({
    archiveName: archive.meta.get('name') ?? '卷宗档案库',
    timezone: archiveZone(archive),
    fromLabel: p.from,
    toLabel: p.to,
    log,
    by: user,
    createdAt: archive.clock.now(),
  });
  const w = await writeReportPdf(files, p.target, doc, p.resourcesDir ? { resourcesDir: p.resourcesDir } : {});
  change(archive, user, () => ({
    value: undefined,
    audit: [
      {
        action: 'retrieval.register',
        targetType: 'report',
        targetId: path.basename(w.path),
        detail: { from: p.from, to: p.to, sha256: w.sha256, sm3: w.sm3, pages: w.pages },
      },
    ],
  }));
  return { ...w, sessions: log.views.length };
}
