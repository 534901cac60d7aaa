import { authHandlers } from './handlers/auth-handlers.js';
import { caseHandlers } from './handlers/case-handlers.js';
import type { HandlerDeps } from './handlers/deps.js';
import { documentHandlers } from './handlers/document-handlers.js';
import { type DossierOptions, dossierHandlers } from './handlers/dossier-handlers.js';
import { miscHandlers } from './handlers/misc-handlers.js';
import type { HandlerMap } from './handlers/types.js';
import type { OpName } from './api/contract.js';
import type { FootageOpName } from './api/contract-footage.js';

/**
 * The single implementation of the contract, assembled from the per-domain handler maps.
 * Every operation but footage's, whose handlers also need the footage services (digest workers,
 * thumbnail queue); app-core.ts adds `footageHandlers` beside these.
 */
export function createHandlers(deps: HandlerDeps, dossier: DossierOptions = {}): HandlerMap<Exclude<OpName, FootageOpName>> {
  return {
    ...authHandlers(deps),
    ...caseHandlers(deps),
    ...documentHandlers(deps),
    ...miscHandlers(deps),
    ...dossierHandlers(deps, dossier),
  } satisfies HandlerMap<Exclude<OpName, FootageOpName>>;
}
