import { stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { loadCoreModule } from './core-loader.js';
import { APP_HOST, APP_SCHEME, MEDIA_SCHEME } from './urls.js';

/**
 * Serves the built renderer (dist-renderer/) at app://juanzong/, with our CSP on every answer. The
 * MIME table and the CSP are the core's (src/bridge/web-assets.ts, shared with the HTTP bridge),
 * loaded compiled at run time like the file responder.
 */
export function handleAppScheme(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  const responder = loadCoreModule<typeof import('../../src/bridge/file-response.js')>('bridge/file-response.js');
  const assets = loadCoreModule<typeof import('../../src/bridge/web-assets.js')>('bridge/web-assets.js').then((m) => ({
    mimeTypeOf: m.mimeTypeOf,
    csp: m.rendererCsp(MEDIA_SCHEME),
  }));
  protocol.handle(APP_SCHEME, async (request) => {
    const { fileResponse } = await responder;
    const { mimeTypeOf, csp: CSP } = await assets;
    const file = await resolveFile(root, request.url);
    if (file === null || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404, headers: { 'Content-Security-Policy': CSP } });
    }
    return fileResponse(file, {
      mediaType: mimeTypeOf(file),
      method: request.method,
      range: request.headers.get('range'),
      headers: { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' },
    });
  });
}

/** The file under `root` an app:// URL names; unknown extension-less paths fall back to index.html. */
async function resolveFile(root: string, url: string): Promise<string | null> {
  let rel: string;
  try {
    const u = new URL(url);
    if (u.host !== APP_HOST) return null;
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${rel}`);
  const inside = path.relative(root, file);
  if (inside.startsWith('..') || path.isAbsolute(inside) || file.includes('\0')) return null;
  if (await isFile(file)) return file;
  if (path.extname(file) === '') {
    const index = path.join(root, 'index.html');
    if (await isFile(index)) return index;
  }
  return null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
