import type { ClipOpName } from '../api/contract-clip.js';
import { assertClipAccess } from '../retrieval/access.js';
import { exportStepCount, runClipExport } from '../retrieval/clip-export-job.js';
import { makeProxy, proxyStatus, requestProxy } from '../retrieval/proxy.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

/** 复制/提取 and playback proxies: thin map onto the retrieval use cases. */
export function clipHandlers(deps: HandlerDeps): HandlerMap<ClipOpName> {
  const { archive, footage, jobs } = deps;
  return {
    'clip.export': (input, ctx) => runClipExport({ archive, footage, jobs }, userOf(ctx), input, exportStepCount(input.whole)),
    'clip.proxy': async (input, ctx) => {
      const user = userOf(ctx);
      assertClipAccess(archive, user, input.clipId, 'view', archive.clock.now());
      if (input.background) return requestProxy(archive, footage.files, user, input.clipId);
      return jobs.run('clip.proxy', { items: 1, bytes: 0 }, input.jobId, (job) => makeProxy(archive, footage.files, user, input.clipId, job.signal));
    },
    'clip.proxyStatus': async (input) => proxyStatus(archive, input.clipId),
  };
}
