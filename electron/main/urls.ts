import type { MediaKind } from '../../src/app-core.js';

/**
 * Our URLs, and the pure checks on them (no Electron here, so they are unit-tested). `app://juanzong/`
 * serves the built renderer; `juanzong-media://<kind>/<id>` streams stored pages and files by id.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'juanzong';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
export const MEDIA_SCHEME = 'juanzong-media';

/**
 * The renderer's Content-Security-Policy, sent as a header with every app:// response (documents
 * and workers alike). 'unsafe-inline' for styles only: Ant Design injects its CSS-in-JS at run
 * time. 'wasm-unsafe-eval' lets pdf.js run its WebAssembly decoders; no JavaScript eval.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${MEDIA_SCHEME}:`,
  `media-src 'self' blob: ${MEDIA_SCHEME}:`,
  `connect-src 'self' ${MEDIA_SCHEME}:`,
  "font-src 'self' data:",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True for URLs of our own renderer (the only pages our window may show). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

const MEDIA_KINDS: readonly MediaKind[] = ['page-thumb', 'file', 'clip-thumb', 'clip-sheet'];

/** `juanzong-media://<kind>/<id>` → { kind, id }, or null for anything else. */
export function parseMediaUrl(url: string): { kind: MediaKind; id: number } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const kind = MEDIA_KINDS.find((k) => k === u.host);
  const m = /^\/([1-9]\d{0,14})\/?$/.exec(u.pathname);
  if (kind === undefined || m === null || m[1] === undefined) return null;
  return { kind, id: Number(m[1]) };
}
