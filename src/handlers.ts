import { authHandlers } from './handlers/auth-handlers.js';
import { caseHandlers } from './handlers/case-handlers.js';
import type { HandlerDeps } from './handlers/deps.js';
import { documentHandlers } from './handlers/document-handlers.js';
import { dossierHandlers } from './handlers/dossier-handlers.js';
import { profileHandlers } from './handlers/profile-handlers.js';
import { footageHandlers } from './handlers/footage-handlers.js';
import { officerHandlers } from './handlers/officer-handlers.js';
import { reviewCheckHandlers } from './handlers/review-check-handlers.js';
import { auditHandlers } from './handlers/audit-handlers.js';
import { jobHandlers } from './handlers/job-handlers.js';
import { uploadHandlers } from './handlers/upload-handlers.js';
import { searchHandlers } from './handlers/search-handlers.js';
import { reviewHandlers } from './handlers/review-handlers.js';
import { retrievalHandlers } from './handlers/retrieval-handlers.js';
import { clipHandlers } from './handlers/clip-handlers.js';
import { fsckHandlers } from './handlers/fsck-handlers.js';
import { backupHandlers } from './handlers/backup-handlers.js';
import { ocrHandlers } from './handlers/ocr-handlers.js';
import { fournessHandlers } from './handlers/fourness-handlers.js';
import type { HandlerMap } from './handlers/types.js';
import type { OpName } from './api/contract.js';

/** Every operation of the contract, assembled from the per-namespace handler maps (one line each). */
export function createHandlers(deps: HandlerDeps): HandlerMap<OpName> {
  return {
    ...authHandlers(deps),
    ...caseHandlers(deps),
    ...documentHandlers(deps),
    ...uploadHandlers(deps),
    ...auditHandlers(deps),
    ...jobHandlers(deps),
    ...dossierHandlers(deps),
    ...profileHandlers(deps),
    ...footageHandlers(deps),
    ...searchHandlers(deps),
    ...reviewHandlers(deps),
    ...retrievalHandlers(deps),
    ...officerHandlers(deps),
    ...reviewCheckHandlers(deps),
    ...clipHandlers(deps),
    ...fsckHandlers(deps),
    ...backupHandlers(deps),
    ...ocrHandlers(deps),
    ...fournessHandlers(deps),
  } satisfies HandlerMap<OpName>;
}
