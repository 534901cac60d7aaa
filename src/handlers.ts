import { authHandlers } from './handlers/auth-handlers.js';
import { caseHandlers } from './handlers/case-handlers.js';
import type { HandlerDeps } from './handlers/deps.js';
import { documentHandlers } from './handlers/document-handlers.js';
import { dossierHandlers } from './handlers/dossier-handlers.js';
import { miscHandlers } from './handlers/misc-handlers.js';
import type { Handlers } from './handlers/types.js';

/** The single implementation of the contract, assembled from the per-domain handler maps. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...authHandlers(deps),
    ...caseHandlers(deps),
    ...documentHandlers(deps),
    ...miscHandlers(deps),
    ...dossierHandlers(deps),
  } satisfies Handlers;
}
