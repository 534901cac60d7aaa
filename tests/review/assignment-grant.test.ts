/**
 * A 评查 assignment grants the inspector 调阅 of exactly that case's clips, until the start of the
 * year after next (plan year + 2, 1 January): the grant shows in `retrieval.grants` (the 调阅 page's
 * requests/grants tab) marked with its plan and inspector, and 领导 revoke it there like any other.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, openHarness, PASSWORD, seedCase, setupUsers } from '../dossier/helpers/harness.js';
import { makeVideo } from '../footage/helpers/media.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { TestClock } from '../retrieval/helpers.js';

let open: Harness | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

async function seedThin(h: Harness, caseNo: string): Promise<number> {
  return seedCase(h, sampleCase({ caseNo }), [{ kind: 'XWBL', title: '询问笔录', date: '2024-03-13', pages: 2 }]);
}

async function seal(h: Harness, id: number): Promise<void> {
  const preview = await h.ok('dossier.preview', { caseId: id });
  for (const w of preview.blockers) await h.ok('dossier.acknowledge', { caseId: id, warning: w.key, reason: '测试案件，仅有询问笔录' });
  await h.ok('dossier.seal', { caseId: id });
}

describe('评查 assignment grant', () => {
  it('covers exactly the assigned case’s clips until 1 January of plan year + 2, is listed as 评查任务授权 with plan and inspector, and can be revoked', async () => {
    const dir = tmpDir();
    const clock = new TestClock('2025-03-03T02:00:00.000Z');
    const h = await openHarness(path.join(dir, 'archive'), { clock });
    open = h;
    const t = await setupUsers(h);
    await h.ok('user.create', { username: 'lingdao', displayName: '赵领导', role: 'supervisor', password: PASSWORD }, t.admin);
    const lead = (await h.ok('auth.login', { username: 'lingdao', password: PASSWORD })).token;

    // Case X with two linked clips, case Y with none; a third clip linked to nothing.
    const x = await seedThin(h, '测试罚〔2024〕71号');
    const y = await seedThin(h, '测试罚〔2024〕72号');
    const cam = path.join(dir, 'cam');
    makeVideo(path.join(cam, 'X001.mp4'), { seconds: 2, creation: '2024-03-11T01:40:32Z', tag: 'x1' });
    makeVideo(path.join(cam, 'X002.mp4'), { seconds: 2, creation: '2024-03-11T02:10:00Z', tag: 'x2' });
    makeVideo(path.join(cam, 'Z001.mp4'), { seconds: 2, creation: '2024-03-11T03:00:00Z', tag: 'z' });
    await h.ok('footage.ingest', { source: cam, derive: 'skip' }, t.archivist);
    const clips = (await h.ok('footage.list', {}, t.archivist)).items;
    const clip = (n: string) => clips.find((c) => c.originalName === n)!.id;
    await h.ok('footage.link', { clipIds: [clip('X001.mp4'), clip('X002.mp4')], caseId: x }, t.archivist);
    await seal(h, x);
    await seal(h, y);
    const year = (h.archive.db.prepare('SELECT archive_year AS y FROM dossier_versions WHERE status = ? LIMIT 1').get('sealed') as { y: number }).y;

    // Before the assignment the inspector is refused.
    expect((await h.call('retrieval.viewStart', { clipId: clip('X001.mp4') }, t.inspector)).ok).toBe(false);

    const plan = await h.ok(
      'review.plan.create',
      { title: `${year}年度案卷评查`, year, templateId: 'county-comprehensive', mode: 'percent', amount: 100, seed: 'fixed-seed' },
      lead,
    );
    expect(plan.assignments.map((a) => a.caseId).sort()).toEqual([x, y].sort());
    const inspector = (await h.ok('review.inspectors', {}, lead)).find((u) => u.name === '评查员')!;
    await h.ok('review.plan.assign', { planId: plan.id, items: plan.assignments.map((a) => ({ assignmentId: a.id, inspectorId: inspector.id })) }, lead);

    // One grant, for case X only (Y has no clips), listed with its plan and inspector.
    const grants = await h.ok('retrieval.grants', {}, lead);
    expect(grants).toHaveLength(1);
    const g = grants[0]!;
    const ax = plan.assignments.find((a) => a.caseId === x)!;
    expect(g).toMatchObject({
      source: 'review-assignment',
      requestId: null,
      user: '评查员',
      userId: inspector.id,
      purpose: 'case-review',
      allowCopy: false,
      scope: { caseId: x, caseNo: '测试罚〔2024〕71号' },
      review: { planId: plan.id, planTitle: `${year}年度案卷评查`, assignmentId: ax.id, caseNo: '测试罚〔2024〕71号' },
      until: new Date(Date.UTC(year + 2, 0, 1)).toISOString(),
      createdBy: '赵领导',
      active: true,
      revokedAt: null,
    });
    expect(await h.ok('retrieval.grants', { source: 'request' }, lead)).toEqual([]);
    expect((await h.ok('retrieval.grants', {}, t.inspector)).map((x) => x.id)).toEqual([g.id]);

    // Exactly the case's clips: X001 and X002 play under the grant, Z001 is refused.
    for (const n of ['X001.mp4', 'X002.mp4']) {
      const v = await h.ok('retrieval.viewStart', { clipId: clip(n) }, t.inspector);
      expect(v.access, n).toEqual({ mode: 'grant', grantId: g.id, until: g.until });
      await h.ok('retrieval.viewEnd', { viewId: v.viewId, segments: [[0, 1]] }, t.inspector);
    }
    const z = await h.call('retrieval.viewStart', { clipId: clip('Z001.mp4') }, t.inspector);
    expect(z.ok || z.error.code).toBe('forbidden');

    // Until the stated date: a second before it plays, at it refused.
    clock.t = Date.parse(g.until) - 1000;
    const inspectorNow = (await h.ok('auth.login', { username: 'pingcha', password: PASSWORD })).token;
    const leadNow = (await h.ok('auth.login', { username: 'lingdao', password: PASSWORD })).token;
    expect((await h.ok('retrieval.viewStart', { clipId: clip('X002.mp4') }, inspectorNow)).access.grantId).toBe(g.id);

    // 撤销 from the same list: the next view is refused and the list says who and why.
    await h.ok('retrieval.revoke', { grantId: g.id, reason: '评查员调整，收回授权' }, leadNow);
    const after = (await h.ok('retrieval.grants', {}, leadNow))[0]!;
    expect(after).toMatchObject({ id: g.id, active: false, revokedBy: '赵领导', revokeReason: '评查员调整，收回授权' });
    const refused = await h.call('retrieval.viewStart', { clipId: clip('X001.mp4') }, inspectorNow);
    expect(refused.ok || refused.error.code).toBe('forbidden');
  });

  it('re-assigned before the review begins: the first inspector’s grant is revoked, the new one gets its own; the same inspector again keeps it', async () => {
    const dir = tmpDir();
    const h = await openHarness(path.join(dir, 'archive'));
    open = h;
    const t = await setupUsers(h);
    await h.ok('user.create', { username: 'lingdao', displayName: '赵领导', role: 'supervisor', password: PASSWORD }, t.admin);
    await h.ok('user.create', { username: 'pingcha2', displayName: '第二评查员', role: 'inspector', password: PASSWORD }, t.admin);
    const lead = (await h.ok('auth.login', { username: 'lingdao', password: PASSWORD })).token;
    const second = (await h.ok('auth.login', { username: 'pingcha2', password: PASSWORD })).token;
    const x = await seedThin(h, '测试罚〔2024〕71号');
    const cam = path.join(dir, 'cam');
    makeVideo(path.join(cam, 'X001.mp4'), { seconds: 2, creation: '2024-03-11T01:40:32Z', tag: 'x1' });
    await h.ok('footage.ingest', { source: cam, derive: 'skip' }, t.archivist);
    const clipId = (await h.ok('footage.list', {}, t.archivist)).items[0]!.id;
    await h.ok('footage.link', { clipIds: [clipId], caseId: x }, t.archivist);
    await seal(h, x);
    const year = (h.archive.db.prepare('SELECT archive_year AS y FROM dossier_versions WHERE status = ? LIMIT 1').get('sealed') as { y: number }).y;
    const plan = await h.ok('review.plan.create', { title: '评查', year, templateId: 'county-comprehensive', mode: 'percent', amount: 100, seed: 's' }, lead);
    const inspectors = await h.ok('review.inspectors', {}, lead);
    const first = inspectors.find((u) => u.name === '评查员')!;
    const other = inspectors.find((u) => u.name === '第二评查员')!;
    const assign = (inspectorId: number) =>
      h.ok('review.plan.assign', { planId: plan.id, items: [{ assignmentId: plan.assignments[0]!.id, inspectorId }] }, lead);

    await assign(first.id);
    const g1 = (await h.ok('retrieval.grants', {}, lead))[0]!;
    await assign(first.id);
    expect((await h.ok('retrieval.grants', {}, lead)).map((g) => g.id)).toEqual([g1.id]);

    await assign(other.id);
    const grants = await h.ok('retrieval.grants', {}, lead);
    expect(grants).toHaveLength(2);
    expect(grants.find((g) => g.id === g1.id)).toMatchObject({
      active: false,
      revokedBy: '赵领导',
      revokeReason: expect.stringContaining('改由 第二评查员 评查'),
    });
    expect(grants.find((g) => g.id !== g1.id)).toMatchObject({ active: true, userId: other.id });
    expect((await h.call('retrieval.viewStart', { clipId }, t.inspector)).ok).toBe(false);
    expect((await h.call('retrieval.viewStart', { clipId }, second)).ok).toBe(true);
  });

  it('a grant lapses at its stated date', async () => {
    const dir = tmpDir();
    const clock = new TestClock('2025-03-03T02:00:00.000Z');
    const h = await openHarness(path.join(dir, 'archive'), { clock });
    open = h;
    const t = await setupUsers(h);
    await h.ok('user.create', { username: 'lingdao', displayName: '赵领导', role: 'supervisor', password: PASSWORD }, t.admin);
    const lead = (await h.ok('auth.login', { username: 'lingdao', password: PASSWORD })).token;
    const x = await seedThin(h, '测试罚〔2024〕71号');
    const cam = path.join(dir, 'cam');
    makeVideo(path.join(cam, 'X001.mp4'), { seconds: 2, creation: '2024-03-11T01:40:32Z', tag: 'x1' });
    await h.ok('footage.ingest', { source: cam, derive: 'skip' }, t.archivist);
    const clipId = (await h.ok('footage.list', {}, t.archivist)).items[0]!.id;
    await h.ok('footage.link', { clipIds: [clipId], caseId: x }, t.archivist);
    await seal(h, x);
    const year = (h.archive.db.prepare('SELECT archive_year AS y FROM dossier_versions WHERE status = ? LIMIT 1').get('sealed') as { y: number }).y;
    const plan = await h.ok('review.plan.create', { title: '评查', year, templateId: 'county-comprehensive', mode: 'percent', amount: 100, seed: 's' }, lead);
    const inspector = (await h.ok('review.inspectors', {}, lead)).find((u) => u.name === '评查员')!;
    await h.ok('review.plan.assign', { planId: plan.id, items: [{ assignmentId: plan.assignments[0]!.id, inspectorId: inspector.id }] }, lead);
    const g = (await h.ok('retrieval.grants', {}, lead))[0]!;
    clock.t = Date.parse(g.until);
    const insp = (await h.ok('auth.login', { username: 'pingcha', password: PASSWORD })).token;
    const leadNow = (await h.ok('auth.login', { username: 'lingdao', password: PASSWORD })).token;
    const r = await h.call('retrieval.viewStart', { clipId }, insp);
    expect(r.ok || r.error.code).toBe('forbidden');
    expect((await h.ok('retrieval.grants', {}, leadNow))[0]).toMatchObject({ id: g.id, active: false, revokedAt: null });
  });
});
