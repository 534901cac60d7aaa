import { stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { loadCoreModule } from './core-loader.js';
import { APP_HOST, APP_SCHEME, CSP } from './urls.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves the built renderer (dist-renderer/) at app://juanzong/, with our CSP on every answer. */
export function handleAppScheme(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  const responder = loadCoreModule<typeof import('../../src/bridge/file-response.js')>('bridge/file-response.js');
  protocol.handle(APP_SCHEME, async (request) => {
    const { fileResponse } = await responder;
    const file = await resolveFile(root, request.url);
    if (file === null || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404, headers: { 'Content-Security-Policy': CSP } });
    }
    return fileResponse(file, {
      mediaType: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
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
