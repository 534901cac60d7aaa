import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEDIA_KINDS as SHELL_MEDIA_KINDS, MEDIA_SCHEME, parseMediaUrl } from '../../electron/main/urls.js';
import { IPC_CHANNELS } from '../../electron/main/ipc-channels.js';
import { MEDIA_KINDS } from '../../src/app-core.js';
import { CSP as BRIDGE_CSP } from '../../src/bridge/static-files.js';
import { mimeTypeOf, rendererCsp } from '../../src/bridge/web-assets.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

/** `directive → sources` of a CSP string. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('facts the desktop shell shares with the core', () => {
  it('media kinds: the shell parses exactly the kinds the core serves', () => {
    expect([...SHELL_MEDIA_KINDS].sort()).toEqual([...MEDIA_KINDS].sort());
    for (const k of MEDIA_KINDS) expect(parseMediaUrl(`${MEDIA_SCHEME}://${k}/7`)).toEqual({ kind: k, id: 7 });
    expect(parseMediaUrl(`${MEDIA_SCHEME}://thumbs/7`)).toBeNull();
  });

  it('IPC channels: the sandboxed preload repeats the main process names exactly, and uses no other', () => {
    const preload = read('electron/preload/preload.cts');
    for (const [name, value] of Object.entries(IPC_CHANNELS)) {
      expect(preload, name).toContain(`const ${name} = '${value}';`);
    }
    const literals = [...preload.matchAll(/'(juanzong:[a-z-]+)'/g)].map((m) => m[1]);
    expect(literals.sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    // The main process takes its names from the one module, never from literals of its own.
    const ipc = read('electron/main/ipc.ts');
    expect(ipc).toContain("from './ipc-channels.js'");
    expect(ipc).not.toMatch(/=\s*'juanzong:/);
  });

  it('MIME table and CSP: both servers of the renderer take them from src/bridge/web-assets.ts', () => {
    const shell = read('electron/main/app-protocol.ts');
    expect(shell).toContain("'bridge/web-assets.js'");
    expect(shell).not.toMatch(/'text\/javascript|default-src/);
    expect(read('electron/main/urls.ts')).not.toMatch(/default-src|Content-Security-Policy/);
    expect(read('src/bridge/static-files.ts')).not.toMatch(/'text\/javascript|default-src/);

    // Same MIME answers for the files vite builds, whatever the case of the extension.
    expect(mimeTypeOf('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('fonts/x.WOFF2')).toBe('font/woff2');
    expect(mimeTypeOf('pdf.worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('sheet.jpg')).toBe('image/jpeg');
    expect(mimeTypeOf('x.unknown')).toBe('application/octet-stream');
  });

  it('the two CSPs differ only by the desktop media scheme', () => {
    const desktop = directives(rendererCsp(MEDIA_SCHEME));
    const browser = directives(BRIDGE_CSP);
    expect([...desktop.keys()]).toEqual([...browser.keys()]);
    expect(desktop.get('default-src')).toEqual(["'none'"]);
    expect(browser.get('default-src')).toEqual(["'none'"]);
    for (const [name, sources] of desktop) {
      const extra = sources.filter((s) => !browser.get(name)!.includes(s));
      expect(extra, name).toEqual(['img-src', 'media-src', 'connect-src'].includes(name) ? [`${MEDIA_SCHEME}:`] : []);
      expect(
        browser.get(name)!.filter((s) => !sources.includes(s)),
        name,
      ).toEqual([]);
    }
    expect(browser.get('script-src')).not.toContain("'unsafe-eval'");
    expect(browser.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
