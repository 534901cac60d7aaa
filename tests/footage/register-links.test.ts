import path from 'node:path';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sampleCase, scanJpeg } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { footageClient, PASSWORD } from './helpers/footage-core.js';
import { makeVideo } from './helpers/media.js';

async function setup() {
  const archive = path.join(tmpDir(), 'archive');
  const c = await footageClient(archive);
  const k = (await c.raw('case.create', sampleCase())) as { ok: true; value: { id: number } };
  const cam = path.join(tmpDir(), 'cam');
  makeVideo(path.join(cam, 'ZFY5130047_115007_20240311094032_0001.MP4'), { tag: 'a', creation: '2024-03-11T01:40:32Z' });
  makeVideo(path.join(cam, 'ZFY5130047_115007_20240601090000_0001.MP4'), { tag: 'b' });
  const r = await c.call('footage.ingest', { source: cam, derive: 'skip' });
  return { c, archive, caseId: k.value.id, clipIds: r.clipIds };
}

describe('device register (设备台账)', () => {
  it('finds officers through who held the camera when — never through the user number', async () => {
    const { c } = await setup();
    // Nobody registered: the camera's user number 115007 does not make anyone the holder.
    const before = await c.call('footage.list', {});
    expect(before.items.every((i) => i.officers.length === 0)).toBe(true);
    await c.call('device.register', { serial: '5130047', certNo: '豫S11520210047', userNo: '115007', from: '2024-01-01' });
    // Handover on 2024-05-01: the open entry is closed at the handover.
    await c.call('device.register', { serial: '5130047', certNo: '豫S11520210051', userNo: '115007', from: '2024-05-01T08:00' });
    const devices = await c.call('device.list', {});
    expect(devices[0]!.assignments).toEqual([
      expect.objectContaining({ certNo: '豫S11520210047', officerName: '李文静', from: '2024-01-01T00:00:00+08:00', to: '2024-05-01T08:00:00+08:00' }),
      expect.objectContaining({ certNo: '豫S11520210051', officerName: '王晓东', from: '2024-05-01T08:00:00+08:00', to: null }),
    ]);
    const march = await c.call('footage.list', { certNo: '豫S11520210047' });
    expect(march.items.map((i) => i.originalName)).toEqual(['ZFY5130047_115007_20240311094032_0001.MP4']);
    expect(march.items[0]!.officers).toEqual([{ certNo: '豫S11520210047', name: '李文静', via: 'register', linkId: null }]);
    expect((await c.call('footage.list', { certNo: '豫S11520210051' })).items.map((i) => i.originalName)).toEqual([
      'ZFY5130047_115007_20240601090000_0001.MP4',
    ]);
    expect((await c.call('footage.get', { id: march.items[0]!.id })).holder).toMatchObject({ name: '李文静', to: '2024-05-01T08:00:00+08:00' });

    // An overlapping entry is refused, naming the one it collides with; an unknown officer needs a name.
    const clash = await c.raw('device.register', { serial: '5130047', certNo: '豫S11520210047', from: '2024-04-01', to: '2024-04-15' });
    expect(clash.ok).toBe(false);
    if (!clash.ok)
      expect(clash.error.messageZh).toMatch(
        /记录仪 5130047 已登记由 李文静（豫S11520210047）自 2024-01-01T00:00:00\+08:00 至 2024-05-01T08:00:00\+08:00 使用，时间重叠/,
      );
    const unknown = await c.raw('device.register', { serial: '5130099', certNo: '豫S99999999999', from: '2024-01-01' });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    expect((await c.raw('device.register', { serial: '5130099', certNo: '豫S99999999999', officerName: '新队员', from: '2024-01-01' })).ok).toBe(true);
    await c.close();
  });
});

