import type { FournessOpName } from '../api/contract-fourness.js';
import { checkArchive } from '../fourness/check-archive.js';
import { checkPackageJob } from '../fourness/check-package-job.js';
import { latestFourness } from '../fourness/results.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

/** 四性检测: a package handed in, the whole archive, the latest result of a dossier or the archive. */
export function fournessHandlers(deps: HandlerDeps): HandlerMap<FournessOpName> {
  return {
    'fourness.checkPackage': async (i, ctx) => checkPackageJob(deps, userOf(ctx), i),
    'fourness.checkArchive': async (i, ctx) => checkArchive(deps, userOf(ctx), i),
    'fourness.latest': async ({ dossierId }) => ({
      latest: latestFourness(deps.archive, dossierId === undefined ? { type: 'archive', id: 0 } : { type: 'dossier', id: dossierId }),
    }),
  };
}
