import type { HandlerDeps } from './deps.js';
import type { HandlerMap } from './types.js';

/** Uploads staged before a document is filed: by path (desktop), by bytes (browser), discarded. */
export function uploadHandlers(deps: HandlerDeps): HandlerMap<'upload.stagePath' | 'upload.stageBytes' | 'upload.discard'> {
  return {
    'upload.stagePath': async ({ path }) => deps.staging.fromPath(path),
    'upload.stageBytes': async ({ name, data }) => deps.staging.fromBytes(name, data),
    'upload.discard': async ({ stagedId }) => (await deps.staging.discard(stagedId), { ok: true as const }),
  };
}
