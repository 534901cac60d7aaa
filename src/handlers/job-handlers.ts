import { cancelJob } from '../jobs/cancel-job.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

export function jobHandlers(deps: HandlerDeps): HandlerMap<'job.cancel'> {
  return { 'job.cancel': async ({ jobId }, ctx) => cancelJob(deps.archive, deps.jobs, userOf(ctx), jobId) };
}
