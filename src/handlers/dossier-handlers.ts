import type { DossierOpName } from '../api/contract-dossier.js';
import { acknowledgeWarning } from '../dossier/acknowledge-warning.js';
import { runBatch } from '../dossier/batch-seal.js';
import { correctDossier } from '../dossier/correct-dossier.js';
import { caseView, getDossier, sealedSummaries } from '../dossier/dossier-view.js';
import { exportedView } from '../dossier/exported-view.js';
import { reorderDossier } from '../dossier/reorder-dossier.js';
import { sealDossier } from '../dossier/seal-dossier.js';
import { exportWithReport } from '../fourness/export-with-report.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

export type { DossierOptions } from '../dossier/bind-input.js';

/**
 * 立卷/归档: preview (bind live), reorder and acknowledge (recorded on the case's draft version),
 * seal, correct, 简易 batching and export (the filing profiles: profile-handlers.ts). The use cases are in src/dossier/.
 */
export function dossierHandlers(deps: HandlerDeps): HandlerMap<Exclude<DossierOpName, `profile.${string}`>> {
  const { archive: a, dossier: opts } = deps;
  return {
    'dossier.preview': async ({ caseId, profileId }, ctx) => caseView(a, opts, caseId, profileId, ctx.user),
    'dossier.get': async (key, ctx) => getDossier(a, opts, key, ctx.user),
    'dossier.reorder': async (i, ctx) => reorderDossier(deps, userOf(ctx), i),
    'dossier.acknowledge': async (i, ctx) => acknowledgeWarning(deps, userOf(ctx), i),
    'dossier.seal': async (i, ctx) => sealDossier(deps, userOf(ctx), i),
    'dossier.sealedSummaries': async () => sealedSummaries(a),
    'dossier.correct': async ({ dossierId, reason }, ctx) => correctDossier(deps, userOf(ctx), dossierId, reason),
    'dossier.batch': async (i, ctx) => runBatch(a, deps.bus, opts, userOf(ctx), i),
    'dossier.export': async (i, ctx) => exportWithReport(deps, userOf(ctx), exportedView(a, i), i),
  };
}
