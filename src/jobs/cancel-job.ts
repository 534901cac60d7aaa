import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { WRITERS } from '../domain/roles.js';
import type { Jobs } from './jobs.js';

/**
 * Cancels a running job: only the user who started it, or an administrator — and work no user
 * started (background OCR, thumbnails after a restart) also by the writers, who see its progress
 * (event-audience.ts); audited with who cancelled whose job. An unknown (or finished) job answers
 * `{ ok: false }`, as before.
 */
export function cancelJob(archive: Archive, jobs: Jobs, user: UserInfo, jobId: string): { ok: boolean } {
  const job = jobs.get(jobId);
  if (!job) return { ok: false };
  const background = job.ownerId === null && WRITERS.includes(user.role);
  if (job.ownerId !== user.id && user.role !== 'admin' && !background) {
    throw new AppError(
      'forbidden',
      `job ${jobId} was started by someone else; only they or an administrator may cancel it`,
      '该任务由他人发起，只有发起人或管理员可以取消',
      {
        item: jobId,
      },
    );
  }
  return change(archive, user, () => ({
    value: { ok: jobs.cancel(jobId) },
    audit: [{ action: 'job.cancel', targetType: 'job', targetId: jobId, detail: { op: job.op, ownerId: job.ownerId } }],
  }));
}
