import type { Archive } from '../archive/archive.js';
import { recordView, type ViewRecord } from '../archive/view-audit.js';
import type { OpName, OpOutput } from '../api/contract.js';
import type { Handler, Handlers } from './types.js';

/**
 * The detail reads that are views of evidence: after the read succeeds, an audit entry names who
 * read what (coalesced per user and object, src/archive/view-audit.ts). A failed read records nothing.
 */
const DETAIL_READS: { [N in OpName]?: (out: OpOutput<N>) => ViewRecord | null } = {
  'case.get': (c) => ({ action: 'case.view', targetType: 'case', targetId: c.id, detail: { caseNo: c.caseNo } }),
  'footage.get': (c) => ({ action: 'footage.view', targetType: 'clip', targetId: c.id, detail: { name: c.originalName } }),
  'dossier.get': dossierView,
  'dossier.preview': dossierView,
};

function dossierView(d: OpOutput<'dossier.get'>): ViewRecord | null {
  if (d.caseId !== null) return { action: 'dossier.view', targetType: 'case', targetId: d.caseId, detail: { caseNo: d.caseNo, dossierId: d.dossierId } };
  if (d.dossierId !== null) return { action: 'dossier.view', targetType: 'dossier', targetId: d.dossierId };
  return null;
}

/** `handlers` with every detail read recorded as a view. */
export function withViewRecords(handlers: Handlers, archive: Archive): Handlers {
  const out = { ...handlers } as Record<OpName, Handler<OpName>>;
  for (const name of Object.keys(DETAIL_READS) as OpName[]) {
    const inner = handlers[name] as Handler<OpName>;
    const toRecord = DETAIL_READS[name] as (o: unknown) => ViewRecord | null;
    out[name] = async (input, ctx) => {
      const value = await inner(input, ctx);
      const v = ctx.user ? toRecord(value) : null;
      if (v && ctx.user) recordView(archive, ctx.user, v);
      return value;
    };
  }
  return out as Handlers;
}
