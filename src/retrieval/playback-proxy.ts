import type { OpParsedInput } from '../api/contract.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import type { FootageServices } from '../footage/services.js';
import type { Jobs } from '../jobs/jobs.js';
import { assertClipAccess } from './access.js';
import { makeProxy, type ProxyResult, requestProxy } from './proxy.js';

/** The clip.proxy operation: a viewer's playback proxy, made now as a job, or queued in the background. */
export async function playbackProxy(
  d: { archive: Archive; footage: FootageServices; jobs: Jobs },
  user: UserInfo,
  input: OpParsedInput<'clip.proxy'>,
): Promise<ProxyResult> {
  const { archive, footage, jobs } = d;
  assertClipAccess(archive, user, input.clipId, 'view', archive.clock.now());
  if (input.background) return requestProxy(archive, footage.files, user, input.clipId);
  return jobs.run('clip.proxy', { items: 1, bytes: 0 }, input.jobId, (job) => makeProxy(archive, footage.files, user, input.clipId, job.signal));
}
