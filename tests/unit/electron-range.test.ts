import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveDirFrom, DEFAULT_ARCHIVE_NAME } from '../../electron/main/archive-location.js';
import { fileResponse } from '../../src/bridge/file-response.js';
import { contentRange, parseRange, unsatisfiedRange } from '../../src/bridge/http-range.js';
import { SessionTokenTracker } from '../../electron/main/session-token.js';
import { isAppUrl, parseMediaUrl } from '../../electron/main/urls.js';

// The pure parts of the Electron shell (no Electron binary needed): Range parsing, the file
// answer the media scheme streams, and the URL / session / archive-location rules around it.

describe('parseRange', () => {
  const size = 1000;
  it.each([
    [null, { kind: 'full' }],
    ['', { kind: 'full' }],
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=500-', { kind: 'partial', start: 500, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=0-', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=990-5000', { kind: 'partial', start: 990, end: 999 }],
    ['bytes=999-999', { kind: 'partial', start: 999, end: 999 }],
    ['BYTES = 10 - 20', { kind: 'partial', start: 10, end: 20 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=1000-1001', { kind: 'unsatisfiable' }],
    ['bytes=99999999999999999999-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    // Ignored (answered with the whole file): malformed, other units, several ranges, reversed.
    ['bytes=abc', { kind: 'full' }],
    ['bytes=-', { kind: 'full' }],
    ['items=0-5', { kind: 'full' }],
    ['bytes=0-1,5-6', { kind: 'full' }],
    ['bytes=20-10', { kind: 'full' }],
    ['bytes=-1-2', { kind: 'full' }],
  ] as const)('%j', (header, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it('treats every range of an empty file as unsatisfiable', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange(undefined, 0)).toEqual({ kind: 'full' });
  });

  it('formats Content-Range', () => {
    expect(contentRange(0, 99, 1000)).toBe('bytes 0-99/1000');
    expect(unsatisfiedRange(1000)).toBe('bytes */1000');
  });
});

describe('fileResponse on real files', () => {
  let dir: string;
  let file: string;
  let empty: string;
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jz-range-'));
    file = path.join(dir, 'clip 视频.bin');
    empty = path.join(dir, 'empty.bin');
    writeFileSync(file, bytes);
    writeFileSync(empty, Buffer.alloc(0));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (f: string, range: string | null, method = 'GET') =>
    fileResponse(f, { mediaType: 'video/mp4', method, range, headers: { 'Cache-Control': 'no-store' } });

  it('answers a plain request with 200 and the whole file', async () => {
    const res = await get(file, null);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('4096');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-range')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers a range with 206 and exactly those bytes', async () => {
    const res = await get(file, 'bytes=100-1123');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-1123/4096');
    expect(res.headers.get('content-length')).toBe('1024');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(100, 1124))).toBe(true);
  });

  it('answers a suffix range with the tail of the file', async () => {
    const res = await get(file, 'bytes=-10');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 4086-4095/4096');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(4086))).toBe(true);
  });

  it('answers a range past the end with 416 and the size', async () => {
    const res = await get(file, 'bytes=4096-');
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */4096');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('sends headers only for HEAD', async () => {
    const res = await get(file, 'bytes=0-9', 'HEAD');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-length')).toBe('10');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('serves an empty file with 200 and no body', async () => {
    const res = await get(empty, null);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('0');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    expect((await get(empty, 'bytes=0-')).status).toBe(416);
  });

  it('rejects a missing file', async () => {
    await expect(get(path.join(dir, 'nope.bin'), null)).rejects.toThrow();
  });
});

describe('media and app URLs', () => {
  it('takes ids, never paths', () => {
    expect(parseMediaUrl('juanzong-media://page-thumb/12')).toEqual({ kind: 'page-thumb', id: 12 });
    expect(parseMediaUrl('juanzong-media://file/7/')).toEqual({ kind: 'file', id: 7 });
    for (const bad of [
      'juanzong-media://file/0',
      'juanzong-media://file/-1',
      'juanzong-media://file/1.5',
      'juanzong-media://file/../../etc/passwd',
      'juanzong-media://file/%31',
      'juanzong-media://file/..%2f..%2fetc',
      'juanzong-media://file//etc/passwd',
      'juanzong-media://file/1/2',
      'juanzong-media://other/1',
      'juanzong-media://file/9999999999999999',
      'juanzong-media:///etc/passwd',
      'not a url',
    ]) {
      expect(parseMediaUrl(bad), bad).toBeNull();
    }
  });

  it('recognises only our own app origin', () => {
    expect(isAppUrl('app://juanzong/index.html')).toBe(true);
    expect(isAppUrl('app://juanzong/#/cases/3')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://juanzong/index.html')).toBe(false);
    expect(isAppUrl('file:///work/dist-renderer/index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('SessionTokenTracker', () => {
  const session = { ok: true, value: { token: 'tok-1', user: { id: 1 } } };
  it('learns the token from login and setup, forgets it on logout', () => {
    const t = new SessionTokenTracker();
    t.observe('auth.login', session, undefined);
    expect(t.token).toBe('tok-1');
    t.observe('auth.logout', { ok: true, value: { ok: true } }, 'tok-1');
    expect(t.token).toBeUndefined();
    t.observe('auth.setup', { ok: true, value: { token: 'tok-2' } }, undefined);
    expect(t.token).toBe('tok-2');
  });

  it('ignores failed logins and other operations, drops an expired session', () => {
    const t = new SessionTokenTracker();
    t.observe('auth.login', { ok: false, error: { code: 'bad_credentials' } }, undefined);
    t.observe('case.get', { ok: true, value: { token: 'not-a-session' } }, undefined);
    expect(t.token).toBeUndefined();
    t.observe('auth.login', session, undefined);
    t.observe('case.list', { ok: false, error: { code: 'unauthenticated' } }, 'someone-else');
    expect(t.token).toBe('tok-1');
    t.observe('case.list', { ok: false, error: { code: 'unauthenticated' } }, 'tok-1');
    expect(t.token).toBeUndefined();
  });
});

describe('archiveDirFrom', () => {
  const docs = path.join(path.sep, 'home', 'u', 'Documents');
  const cwd = path.join(path.sep, 'work');
  it('prefers --archive, then JUANZONG_ARCHIVE, then the documents folder', () => {
    expect(archiveDirFrom(['electron', '.', '--archive', 'a'], { JUANZONG_ARCHIVE: '/e' }, docs, cwd)).toBe(path.join(cwd, 'a'));
    expect(archiveDirFrom(['electron', '.', '--archive=/abs/b'], {}, docs, cwd)).toBe(path.resolve('/abs/b'));
    expect(archiveDirFrom(['electron', '.'], { JUANZONG_ARCHIVE: '/e' }, docs, cwd)).toBe(path.resolve('/e'));
    expect(archiveDirFrom(['electron', '.', '--archive'], { JUANZONG_ARCHIVE: ' ' }, docs, cwd)).toBe(path.join(docs, DEFAULT_ARCHIVE_NAME));
  });
});
