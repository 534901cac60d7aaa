import { renameSync, statSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBridge } from '../../src/bridge/server.js';
import { tmpDir } from '../helpers/tmp.js';
import { retrievalWorld } from './helpers.js';

function get(
  port: number,
  p: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path: p, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('bridge: original footage by clip id with Range', () => {
  it('answers 206/416, refuses malformed and multiple ranges, checks the grant on every range, and refuses a missing object', async () => {
    const dir = tmpDir();
    const w = await retrievalWorld(dir);
    const bridge = await startBridge({ core: w.core, staticDir: dir, launchToken: 'launch-token-for-tests' });
    try {
      const lead = await w.login('lead');
      const base = { 'x-juanzong-launch': 'launch-token-for-tests' };
      const as = (token: string, range?: string) => ({ ...base, authorization: `Bearer ${token}`, ...(range ? { range } : {}) });
      const url = `/media/clip/${w.clipA}`;
      const full = await get(bridge.port, url, as(lead.token));
      expect(full.status).toBe(200);
      expect(full.headers['content-type']).toBe('video/mp4');
      expect(full.headers['cache-control']).toBe('no-store');
      const size = full.body.length;
      expect(size).toBeGreaterThan(1000);
      const part = await get(bridge.port, url, as(lead.token, 'bytes=100-199'));
      expect(part.status).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 100-199/${size}`);
      expect(part.body.equals(full.body.subarray(100, 200))).toBe(true);
      const tail = await get(bridge.port, url, as(lead.token, 'bytes=-10'));
      expect(tail.status).toBe(206);
      expect(tail.body.equals(full.body.subarray(size - 10))).toBe(true);
      for (const bad of [`bytes=${size}-`, `bytes=${size + 5000}-${size + 6000}`, 'bytes=0-10,20-30', 'bytes=abc', 'items=0-10', 'bytes=50-10', 'bytes=-']) {
        const r = await get(bridge.port, url, as(lead.token, bad));
        expect(r.status, bad).toBe(416);
        expect(r.headers['content-range'], bad).toBe(`bytes */${size}`);
        expect(r.body.length, bad).toBe(0);
      }
      // Without a session: nothing; an archivist without a grant: 403 with the reason in Chinese.
      expect((await get(bridge.port, url, base)).status).toBe(404);
      const refused = await get(bridge.port, url, as(w.arch.token, 'bytes=0-99'));
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body.toString('utf8')).error.messageZh).toContain('无权调阅该音像记录');
      expect((await get(bridge.port, `/media/clip/987654`, as(lead.token))).status).toBe(404);
      // The stored object vanished: a clear refusal, not a crash or an empty 200.
      const file = path.join(
        w.core.archive.store.pathOf((w.core.archive.db.prepare('SELECT sha256 FROM clips WHERE id = ?').get(w.clipA) as { sha256: string }).sha256),
      );
      expect(statSync(file).size).toBe(size);
      renameSync(file, `${file}.gone`);
      const missing = await get(bridge.port, url, as(lead.token, 'bytes=0-99'));
      expect(missing.status).toBe(409);
      expect(JSON.parse(missing.body.toString('utf8')).error.messageZh).toContain('存储文件缺失或已隔离');
      renameSync(`${file}.gone`, file);
      // Quarantined (recorded as such by a fixity run): refused as well.
      const sha = path.basename(file);
      w.core.archive.db.prepare("INSERT INTO quarantined_objects (name, size, found_at, moved_to) VALUES (?, ?, 't', 'quarantine/x')").run(sha, size);
      expect((await get(bridge.port, url, as(lead.token, 'bytes=0-99'))).status).toBe(409);
    } finally {
      await bridge.close();
      w.core.close();
    }
  });
});
