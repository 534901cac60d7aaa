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

/** True for URLs of our own renderer (the only pages our window may show). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The core's MEDIA_KINDS (src/app-core.ts), repeated because this check runs synchronously in the
 * shell, which only loads the compiled core at run time. `satisfies` refuses a kind the core does not
 * have; tests/unit/shell-shared-facts.test.ts fails when the two lists differ.
 */
export const MEDIA_KINDS = ['page-thumb', 'file', 'clip-thumb', 'clip-sheet', 'clip', 'clip-proxy'] as const satisfies readonly MediaKind[];
/** Compile-time: a kind the core adds and this list lacks makes this `false` and the line fail. */
const everyCoreKind: [Exclude<MediaKind, (typeof MEDIA_KINDS)[number]>] extends [never] ? true : false = true;
void everyCoreKind;

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
