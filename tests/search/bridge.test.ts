import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../src/api/types-search.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { bridgeClient, ok } from '../contract/clients.js';

describe('search.query through the HTTP bridge', () => {
  it('finds as in the core; 1 MB of text and control characters are answered, and the bridge keeps serving', async () => {
    const c = await bridgeClient(path.join(tmpDir(), 'archive'));
    try {
      c.token = ok(await c.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' })).token;
      ok(await c.call('case.create', sampleCase()));
      const r = ok(await c.call('search.query', { text: '规划许可' })) as SearchResult;
      expect(r.groups.find((g) => g.kind === 'case')?.total).toBe(1);

      const big = await c.call('search.query', { text: 'a'.repeat(1024 * 1024) });
      expect(big.ok).toBe(false);
      if (!big.ok) expect(big.error).toMatchObject({ code: 'invalid_input', messageZh: expect.stringContaining('检索词过长') });
      const ctl = ok(await c.call('search.query', { text: '\u0000\u001f\u007f\u2028' })) as SearchResult;
      expect(ctl.groups).toEqual([]);
      for (const text of ['"', 'NEAR(', '*', '-"x', ') OR (']) expect((await c.call('search.query', { text })).ok, text).toBe(true);
      // Still serving afterwards.
      expect(ok(await c.call('search.query', { text: '张某某' })).groups.find((g) => g.kind === 'case')?.total).toBe(1);
    } finally {
      await c.close();
    }
  });
});
