import type { UserInfo } from '../api/types.js';
import type { ClipExportResultInfo } from '../api/types-clip.js';
import type { Archive } from '../archive/archive.js';
import type { FootageServices } from '../footage/services.js';
import type { Jobs } from '../jobs/jobs.js';
import type { ClipExportRequest } from './clip-export.js';

/** Steps an export runs (the job's items): cut, [original], 提取说明.pdf, manifests. */
export function exportStepCount(whole: boolean): number {
  return whole ? 4 : 3;
}

/**
 * clip.export as a job: progress per step (and bytes while copying), cancel through job.cancel. The
 * export module (ffmpeg, the PDF writer) is loaded on first use, not at start-up.
 */
export async function runClipExport(
  s: { archive: Archive; footage: Pick<FootageServices, 'files' | 'pool' | 'timezone'>; jobs: Jobs },
  user: UserInfo,
  req: ClipExportRequest & { jobId?: string | undefined },
  steps: number,
): Promise<ClipExportResultInfo> {
  const { exportClip } = await import('./clip-export.js');
  return s.jobs.run('clip.export', { items: steps, bytes: 0 }, req.jobId, async (job) => {
    let current: string | null = null;
    return exportClip(
      {
        archive: s.archive,
        files: s.footage.files,
        pool: s.footage.pool,
        timezone: s.footage.timezone(),
        signal: job.signal,
        onStep: (step, bytes) => {
          if (current) job.finishItem(current);
          current = step;
          job.startItem(step, bytes);
        },
        onBytes: (n) => job.addBytes(n, current ?? undefined),
      },
      user,
      req,
    ).finally(() => {
      if (current) job.finishItem(current);
    });
  });
}
