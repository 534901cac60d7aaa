import type { FootageOpName } from '../api/contract-footage.js';
import { txFor } from '../archive/audited-change.js';
import { caseFootageCoverage } from '../footage/case-footage-coverage.js';
import { deviceList, registerDevice } from '../footage/device-register.js';
import { decideDisposal, disposalList, requestDisposal } from '../footage/disposal.js';
import { footageToday } from '../footage/footage-lookups.js';
import { ingestFootage } from '../footage/ingest-footage.js';
import { linkClips, unlinkClip } from '../footage/link-clips.js';
import { derivePending, getClip, listClips, retentionDue } from '../footage/list-clips.js';
import { lastFixityAudit, verifyFixity } from '../footage/verify-fixity.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

/** 音像资料: ingest, list and view, links, fixity audits, derivatives, retention and disposal, devices. */
export function footageHandlers(deps: HandlerDeps): HandlerMap<FootageOpName> {
  const { archive: a, footage: f } = deps;
  const tx = (ctx: Parameters<typeof userOf>[0]) => txFor(a, userOf(ctx));
  return {
    'footage.ingest': async (i, ctx) => ingestFootage(deps, userOf(ctx), i),
    'footage.list': async (q) => listClips(a, f, q),
    'footage.get': async ({ id }) => getClip(a, f, id),
    'footage.link': async (i, ctx) => linkClips(deps, userOf(ctx), i),
    'footage.unlink': async ({ linkId, reason }, ctx) => unlinkClip(deps, userOf(ctx), linkId, reason),
    'footage.verify': async (i, ctx) => verifyFixity(deps, userOf(ctx), i),
    'footage.lastAudit': async () => lastFixityAudit(a),
    'footage.retentionDue': async ({ asOf }) => retentionDue(a, f, asOf),
    'footage.coverage': async ({ caseId }) => caseFootageCoverage(a, f.checklist, caseId),
    'footage.checklist': async () => f.checklist,
    'footage.derive': async () => derivePending(a, f),
    'footage.requestDisposal': async (i, ctx) => requestDisposal(a, tx(ctx), i.clipId, i.reason, userOf(ctx).id, f.checklist.retention, footageToday(a, f)),
    'footage.decideDisposal': async (i, ctx) =>
      decideDisposal(a, tx(ctx), i.disposalId, i.approve, i.note ?? null, userOf(ctx).id, f.checklist.retention, footageToday(a, f)),
    'footage.disposals': async ({ clipId }, ctx) => disposalList(a, userOf(ctx).id, clipId),
    'device.register': async (i, ctx) => registerDevice(a.db, tx(ctx), i, userOf(ctx).id, f.timezone(), a.clock.now().toISOString()),
    'device.list': async () => deviceList(a.db),
  };
}
