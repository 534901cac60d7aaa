/**
 * What the 调阅 player is told in the states a supervisor runs into: an HEVC clip on first open (the
 * proxy is being made — never the original), a proxy that cannot be made (why), a grant revoked or
 * expired mid-playback (viewProgress refuses with the reason, in local time, and the session stops
 * recording), and the pure helpers the player's frame step and in/out points use.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClipProxyInfo } from '../../src/api/types-clip.js';
import type { ViewStartResult } from '../../src/api/types-retrieval.js';
import { proxySettled } from '../../src/retrieval/proxy.js';
import { frameSeconds, withPoint } from '../../renderer/features/retrieval/timecode.js';
import type { FootageClient } from '../footage/helpers/footage-core.js';
import { makeHevc } from '../footage/helpers/media.js';
import { tmpDir } from '../helpers/tmp.js';
import { archiveWithClip } from './clip-export-helpers.js';
import { retrievalWorld } from './helpers.js';

const HOUR = 3_600_000;
const open: FootageClient[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

function hevc(dir: string): string {
  return makeHevc(path.join(dir, '20260115_100000_0002.mp4'), { seconds: 3 });
}

describe('the 调阅 player states', () => {
  it('an HEVC clip opened for the first time: viewStart says its proxy is being made, the original is never offered, then the proxy is done', async () => {
    const { c, clipId } = await archiveWithClip(tmpDir(), hevc);
    open.push(c);
    const first = (await c.call('retrieval.viewStart' as never, { clipId } as never)) as unknown as ViewStartResult;
    expect(first.media).toBe('clip-proxy');
    expect(first.proxy).toEqual({ state: 'making', error: null });
    expect(first.lastFixity).toBeNull();
    // The cheap op the player polls while it shows 正在生成….
    const during = (await c.call('clip.proxyStatus' as never, { clipId } as never)) as unknown as ClipProxyInfo;
    expect(during).toMatchObject({ needed: true, state: 'pending' });
    await proxySettled(c.core.archive, clipId);
    const after = (await c.call('clip.proxyStatus' as never, { clipId } as never)) as unknown as ClipProxyInfo;
    expect(after).toMatchObject({ needed: true, state: 'done', error: null });
    // The footage facts carry the frame rate the player's frame step uses.
    const detail = (await c.call('footage.get' as never, { id: clipId } as never)) as unknown as { frameRate: number | null };
    expect(detail.frameRate).toBeCloseTo(30, 1);
    const again = (await c.call('retrieval.viewStart' as never, { clipId } as never)) as unknown as ViewStartResult;
    expect(again).toMatchObject({ media: 'clip-proxy', proxy: { state: 'done', error: null } });
  });

  it('a proxy that cannot be made says why (in Chinese), and the next open tries again', async () => {
    const { c, clipId } = await archiveWithClip(tmpDir(), hevc);
    open.push(c);
    // The stored original is damaged (bit rot): ffmpeg cannot read it.
    const sha = (c.core.archive.db.prepare('SELECT sha256 FROM clips WHERE id = ?').get(clipId) as { sha256: string }).sha256;
    const file = c.core.archive.store.pathOf(sha);
    chmodSync(file, 0o644);
    writeFileSync(file, Buffer.alloc(4096, 7));
    chmodSync(file, 0o444);
    const first = (await c.call('retrieval.viewStart' as never, { clipId } as never)) as unknown as ViewStartResult;
    expect(first.proxy).toEqual({ state: 'making', error: null });
    await proxySettled(c.core.archive, clipId);
    const failed = (await c.call('clip.proxyStatus' as never, { clipId } as never)) as unknown as ClipProxyInfo;
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('ffmpeg 无法生成播放转码副本');
    const retry = (await c.call('retrieval.viewStart' as never, { clipId } as never)) as unknown as ViewStartResult;
    expect(retry.proxy).toEqual({ state: 'making', error: null });
    await proxySettled(c.core.archive, clipId);
  });

  it('an H.264 clip plays as it is: no proxy', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      expect(await lead.call('retrieval.viewStart', { clipId: w.clipA })).toMatchObject({ media: 'clip', proxy: null });
    } finally {
      w.core.close();
    }
  });

  it('a grant revoked mid-playback: the next viewProgress is refused with the reason, the session ends with what it had, and the refusal is recorded', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      const req = await w.arch.call('retrieval.request', { reason: '投诉核查', purpose: 'complaint', scope: { clipIds: [w.clipA] }, until: '2027-06-30' });
      const grant = (await lead.call('retrieval.approve', { id: req.id, comment: '同意' })).grant!;
      const v = await w.arch.call('retrieval.viewStart', { clipId: w.clipA });
      await w.arch.call('retrieval.viewProgress', { viewId: v.viewId, segments: [[0, 1.5]] });
      await lead.call('retrieval.revoke', { grantId: grant.id, reason: '调阅目的已完成' });
      const refused = await w.arch.fail('retrieval.viewProgress', { viewId: v.viewId, segments: [[1.5, 3]] });
      expect(refused.code).toBe('forbidden');
      expect(refused.messageZh).toContain(`调阅授权 ${grant.id} 已被撤销（调阅目的已完成）`);
      const log = await lead.call('retrieval.log', { clipId: w.clipA });
      const session = log.views.find((x) => x.id === v.viewId)!;
      expect(session.endedAt).not.toBeNull();
      expect(session.segments).toEqual([[0, 1.5]]);
      expect(session.totalSec).toBeCloseTo(1.5, 5);
      expect(log.refusals.some((r) => r.user === '孙档案' && r.why.includes('已被撤销'))).toBe(true);
      // The closed session takes nothing more.
      expect((await w.arch.fail('retrieval.viewProgress', { viewId: v.viewId, segments: [[3, 4]] })).messageZh).toContain('已于');
      expect((await w.arch.fail('retrieval.viewStart', { clipId: w.clipA })).messageZh).toContain('已被撤销（调阅目的已完成）');
    } finally {
      w.core.close();
    }
  });

  it('a grant that expires mid-playback is refused with the end time in local time (Asia/Shanghai), not ISO UTC', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      // The test clock is 2026-12-02T02:00Z = 10:00 in Beijing; the grant runs two hours, to 12:00.
      const until = new Date(w.clock.t + 2 * HOUR).toISOString();
      const req = await w.arch.call('retrieval.request', { reason: '监督检查', purpose: 'supervision', scope: { clipIds: [w.clipA] }, until });
      const grant = (await lead.call('retrieval.approve', { id: req.id, comment: '同意，限两小时' })).grant!;
      const v = await w.arch.call('retrieval.viewStart', { clipId: w.clipA });
      await w.arch.call('retrieval.viewProgress', { viewId: v.viewId, segments: [[0, 2]] });
      w.clock.advance(1.5 * HOUR);
      await lead.call('auth.me', {});
      await w.arch.call('retrieval.viewProgress', { viewId: v.viewId, segments: [] });
      w.clock.advance(1 * HOUR);
      const refused = await w.arch.fail('retrieval.viewProgress', { viewId: v.viewId, segments: [[2, 3]] });
      expect(refused.code).toBe('forbidden');
      expect(refused.messageZh).toContain(`调阅授权 ${grant.id} 已于 2026-12-02 12:00 到期`);
      expect(refused.messageZh).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(refused.message).toContain('expired at 2026-12-02 12:00 (Asia/Shanghai)');
      const session = (await lead.call('retrieval.log', { clipId: w.clipA })).views.find((x) => x.id === v.viewId)!;
      expect(session.segments).toEqual([[0, 2]]);
      expect(session.endedAt).not.toBeNull();
      // A supervisor's live session is never cut short.
      const live = await lead.call('retrieval.viewStart', { clipId: w.clipA });
      expect((await lead.call('retrieval.viewProgress', { viewId: live.viewId, segments: [[0, 1]] })).segments).toEqual([[0, 1]]);
    } finally {
      w.core.close();
    }
  });

  it('frame step uses the clip frame rate (25 when unknown); in/out points keep in before out', () => {
    expect(frameSeconds(30)).toBeCloseTo(1 / 30, 9);
    expect(frameSeconds(15)).toBeCloseTo(1 / 15, 9);
    expect(frameSeconds(null)).toBeCloseTo(1 / 25, 9);
    expect(frameSeconds(0)).toBeCloseTo(1 / 25, 9);
    expect(frameSeconds(Number.NaN)).toBeCloseTo(1 / 25, 9);
    expect(withPoint({ in: null, out: null }, 'in', 1.25)).toEqual({ in: 1.25, out: null });
    expect(withPoint({ in: 1.25, out: null }, 'out', 3.5)).toEqual({ in: 1.25, out: 3.5 });
    // An in point at or after the out point drops the out point, and the other way round.
    expect(withPoint({ in: 1, out: 3 }, 'in', 4)).toEqual({ in: 4, out: null });
    expect(withPoint({ in: 2, out: 3 }, 'out', 1)).toEqual({ in: null, out: 1 });
  });
});
