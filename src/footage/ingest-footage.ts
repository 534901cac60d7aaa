import path from 'node:path';
import type { OpOutput, OpParsedInput } from '../api/contract.js';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import { txFor } from '../archive/audited-change.js';
import { assertCaseOpen } from '../cases/sealed-guard.js';
import type { FootageDeps } from './footage-deps.js';
import { activityName, caseIdOf, officerOf } from './footage-lookups.js';
import { runIngest } from './ingest-run.js';

/** 入库: one folder of a camera or a station, linked to a case / officer / activity when named; derivatives now or in the background. */
export async function ingestFootage(d: FootageDeps, user: UserInfo, input: OpParsedInput<'footage.ingest'>): Promise<OpOutput<'footage.ingest'>> {
  const { archive, footage } = d;
  // The caller's working folder is not the core's (a browser tab, the Electron renderer): only a full path is unambiguous.
  if (!path.isAbsolute(input.source))
    throw new AppError('invalid_input', `source: ${input.source} is not an absolute folder path`, `来源文件夹：${input.source} 不是完整（绝对）的文件夹路径`, {
      item: 'source',
    });
  const caseId = caseIdOf(archive, input);
  if (caseId !== null) assertCaseOpen(archive, caseId, input.caseNo);
  const officer = officerOf(archive, input.certNo);
  const report = await runIngest(
    {
      archive,
      footage,
      jobs: d.jobs,
      tx: txFor(archive, user),
      systemTx: txFor(archive, null),
      userId: user.id,
      now: () => archive.clock.now().toISOString(),
    },
    {
      source: input.source,
      caseId,
      officerId: officer?.id ?? null,
      certNo: input.certNo ?? null,
      activity: activityName(footage.checklist, input.activity),
      jobId: input.jobId,
    },
  );
  if (input.derive === 'background') footage.derive.enqueue(report.clipIds);
  if (caseId !== null) d.bus.emit({ type: 'case.changed', caseId });
  return report;
}
