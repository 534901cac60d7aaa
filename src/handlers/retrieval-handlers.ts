import type { RetrievalOpName } from '../api/contract-retrieval.js';
import { listGrants } from '../retrieval/grant-list.js';
import { revokeGrant } from '../retrieval/grants.js';
import { retrievalLog } from '../retrieval/log.js';
import { addMark, listMarks } from '../retrieval/marks.js';
import { writeRegisterPdf } from '../retrieval/register-pdf.js';
import { decideRequest, fileRequest, listRequests } from '../retrieval/requests.js';
import { viewEnd, viewProgress, viewStart } from '../retrieval/views.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

/** 调阅: requests and grants, playback sessions, the log and its 登记表, marks. */
export function retrievalHandlers(deps: HandlerDeps): HandlerMap<RetrievalOpName> {
  const a = deps.archive;
  return {
    'retrieval.request': async (i, ctx) => fileRequest(a, userOf(ctx), i),
    'retrieval.approve': async (i, ctx) => decideRequest(a, userOf(ctx), i.id, true, i.comment),
    'retrieval.reject': async (i, ctx) => decideRequest(a, userOf(ctx), i.id, false, i.comment),
    'retrieval.revoke': async (i, ctx) => (revokeGrant(a, userOf(ctx), i.grantId, i.reason), { ok: true as const }),
    'retrieval.list': async (i, ctx) => listRequests(a, userOf(ctx), i),
    'retrieval.grants': async (i, ctx) => listGrants(a, userOf(ctx), i),
    'retrieval.viewStart': async (i, ctx) => viewStart(a, userOf(ctx), i.clipId),
    'retrieval.viewProgress': async (i, ctx) => viewProgress(a, userOf(ctx), i.viewId, i.segments),
    'retrieval.viewEnd': async (i, ctx) => viewEnd(a, userOf(ctx), i.viewId, i.segments),
    'retrieval.log': async (i, ctx) => retrievalLog(a, userOf(ctx), i),
    'retrieval.registerPdf': async (i, ctx) => writeRegisterPdf(a, deps.footage.files, userOf(ctx), { ...i, resourcesDir: deps.dossier.resourcesDir }),
    'retrieval.mark': async (i, ctx) => addMark(a, userOf(ctx), i.clipId, i.second, i.note),
    'retrieval.marks': async (i) => listMarks(a, i.clipId),
  };
}
