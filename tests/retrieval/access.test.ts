import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp.js';
import { retrievalWorld } from './helpers.js';

const HOUR = 3_600_000;

describe('调阅 access rules', () => {
  it('supervisors and admins watch any clip at once (实时调阅), still logged', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      const v = await lead.call('retrieval.viewStart', { clipId: w.clipB });
      expect(v.access).toEqual({ mode: 'live', grantId: null, until: null });
      expect(v.media).toBe('clip');
      const a = await w.admin.call('retrieval.viewStart', { clipId: w.clipA });
      expect(a.access.mode).toBe('live');
      const log = await lead.call('retrieval.log', { clipId: w.clipB });
      expect(log.views.map((x) => [x.user, x.mode])).toEqual([['赵领导', 'live']]);
      const audit = await w.admin.call('audit.list', {});
      expect(JSON.stringify(audit)).toContain('retrieval.view');
    } finally {
      w.core.close();
    }
  });

  it('refuses an archivist without a grant, records the attempt, and lets them in once another supervisor approves their request for the case', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const refused = await w.arch.fail('retrieval.viewStart', { clipId: w.clipA });
      expect(refused.code).toBe('forbidden');
      expect(refused.messageZh).toContain('无权调阅该音像记录：A001.mp4');
      expect(refused.messageZh).toContain('请先提交调阅申请');
      const lead = await w.login('lead');
      let log = await lead.call('retrieval.log', {});
      expect(log.refusals).toHaveLength(1);
      expect(log.refusals[0]).toMatchObject({ user: '孙档案', clipId: w.clipA, clipName: 'A001.mp4', need: 'view' });
      expect(log.refusals[0]?.why).toBe('没有覆盖该音像记录的调阅授权（no grant covers this clip）');
      expect(log.people.find((p) => p.user === '孙档案')?.refusals).toBe(1);

      const req = await w.arch.call('retrieval.request', { reason: '核查群众投诉', purpose: 'complaint', scope: { caseId: w.caseId }, until: '2026-12-31' });
      expect(req).toMatchObject({ status: 'pending', yours: true, scope: { caseId: w.caseId, caseNo: '青石综执罚立〔2024〕99号' } });
      // Until the decision, still refused.
      expect((await w.arch.fail('retrieval.viewStart', { clipId: w.clipA })).code).toBe('forbidden');
      const approved = await lead.call('retrieval.approve', { id: req.id, comment: '同意调阅' });
      expect(approved).toMatchObject({ status: 'approved', decidedBy: '赵领导', decisionComment: '同意调阅', grant: { active: true } });
      // "until 2026-12-31" is through the end of that day in Asia/Shanghai.
      expect(approved.grant?.until).toBe('2026-12-31T16:00:00.000Z');
      const v = await w.arch.call('retrieval.viewStart', { clipId: w.clipA });
      expect(v.access).toEqual({ mode: 'grant', grantId: approved.grant!.id, until: approved.grant!.until });
      // The case grant does not cover a clip outside the case.
      const other = await w.arch.fail('retrieval.viewStart', { clipId: w.clipB });
      expect(other.code).toBe('forbidden');
      log = await lead.call('retrieval.log', {});
      expect(log.refusals).toHaveLength(3);
      // The archivist sees the requests; the approval cannot be repeated or reversed.
      expect((await lead.fail('retrieval.reject', { id: req.id, comment: '改主意' })).message).toMatch(/already approved/);
    } finally {
      w.core.close();
    }
  });

  it('never lets a supervisor decide their own request', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      const lead2 = await w.login('lead2');
      const req = await lead.call('retrieval.request', { reason: '复议材料', purpose: 'litigation', scope: { clipIds: [w.clipB] }, until: '2027-01-31' });
      const own = await lead.fail('retrieval.approve', { id: req.id, comment: '同意' });
      expect(own.code).toBe('forbidden');
      expect(own.messageZh).toContain('不能自行审批');
      expect((await lead.call('retrieval.list', { status: 'pending' })).map((r) => r.id)).toEqual([req.id]);
      const rejected = await lead2.call('retrieval.reject', { id: req.id, comment: '理由不充分' });
      expect(rejected).toMatchObject({ status: 'rejected', decidedBy: '钱领导', grant: null });
      // Archivists and inspectors may not decide at all (role check in the contract).
      const req2 = await (
        await w.login('insp')
      ).call('retrieval.request', { reason: '案卷评查', purpose: 'case-review', scope: { clipIds: [w.clipA] }, until: '2027-01-31' });
      expect((await w.arch.fail('retrieval.approve', { id: req2.id, comment: '同意' })).code).toBe('forbidden');
    } finally {
      w.core.close();
    }
  });

  it('scopes by clip ids and by recorded time window', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      const insp = await w.login('insp');
      const r1 = await insp.call('retrieval.request', {
        reason: '案卷评查',
        purpose: 'case-review',
        scope: { from: '2024-03-12', to: '2024-03-12' },
        until: '2027-01-01',
      });
      expect(r1.scope).toEqual({ from: '2024-03-11T16:00:00Z', to: '2024-03-12T16:00:00Z' });
      await lead.call('retrieval.approve', { id: r1.id, comment: '同意' });
      expect((await insp.call('retrieval.viewStart', { clipId: w.clipB })).access.mode).toBe('grant');
      expect((await insp.fail('retrieval.viewStart', { clipId: w.clipA })).code).toBe('forbidden');
      const r2 = await insp.call('retrieval.request', { reason: '案卷评查', purpose: 'case-review', scope: { clipIds: [w.clipA] }, until: '2027-01-01' });
      await lead.call('retrieval.approve', { id: r2.id, comment: '同意' });
      expect((await insp.call('retrieval.viewStart', { clipId: w.clipA })).access.grantId).toBe((await lead.call('retrieval.list', {}))[0]!.grant!.id);
      // Bad scopes are refused naming the item.
      expect((await insp.fail('retrieval.request', { reason: '评查', purpose: 'other', scope: { clipIds: [999] }, until: '2027-01-01' })).messageZh).toContain(
        '音像记录 999 不存在',
      );
      expect(
        (
          await insp.fail('retrieval.request', {
            reason: '评查',
            purpose: 'other',
            scope: { from: '2024-03-12T10:00', to: '2024-03-12T09:00' },
            until: '2027-01-01',
          })
        ).messageZh,
      ).toContain('早于开始时间');
      expect(
        (await insp.fail('retrieval.request', { reason: '评查', purpose: 'other', scope: { caseId: w.caseId }, until: '2020-01-01' })).messageZh,
      ).toContain('已经过去');
    } finally {
      w.core.close();
    }
  });

  it('refuses after a grant expires, and refuses the next media range request after it is revoked mid-playback', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      const until = new Date(w.clock.t + 2 * HOUR).toISOString();
      const req = await w.arch.call('retrieval.request', { reason: '监督检查', purpose: 'supervision', scope: { clipIds: [w.clipA, w.clipB] }, until });
      const ok = await lead.call('retrieval.approve', { id: req.id, comment: '同意，限两小时' });
      await w.arch.call('retrieval.viewStart', { clipId: w.clipA });
      const first = w.core.media('clip', w.clipA, w.arch.token);
      expect(first && 'path' in first ? first.mediaType : first).toBe('video/mp4');
      // Expiry: still playing after an hour and a half (each range request keeps the viewer signed in;
      // the leader's session is kept alive too); three hours in, the next range request and a new
      // session are refused.
      w.clock.advance(1.5 * HOUR);
      const still = w.core.media('clip', w.clipA, w.arch.token);
      expect(still && 'path' in still ? still.mediaType : still).toBe('video/mp4');
      await lead.call('auth.me', {});
      w.clock.advance(1.5 * HOUR);
      const expired = w.core.media('clip', w.clipA, w.arch.token);
      expect(expired).toMatchObject({ refused: true, status: 403, error: { code: 'forbidden' } });
      expect(expired && 'refused' in expired ? expired.error.messageZh : '').toContain('已于');
      expect((await w.arch.fail('retrieval.viewStart', { clipId: w.clipA })).messageZh).toContain('到期');

      // Revocation: a fresh grant, playing, then revoked; the very next range is refused.
      const req2 = await w.arch.call('retrieval.request', { reason: '监督检查', purpose: 'supervision', scope: { clipIds: [w.clipB] }, until: '2027-06-30' });
      const g2 = (await lead.call('retrieval.approve', { id: req2.id, comment: '同意' })).grant!;
      expect(g2.id).not.toBe(ok.grant!.id);
      expect(w.core.media('clip', w.clipB, w.arch.token)).toMatchObject({ mediaType: 'video/mp4', strictRange: true });
      await lead.call('retrieval.revoke', { grantId: g2.id, reason: '调阅目的已完成' });
      const revoked = w.core.media('clip', w.clipB, w.arch.token);
      expect(revoked).toMatchObject({ refused: true, status: 403 });
      expect(revoked && 'refused' in revoked ? revoked.error.messageZh : '').toContain('已被撤销（调阅目的已完成）');
      expect((await lead.fail('retrieval.revoke', { grantId: g2.id, reason: '再撤' })).message).toMatch(/already revoked/);
      const log = await lead.call('retrieval.log', { username: 'arch' });
      expect(log.refusals.length).toBeGreaterThanOrEqual(3);
      // Media without a session, or of a clip that does not exist.
      expect(w.core.media('clip', w.clipB, undefined)).toBeNull();
      expect(w.core.media('clip', 999, lead.token)).toMatchObject({ refused: true, status: 404 });
      expect(w.core.media('clip-proxy', w.clipB, lead.token)).toMatchObject({ refused: true, status: 404 });
    } finally {
      w.core.close();
    }
  });
});
