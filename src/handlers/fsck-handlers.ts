import type { FsckOpName } from '../api/contract-fsck.js';
import { fsckArchive, fsckTotals } from '../fsck/fsck.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

export function fsckHandlers(deps: HandlerDeps): HandlerMap<FsckOpName> {
  return {
    'archive.fsck': async (input, ctx) =>
      deps.jobs.run('archive.fsck', fsckTotals(deps.archive, input.quick), input.jobId, (job) => fsckArchive(deps.archive, userOf(ctx), input, job)),
  };
}
