import type { HandlerDeps } from './deps.js';
import type { HandlerMap } from './types.js';

export function jobHandlers(deps: HandlerDeps): HandlerMap<'job.cancel'> {
  return { 'job.cancel': async ({ jobId }) => ({ ok: deps.jobs.cancel(jobId) }) };
}
