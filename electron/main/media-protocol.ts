import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import type { AppCore } from '../../src/app-core.js';
import { loadCoreModule } from './core-loader.js';
import { APP_ORIGIN, MEDIA_SCHEME, parseMediaUrl } from './urls.js';
import type { SessionTokenTracker } from './session-token.js';

/**
 * `juanzong-media://page-thumb/<id>` and `juanzong-media://file/<id>`: ids in, never paths. The
 * core resolves the id for the signed-in session; we check the answer still lies inside the
 * archive (symlinks resolved) and stream it with Range support.
 */
export function handleMediaScheme(core: AppCore, tracker: SessionTokenTracker): void {
  const cors = {
    'Access-Control-Allow-Origin': APP_ORIGIN,
    // pdf.js reads these to decide whether it may fetch a document in ranges.
    'Access-Control-Expose-Headers': 'Accept-Ranges, Content-Length, Content-Range',
    'Cache-Control': 'no-store',
    Vary: 'Origin',
  };
  const fail = (status: number, text: string) => new Response(text, { status, headers: { ...cors, 'Content-Type': 'text/plain; charset=utf-8' } });

  // Range answers are the bridge's own code (src/bridge/file-response.ts), loaded from the compiled core.
  const responder = loadCoreModule<typeof import('../../src/bridge/file-response.js')>('bridge/file-response.js');

  protocol.handle(MEDIA_SCHEME, async (request) => {
    const { fileResponse } = await responder;
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405, 'Method not allowed');
    const target = parseMediaUrl(request.url);
    if (target === null) return fail(400, 'Bad media URL');
    const media = core.media(target.kind, target.id, tracker.token);
    if (media === null) return fail(404, 'Not found');
    if ('refused' in media) return fail(media.status, `${media.error.messageZh} / ${media.error.message}`);
    let file: string;
    try {
      file = await realpath(media.path);
      const archive = await realpath(core.archiveDir);
      const rel = path.relative(archive, file);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return fail(404, 'Not found');
    } catch {
      return fail(404, 'Not found');
    }
    try {
      return await fileResponse(file, {
        mediaType: media.mediaType,
        method: request.method,
        range: request.headers.get('range'),
        headers: cors,
        strictRange: media.strictRange ?? false,
      });
    } catch {
      return fail(500, 'Cannot read the stored file');
    }
  });
}
