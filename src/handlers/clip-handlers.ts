import type { ClipOpName } from '../api/contract-clip.js';
import { exportStepCount, runClipExport } from '../retrieval/clip-export-job.js';
import { playbackProxy } from '../retrieval/playback-proxy.js';
import { proxyStatus } from '../retrieval/proxy.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

/** 复制/提取 and playback proxies: thin map onto the retrieval use cases. */
export function clipHandlers(deps: HandlerDeps): HandlerMap<ClipOpName> {
  const { archive, footage, jobs } = deps;
  return {
    'clip.export': (input, ctx) => runClipExport({ archive, footage, jobs }, userOf(ctx), input, exportStepCount(input.whole)),
    'clip.proxy': async (input, ctx) => playbackProxy(deps, userOf(ctx), input),
    'clip.proxyStatus': async (input) => proxyStatus(archive, input.clipId),
  };
}
