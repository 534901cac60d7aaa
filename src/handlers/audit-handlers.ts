import { exportAudit } from '../audit-view/audit-export.js';
import { listAudit } from '../audit-view/audit-list.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

export function auditHandlers(deps: HandlerDeps): HandlerMap<'audit.list' | 'audit.verify' | 'audit.export'> {
  return {
    'audit.list': async (q) => listAudit(deps.archive, q),
    'audit.export': async (i, ctx) => exportAudit(deps.archive, deps.footage.files, userOf(ctx), { ...i, resourcesDir: deps.dossier.resourcesDir }),
    'audit.verify': async () => deps.archive.audit.verify(),
  };
}
