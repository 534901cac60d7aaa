import { auditEntries } from '../audit/audit-entries.js';
import type { HandlerDeps } from './deps.js';
import type { HandlerMap } from './types.js';

export function auditHandlers(deps: HandlerDeps): HandlerMap<'audit.list' | 'audit.verify'> {
  return {
    'audit.list': async (q) => auditEntries(deps.archive.audit, q),
    'audit.verify': async () => deps.archive.audit.verify(),
  };
}
