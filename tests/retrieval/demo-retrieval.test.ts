/**
 * The demo's 调阅 page, through the contract ops the page calls: `retrieval.list` (the requests tab:
 * one approved with its grant, one pending, one rejected, each with the comment), `retrieval.grants`
 * (the 评查任务授权 the demo's review plan made), `retrieval.marks` (领导's two marks) and
 * `retrieval.log` (the two playback sessions with their watched stretches). Built once for the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput, OpName, OpOutput } from '../../src/api/contract.js';
import { openCore } from '../../src/app-core.js';
import { buildDemo, type DemoReport } from '../../src/demo/build-demo.js';
import { resourcesDir } from '../../src/resources/paths.js';

let work: string;
let report: DemoReport;
let core: Awaited<ReturnType<typeof openCore>>;
const tokens: Record<string, string> = {};

async function call<N extends OpName>(as: string, name: N, input: OpInput<N>): Promise<OpOutput<N>> {
  const r = await core.invoke(name, input, { transport: 'direct', sessionToken: tokens[as]! });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as OpOutput<N>;
}

describe('the demo 调阅 page', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'jz-demo-retrieval-'));
    report = await buildDemo({ archiveDir: path.join(work, 'archive'), resourcesDir: resourcesDir() });
    core = await openCore({ archiveDir: report.archive });
    for (const username of ['lingdao', 'dangan', 'pingcha']) {
      const login = await core.invoke('auth.login', { username, password: report.password }, { transport: 'direct' });
      if (!login.ok) throw new Error(login.error.message);
      tokens[username] = login.value.token;
    }
  }, 600_000);

  afterAll(async () => {
    await core?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('lists three requests: 档案员’s approved one with an active grant, her pending one, and the inspector’s rejected one, with the comments', async () => {
    const list = await call('lingdao', 'retrieval.list', {});
    expect(list).toHaveLength(3);
    const by = (s: string) => list.filter((r) => r.status === s);
    expect(list.map((r) => r.status).sort()).toEqual(['approved', 'pending', 'rejected']);

    const approved = by('approved')[0]!;
    expect(approved).toMatchObject({
      requester: '孙丽娟（档案员）',
      purpose: 'complaint',
      reason: '核查当事人投诉执法过程',
      allowCopy: true,
      decidedBy: '周立新（大队长）',
      decisionComment: '同意调阅，限本次投诉核查使用',
      yours: false,
    });
    expect('clipIds' in approved.scope && approved.scope.clipIds).toHaveLength(2);
    expect(approved.grant).toMatchObject({ active: true, revokedAt: null });
    expect(approved.grant!.until).toBe(approved.until);

    expect(by('pending')[0]).toMatchObject({ requester: '孙丽娟（档案员）', purpose: 'litigation', decidedBy: null, grant: null });
    expect(by('rejected')[0]).toMatchObject({
      requester: '县司法局评查员',
      purpose: 'other',
      decidedBy: '周立新（大队长）',
      decisionComment: '事由不具体，请说明评查任务后重新申请',
      grant: null,
    });

    // The requesters see their own only; the pending one waits for 领导.
    expect((await call('dangan', 'retrieval.list', { status: 'pending' })).map((r) => r.id)).toEqual([by('pending')[0]!.id]);
    expect((await call('pingcha', 'retrieval.list', {})).map((r) => r.status)).toEqual(['rejected']);
  });

  it('lists the grants: the approved request’s and the 评查任务授权 of the demo’s review plan, each for its inspector and case', async () => {
    const grants = await call('lingdao', 'retrieval.grants', {});
    const approved = (await call('lingdao', 'retrieval.list', { status: 'approved' }))[0]!;
    const fromRequest = grants.filter((g) => g.source === 'request');
    expect(fromRequest.map((g) => [g.id, g.requestId, g.user])).toEqual([[approved.grant!.id, approved.id, '孙丽娟（档案员）']]);
    const review = grants.filter((g) => g.source === 'review-assignment');
    expect(review.length).toBeGreaterThan(0);
    for (const g of review) {
      expect(g.user).toBe('县司法局评查员');
      expect(g.review?.planTitle).toBeTruthy();
      expect(g.scope).toMatchObject({ caseNo: g.review!.caseNo });
      expect(g.active).toBe(true);
    }
    // The inspector sees just hers.
    expect((await call('pingcha', 'retrieval.grants', {})).map((g) => g.id).sort()).toEqual(review.map((g) => g.id).sort());
  });

  it('shows 领导’s two marks and the two playback sessions with their watched stretches (实时调阅, and 档案员 under the grant)', async () => {
    const approved = (await call('lingdao', 'retrieval.list', { status: 'approved' }))[0]!;
    const scope = 'clipIds' in approved.scope ? approved.scope.clipIds : [];
    const clips = await call('lingdao', 'footage.list', { kind: 'video', limit: 20 });
    const dur = (id: number) => Math.max(1, Math.floor(clips.items.find((c) => c.id === id)!.durationSec ?? 4));

    const log = await call('lingdao', 'retrieval.log', {});
    expect(log.views).toHaveLength(2);
    const live = log.views.find((v) => v.mode === 'live')!;
    const granted = log.views.find((v) => v.mode === 'grant')!;
    const a = live.clipId;
    const b = granted.clipId;
    // Both clips are the approved request's; 领导 watched one at once, 档案员 the other under the grant.
    expect([a, b].sort((p, q) => p - q)).toEqual(scope);
    expect(live).toMatchObject({ user: '周立新（大队长）', grantId: null, endReason: 'viewer' });
    expect(live.segments).toEqual([[0, dur(a)]]);
    expect(live.totalSec).toBeCloseTo(dur(a), 3);
    expect(granted).toMatchObject({ user: '孙丽娟（档案员）', grantId: approved.grant!.id, endReason: 'viewer' });
    expect(granted.segments).toEqual([[0, Math.min(3, dur(b))]]);
    expect(log.people.map((p) => [p.user, p.sessions]).sort()).toEqual([
      ['周立新（大队长）', 1],
      ['孙丽娟（档案员）', 1],
    ]);

    const marks = await call('lingdao', 'retrieval.marks', { clipId: a });
    expect(marks.map((m) => [m.note, m.by])).toEqual([
      ['出示执法证件', '周立新（大队长）'],
      ['告知陈述申辩权利', '周立新（大队长）'],
    ]);
    expect(marks.map((m) => m.second)).toEqual([Math.min(1, dur(a)), Math.min(2, dur(a))]);
    expect(await call('lingdao', 'retrieval.marks', { clipId: b })).toEqual([]);
    // The clip's 调阅记录 (the player's log) shows its one session.
    expect((await call('lingdao', 'retrieval.log', { clipId: b })).views.map((v) => v.user)).toEqual(['孙丽娟（档案员）']);
  });
});
