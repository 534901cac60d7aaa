import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bridgeClient, ok } from '../contract/clients.js';
import { scanJpeg } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';

type Client = Awaited<ReturnType<typeof bridgeClient>>;

/** A raw HTTP request, so tests can send the Host/Origin headers a browser would. */
function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('HTTP bridge', () => {
  let c: Client;
  beforeEach(async () => {
    c = await bridgeClient(path.join(tmpDir(), 'a'));
  });
  afterEach(async () => c.close());

  it('listens on loopback only', () => {
    const addr = c.bridge.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('rejects requests without the launch token', async () => {
    const r = await raw(c.bridge.port, { method: 'POST', path: '/api/auth.status', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(403);
  });

  it('trades the launch token in the URL for an HttpOnly SameSite cookie', async () => {
    const r = await raw(c.bridge.port, { path: `/?launch=${c.bridge.launchToken}` });
    expect(r.status).toBe(302);
    expect(String(r.headers['set-cookie'])).toMatch(/jz_launch=.*HttpOnly; SameSite=Strict/);
    const wrong = await raw(c.bridge.port, { path: '/?launch=nope' });
    expect(wrong.status).toBe(403);
  });

  it('rejects a foreign Host (DNS rebinding) and a foreign Origin (another web page)', async () => {
    const launch = { 'x-juanzong-launch': c.bridge.launchToken, 'content-type': 'application/json' };
    const rebind = await raw(c.bridge.port, {
      method: 'POST',
      path: '/api/auth.status',
      headers: { ...launch, host: `evil.example:${c.bridge.port}` },
      body: '{}',
    });
    expect(rebind.status).toBe(403);
    const csrf = await raw(c.bridge.port, { method: 'POST', path: '/api/auth.status', headers: { ...launch, origin: 'http://evil.example' }, body: '{}' });
    expect(csrf.status).toBe(403);
    const same = await raw(c.bridge.port, {
      method: 'POST',
      path: '/api/auth.status',
      headers: { ...launch, origin: `http://127.0.0.1:${c.bridge.port}` },
      body: '{}',
    });
    expect(same.status).toBe(200);
  });

  it('does not expose path-taking operations over HTTP', async () => {
    c.token = ok(await c.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' })).token;
    const r = await c.call('upload.stagePath', { path: '/etc/passwd' });
    expect(r.ok ? null : r.error.code).toBe('transport_not_allowed');
  });

  it('serves media by id to a signed-in session only, with Range (206) and 416', async () => {
    c.token = ok(await c.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' })).token;
    const { sampleCase } = await import('../helpers/fixtures.js');
    const k = ok(await c.call('case.create', sampleCase()));
    const staged = ok(await c.upload(await scanJpeg(path.join(tmpDir(), 'p.jpg'))));
    const d = ok(await c.call('document.add', { caseId: k.id, kind: 'XWBL', title: 't', files: [{ stagedId: staged.stagedId }] }));
    const fileId = d.files[0]!.id;
    const size = d.files[0]!.size;
    const launch = { 'x-juanzong-launch': c.bridge.launchToken };
    const anon = await raw(c.bridge.port, { path: `/media/file/${fileId}`, headers: launch });
    expect(anon.status).toBe(404);
    const auth = { ...launch, authorization: `Bearer ${c.token}` };
    const full = await raw(c.bridge.port, { path: `/media/file/${fileId}`, headers: auth });
    expect(full.status).toBe(200);
    expect(full.body.length).toBe(size);
    const part = await raw(c.bridge.port, { path: `/media/file/${fileId}`, headers: { ...auth, range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${size}`);
    expect(part.body.equals(full.body.subarray(10, 20))).toBe(true);
    const beyond = await raw(c.bridge.port, { path: `/media/file/${fileId}`, headers: { ...auth, range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    const thumb = await raw(c.bridge.port, { path: `/media/page-thumb/${d.pages[0]!.id}`, headers: auth });
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
  });
});
