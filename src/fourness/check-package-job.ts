import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { FournessPackageInput } from '../api/contract-fourness.js';
import type { FournessReport } from '../api/types-fourness.js';
import type { UserInfo } from '../api/types.js';
import type { FootageDeps } from '../footage/footage-deps.js';
import { checkPackage } from './check-package.js';
import { readPackageFiles } from './package-files.js';

/** `fourness.checkPackage` as a job (progress by file, cancel): a package someone hands in, checked in place; nothing is written. */
export async function checkPackageJob(d: FootageDeps, user: UserInfo, input: FournessPackageInput): Promise<FournessReport> {
  if (!path.isAbsolute(input.dir))
    throw new AppError('invalid_input', `dir: ${input.dir} is not an absolute folder path`, `移交包位置：${input.dir} 不是完整（绝对）的文件夹路径`, {
      item: 'dir',
    });
  const count = await readPackageFiles(input.dir)
    .then((p) => p.files.length)
    .catch(() => 0);
  return d.jobs.run('fourness.checkPackage', { items: count, bytes: 0 }, input.jobId, async (job) => {
    let done = 0;
    const r = await checkPackage(input.dir, {
      pool: d.footage.pool,
      signal: job.signal,
      checkedBy: user.displayName,
      now: () => d.archive.clock.now(),
      onFile: (n, _t, name) => {
        for (; done < n; done++) job.finishItem();
        job.startItem(name);
      },
    });
    return r.report;
  });
}