describe('links, retention and disposal', () => {
  it('links to a case / officer / activity and unlinks with a reason (closed, never deleted, audited)', async () => {
    const { c, archive, caseId, clipIds } = await setup();
    const linked = await c.call('footage.link', { clipIds, caseId, activity: 'CFKY', certNo: '豫S11520210051' });
    expect(linked[0]!.cases).toEqual([expect.objectContaining({ caseId, activity: '查封扣押' })]);
    expect(linked[0]!.officers).toEqual([expect.objectContaining({ certNo: '豫S11520210051', via: 'link' })]);
    expect(linked[0]!.retention.class).toBe('evidence');
    // Linking the same again adds nothing.
    await c.call('footage.link', { clipIds, caseId, activity: '查封扣押' });
    const d = await c.call('footage.get', { id: clipIds[0]! });
    expect(d.links.filter((l) => l.removedAt === null)).toHaveLength(2);
    const caseLink = d.links.find((l) => l.caseId === caseId)!;
    const after = await c.call('footage.unlink', { linkId: caseLink.id, reason: '误关联，应属其他案件' });
    expect(after.cases).toEqual([]);
    expect(after.retention.class).toBe('ordinary');
    const d2 = await c.call('footage.get', { id: clipIds[0]! });
    expect(d2.links.find((l) => l.id === caseLink.id)).toMatchObject({ removedReason: '误关联，应属其他案件', removedBy: '管理员' });
    expect((await c.raw('footage.unlink', { linkId: caseLink.id, reason: 'again' })).ok).toBe(false);
    const audit = (await c.raw('audit.list', { targetType: 'clip' })) as { ok: true; value: { action: string }[] };
    expect(audit.value.map((a) => a.action)).toEqual(expect.arrayContaining(['footage.ingest', 'footage.link', 'footage.unlink']));
    // Linking two clips in one call gives each clip its own audit entry (found by the clip's id).
    for (const id of clipIds) {
      const own = (await c.raw('audit.list', { targetType: 'clip', targetId: String(id) })) as { ok: true; value: { action: string }[] };
      expect(own.value.filter((a) => a.action === 'footage.link').length, `clip ${id}`).toBeGreaterThanOrEqual(1);
    }

    const db = new Database(path.join(archive, 'catalog.db'));
    expect(() => db.prepare('DELETE FROM clip_links').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE clips SET sm3 = 'x'").run()).toThrow(/never change/);
    expect(() => db.prepare("UPDATE clips SET sha256 = 'x'").run()).toThrow(/never change/);
    expect(() => db.prepare('DELETE FROM clips').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM clip_sources').run()).toThrow(/append-only/);
    db.close();
    await c.close();
  });

  it('ordinary footage is due after six months; disposal needs a reason and someone else to approve; evidence is refused', async () => {
    const { c, clipIds, caseId } = await setup();
    const due = await c.call('footage.retentionDue', { asOf: '2024-09-12' });
    expect(due.map((d) => d.originalName)).toEqual(['ZFY5130047_115007_20240311094032_0001.MP4']);
    expect(due[0]!.retention).toEqual({ class: 'ordinary', keepUntil: '2024-09-11', due: true });
    const [oldClip, newClip] = [due[0]!.id, clipIds.find((i) => i !== due[0]!.id)!];
    await c.call('footage.link', { clipIds: [newClip], caseId });
    const refused = await c.raw('footage.requestDisposal', { clipId: newClip, reason: '保存期满' });
    expect(!refused.ok && refused.error.messageZh).toMatch(/已关联案件，作为证据保存/);

    const req = await c.call('footage.requestDisposal', { clipId: oldClip, reason: '保存期满，未作为证据' });
    expect(req.state).toBe('requested');
    const self = await c.raw('footage.decideDisposal', { disposalId: req.id, approve: true });
    expect(!self.ok && self.error.messageZh).toMatch(/处置申请人不能审批自己的申请/);
    // A supervisor (领导) approves.
    await c.raw('user.create', { username: 'lingdao', displayName: '周立新', role: 'supervisor', password: PASSWORD });
    const boss = await footageClient(c.core.archiveDir, { user: 'lingdao' }).catch(() => null);
    expect(boss).not.toBeNull();
    // Each sees whether a request is their own (the 审批 button is offered only on others' requests).
    expect(req.requestedByYou).toBe(true);
    expect((await c.call('footage.disposals', { clipId: oldClip }))[0]!.requestedByYou).toBe(true);
    expect((await boss!.call('footage.disposals', {}))[0]).toMatchObject({ id: req.id, requestedByYou: false });
    const d = await boss!.call('footage.decideDisposal', { disposalId: req.id, approve: true, note: '同意' });
    expect(d).toMatchObject({ state: 'approved', decidedBy: '周立新' });
    const gone = c.core.archive.store.pathOf(due[0]!.sha256);
    expect(existsSync(gone)).toBe(false);
    // The record stays; the list hides it; verify does not call it vanished.
    expect((await c.call('footage.get', { id: oldClip })).disposed).toBe(true);
    expect((await c.call('footage.list', {})).total).toBe(1);
    expect((await c.call('footage.verify', { mode: 'full' })).problems).toEqual([]);
    expect((await boss!.raw('footage.decideDisposal', { disposalId: req.id, approve: false })).ok).toBe(false);
    await boss!.close();
    await c.close();
  });

  it('checks roles first, and offers ingest (a local path) over HTTP only to signed-in writers', async () => {
    const { c } = await setup();
    await c.raw('user.create', { username: 'pingcha', displayName: '评查员', role: 'inspector', password: PASSWORD });
    const inspector = await footageClient(c.core.archiveDir, { user: 'pingcha' });
    expect((await inspector.raw('footage.ingest', { source: '/tmp' })) as { ok: boolean; error?: { code: string } }).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await inspector.raw('footage.verify', {})) as { ok: boolean; error?: { code: string } }).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await inspector.raw('footage.list', {})).ok).toBe(true);
    // Ingest takes a local path; it is offered over the localhost bridge (same machine, same OS user),
    // but a signed-out or read-only (评查员) HTTP caller is still refused before the path is touched.
    const anonHttp = await c.core.invoke('footage.ingest', { source: '/tmp' }, { transport: 'http' });
    expect(!anonHttp.ok && anonHttp.error.code).toBe('unauthenticated');
    expect(inspector.token).toBeTruthy();
    const inspectorHttp = await inspector.core.invoke('footage.ingest', { source: '/tmp' }, { transport: 'http', sessionToken: inspector.token! });
    expect(!inspectorHttp.ok && inspectorHttp.error.code).toBe('forbidden');
    await inspector.close();
    await c.close();
  });

  it('shows which required recordings a case is missing (音像记录事项清单)', async () => {
    const { c, caseId, clipIds } = await setup();
    const scan = await scanJpeg(path.join(tmpDir(), 'kyjds.jpg'));
    const staged = (await c.raw('upload.stagePath', { path: scan })) as { ok: true; value: { stagedId: string } };
    expect((await c.raw('document.add', { caseId, kind: 'KYJDS', title: '查封(扣押)决定书', files: [{ stagedId: staged.value.stagedId }] })).ok).toBe(true);
    const missing = await c.call('footage.coverage', { caseId });
    expect(missing.missing).toEqual(['查封扣押']);
    await c.call('footage.link', { clipIds: [clipIds[0]!], caseId, activity: '查封扣押' });
    const ok = await c.call('footage.coverage', { caseId });
    expect(ok.missing).toEqual([]);
    expect(ok.items.find((i) => i.name === '查封扣押')).toMatchObject({ status: 'present', clips: 1, recording: 'full', indicated: true });
    const checklist = await c.call('footage.checklist', {});
    expect(checklist.activities.find((a) => a.name === '强制拆除')?.recording).toBe('full');
    await c.close();
  });
});
