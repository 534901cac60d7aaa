import { protocol } from 'electron';
import { APP_SCHEME, MEDIA_SCHEME } from './urls.js';

/**
 * Our two privileged schemes. `app://juanzong/` serves the built renderer (a real origin, so
 * 'self' in the CSP, relative URLs and module workers behave as on the web); `juanzong-media://`
 * streams stored pages and files by id. Both must be declared before the app is ready.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    // stream: <video> seeks with Range; corsEnabled: pdf.js fetches files from the app origin.
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
  ]);
}
