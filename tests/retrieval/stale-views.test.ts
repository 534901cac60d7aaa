import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/app-core.js';
import { VIEW_IDLE_MS, VIEW_REOPEN_MS } from '../../src/retrieval/stale-views.js';
import { tmpDir } from '../helpers/tmp.js';
import { retrievalWorld, TestClock } from './helpers.js';

describe('view sessions left open end as 自动结束', () => {
  it('a session silent for longer than the idle limit is closed at its last sign of life with its stretches, audited, when anyone starts watching', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      const v = await lead.call('retrieval.viewStart', { clipId: w.clipA });
      const seen = await lead.call('retrieval.viewProgress', { viewId: v.viewId, segments: [[0, 2]] });
      // The tab is closed: no viewEnd. Just under the limit nothing happens.
      w.clock.advance(VIEW_IDLE_MS - 1000);
      await w.admin.call('retrieval.viewStart', { clipId: w.clipB });
      expect((await lead.call('retrieval.log', { username: 'lead' })).views[0]).toMatchObject({ endedAt: null, endReason: null });
      w.clock.advance(2000);
      const other = await w.admin.call('retrieval.viewStart', { clipId: w.clipB });
      expect(other.viewId).toBeGreaterThan(v.viewId);
      const [mine] = (await lead.call('retrieval.log', { username: 'lead' })).views;
      expect(mine).toMatchObject({ id: v.viewId, endedAt: seen.lastSeenAt, endReason: 'auto', segments: [[0, 2]], totalSec: 2 });
      // The player that comes back is told so, and the record stays frozen.
      const late = await lead.fail('retrieval.viewProgress', { viewId: v.viewId, segments: [[2, 3]] });
      expect(late.messageZh).toContain('自动结束');
      const audit = await w.admin.call('audit.list', {});
      const ends = JSON.stringify(audit).match(/"ended":"auto"/g) ?? [];
      expect(ends.length).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(audit)).toContain(`"viewId":${v.viewId}`);
    } finally {
      w.core.close();
    }
  });

  it("the same person's next viewStart closes their reloaded session on the clip and their silent ones, not a live one on another clip", async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      const a1 = await lead.call('retrieval.viewStart', { clipId: w.clipA });
      await lead.call('retrieval.viewProgress', { viewId: a1.viewId, segments: [[0, 1]] });
      const b1 = await lead.call('retrieval.viewStart', { clipId: w.clipB });
      // Reloading the player on clip A: the first session on A ends, B (seen just now) stays open.
      w.clock.advance(5000);
      await lead.call('retrieval.viewProgress', { viewId: b1.viewId, segments: [] });
      const a2 = await lead.call('retrieval.viewStart', { clipId: w.clipA });
      const byId = async () => new Map((await lead.call('retrieval.log', { username: 'lead' })).views.map((x) => [x.id, x]));
      let s = await byId();
      expect(s.get(a1.viewId)).toMatchObject({ endReason: 'auto', segments: [[0, 1]] });
      expect(s.get(b1.viewId)).toMatchObject({ endedAt: null });
      expect(s.get(a2.viewId)).toMatchObject({ endedAt: null });
      // B goes silent (its tab crashed); A keeps reporting. The next start ends B, not A.
      for (let i = 0; i < 25; i++) {
        w.clock.advance(4000);
        await lead.call('retrieval.viewProgress', { viewId: a2.viewId, segments: [] });
      }
      expect(25 * 4000).toBeGreaterThan(VIEW_REOPEN_MS);
      const a3 = await lead.call('retrieval.viewStart', { clipId: w.clipB });
      s = await byId();
      expect(s.get(b1.viewId)).toMatchObject({ endReason: 'auto' });
      expect(s.get(a2.viewId)).toMatchObject({ endedAt: null });
      expect(s.get(a3.viewId)).toMatchObject({ endedAt: null });
      // Another person's open session is not theirs to end.
      const lead2 = await w.login('lead2');
      const other = await lead2.call('retrieval.viewStart', { clipId: w.clipB });
      await lead.call('retrieval.viewStart', { clipId: w.clipB });
      expect((await w.admin.call('retrieval.log', { username: 'lead2' })).views[0]).toMatchObject({ id: other.viewId, endedAt: null });
      // A session its viewer closed says so.
      const ended = await lead.call('retrieval.viewEnd', { viewId: a2.viewId });
      expect(ended.endReason).toBe('viewer');
    } finally {
      w.core.close();
    }
  });

  it('opening the archive again (after a crash) ends the sessions that went silent', async () => {
    const dir = tmpDir();
    const clock = new TestClock();
    const w = await retrievalWorld(dir, clock);
    const lead = await w.login('lead');
    const v = await lead.call('retrieval.viewStart', { clipId: w.clipA });
    await lead.call('retrieval.viewProgress', { viewId: v.viewId, segments: [[0, 3]] });
    w.core.close();
    clock.advance(VIEW_IDLE_MS + 60_000);
    const core = await openCore({ archiveDir: path.join(dir, 'archive'), createIfMissing: false, clock });
    try {
      const row = core.archive.db.prepare('SELECT ended_at, end_reason, segments, last_seen_at FROM retrieval_views WHERE id = ?').get(v.viewId) as {
        ended_at: string | null;
        end_reason: string | null;
        segments: string;
        last_seen_at: string;
      };
      expect(row.end_reason).toBe('auto');
      expect(row.ended_at).toBe(row.last_seen_at);
      expect(JSON.parse(row.segments)).toEqual([[0, 3]]);
    } finally {
      core.close();
    }
  });
});
