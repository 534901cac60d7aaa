import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_JSON_BYTES } from '../../src/bridge/body-limit.js';
import { probeBridge } from './bridge-harness.js';

type Probe = Awaited<ReturnType<typeof probeBridge>>;

/** A raw request (fetch would refuse to send some of these), answered with status and body. */
function raw(port: number, opts: { method: string; path: string; headers: Record<string, string>; body?: Buffer | (() => AsyncIterable<Buffer>) }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method, path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const body = opts.body;
    if (typeof body === 'function') {
      void (async () => {
        try {
          for await (const c of body()) if (!req.write(c)) await new Promise((r) => req.once('drain', r));
        } catch {
          /* the server closed after answering */
        }
        req.end();
      })();
    } else req.end(body);
  });
}

describe('bridge probe: malformed and oversized requests are answered, never a 500 or a reset', () => {
  let p: Probe;
  afterEach(async () => p.close());

  it('a JSON body over the limit: 413 naming the operation, declared or streamed', async () => {
    p = await probeBridge();
    const t = await p.accounts({});
    const headers = { ...p.launch, 'Content-Type': 'application/json', Authorization: `Bearer ${t.admin}` };
    const declared = await raw(p.bridge.port, {
      method: 'POST',
      path: '/api/case.create',
      headers: { ...headers, 'Content-Length': String(MAX_JSON_BYTES + 1) },
      body: () =>
        (async function* () {
          yield Buffer.alloc(1024, 0x20);
        })(),
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatchObject({ code: 'too_large', item: 'case.create', messageZh: 'case.create：请求内容超过 10 MiB 上限' });
    const chunked = await raw(p.bridge.port, {
      method: 'POST',
      path: '/api/case.create',
      headers: { ...headers, 'Transfer-Encoding': 'chunked' },
      body: () =>
        (async function* () {
          for (let i = 0; i < 12; i++) yield Buffer.alloc(1024 * 1024, 0x20);
        })(),
    });
    expect(chunked.status).toBe(413);
    expect(p.core.archive.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
  });

  it('an upload over the declared limit: 413 before a byte is stored', async () => {
    p = await probeBridge();
    const t = await p.accounts({});
    const r = await raw(p.bridge.port, {
      method: 'POST',
      path: '/upload?name=scan.pdf',
      headers: { ...p.launch, Authorization: `Bearer ${t.admin}`, 'Content-Length': String(2 * 1024 * 1024 * 1024) },
      body: () =>
        (async function* () {
          yield Buffer.alloc(64 * 1024);
        })(),
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('too_large');
  });

  it('malformed %-escapes in the path and malformed cookies: 400 or ignored, not 500', async () => {
    p = await probeBridge();
    const t = await p.accounts({});
    for (const path of ['/%E0%A4%A', '/%', '/a%00b', '/media/file/%zz']) {
      const r = await raw(p.bridge.port, { method: 'GET', path, headers: p.launch });
      expect(r.status, path).toBeLessThan(500);
    }
    const bad = await raw(p.bridge.port, { method: 'GET', path: '/%E0%A4%A', headers: p.launch });
    expect(bad.status).toBe(400);
    const cookie = await raw(p.bridge.port, {
      method: 'POST',
      path: '/api/auth.me',
      headers: { ...p.launch, 'Content-Type': 'application/json', Cookie: 'jz_session=%E0%A4%A; other=%%%', Authorization: `Bearer ${t.admin}` },
      body: Buffer.from('{}'),
    });
    expect(cookie.status).toBe(200);
    const cookieOnly = await raw(p.bridge.port, {
      method: 'POST',
      path: '/api/auth.me',
      headers: { ...p.launch, 'Content-Type': 'application/json', Cookie: 'jz_session=%E0%A4%A' },
      body: Buffer.from('{}'),
    });
    expect(cookieOnly.status).toBe(401);
  });
});
