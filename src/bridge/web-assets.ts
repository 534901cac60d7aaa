import path from 'node:path';

/**
 * How the built renderer is served, for both servers of it: the desktop shell's app:// handler
 * (electron/main/app-protocol.ts, which loads this compiled module at run time) and the loopback
 * HTTP bridge (static-files.ts). One MIME table and one Content-Security-Policy, so the browser UI
 * and the desktop window run the same page under the same rules.
 */
export const MIME_TYPES: Readonly<Record<string, string>> = {
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

/** The media type of a renderer file by its extension (any case); unknown ones are opaque bytes. */
export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The renderer's Content-Security-Policy, sent as a header with every answer (documents and workers
 * alike). Nothing is allowed by default. 'unsafe-inline' for styles only: Ant Design injects its
 * CSS-in-JS at run time. 'wasm-unsafe-eval' lets pdf.js run its WebAssembly decoders; no JavaScript
 * eval. `mediaScheme` is the desktop shell's `juanzong-media:` (stored pages and clips by id); the
 * HTTP bridge serves media from its own origin (/media/…), so it passes none.
 */
export function rendererCsp(mediaScheme?: string): string {
  const media = mediaScheme ? ` ${mediaScheme}:` : '';
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media}`,
    `media-src 'self' blob:${media}`,
    `connect-src 'self'${media}`,
    "font-src 'self' data:",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
