import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { mimeTypeOf, rendererCsp } from './web-assets.js';

/** The bridge serves media from its own origin (/media/…): the CSP needs no extra scheme. */
export const CSP = rendererCsp();

/** Serves the built renderer (dist-renderer/); unknown paths get index.html (client-side routes). */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    rel = '\0';
  }
  if (rel.includes('\0')) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Malformed path / 路径格式错误');
    return;
  }
  let file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep) && file !== path.resolve(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) file = path.join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The UI is not built: run `npm run build` / 界面尚未构建，请运行 npm run build');
    return;
  }
  const ext = path.extname(file);
  res.writeHead(200, {
    'Content-Type': mimeTypeOf(file),
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': ext === '.html' ? 'no-store' : 'max-age=3600',
  });
  createReadStream(file).pipe(res);
}
