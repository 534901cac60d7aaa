import { describe, expect, it } from 'vitest';
import type { DossierView } from '../../src/api/types-dossier.js';
import { assertCaseOpen, isSealedViolation } from '../../src/cases/sealed-guard.js';
import { DossierSerialRepo } from '../../src/storage/repos/dossier-serial-repo.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { openHarness, seedCase, seedSamples, setupUsers } from './helpers/harness.js';

async function ready() {
  const h = await openHarness(`${tmpDir()}/archive`);
  const tokens = await setupUsers(h);
  const ids = await seedSamples(h);
  return { h, tokens, ids };
}

const count = (h: { archive: { db: { prepare(s: string): { get(): unknown } } } }, table: string) =>
  (h.archive.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('sealing (归档)', () => {
  it('seals the five sample cases with yearly 归档号 in sealing order, composing the 档号 from the archive’s 全宗号/目录号', async () => {
    const { h, ids } = await ready();
    h.archive.meta.set('fonds_no', 'Z109');
    h.archive.meta.set('catalog_no', 'ZF');
    const sealed: DossierView[] = [];
    for (const id of ids) sealed.push(await h.ok('dossier.seal', { caseId: id, checker: '周立新' }));
    expect(sealed.map((v) => v.version!.archiveNo)).toEqual(['20240001', '20240002', '20240003', '20240004', '20240005']);
    expect(sealed.map((v) => v.version!.archiveCode)).toEqual(['Z109-ZF-0001', 'Z109-ZF-0002', 'Z109-ZF-0003', 'Z109-ZF-0004', 'Z109-ZF-0005']);
    expect(sealed[1]!.version!.retention).toBe('D30');
    expect(sealed[0]!.bound.volumes[0]!.cover.lines.find((l) => l.id === 'archiveNo')!.value).toBe('20240001');
    expect(sealed[0]!.bound.volumes[0]!.beikao.checker).toBe('周立新');
    expect(sealed[0]).toMatchObject({ status: 'sealed', canSeal: false, scope: 'case' });
    // Volumes and 目录 entries are in the catalogue; the audit chain holds a seal entry per dossier.
    expect(count(h, 'dossier_volumes')).toBe(5);
    expect(count(h, 'dossier_entries')).toBe(27 + 5 + 24 + 21 + 13);
    const audit = await h.ok('audit.list', { targetType: 'dossier' }, (await h.ok('auth.login', { username: 'admin', password: 'secret-pass-1' })).token);
    expect(audit.filter((a) => a.action === 'dossier.seal')).toHaveLength(5);
    expect((await h.ok('audit.verify', {})).ok).toBe(true);
    await h.close();
  });

  it('refuses a case already sealed, and a case with errors or unacknowledged warnings — leaving no number used and nothing written', async () => {
    const { h, ids } = await ready();
    await h.ok('dossier.seal', { caseId: ids[0] });
    expect(() => assertCaseOpen(h.deps.archive, ids[0]!, '青石综执罚立〔2024〕15号')).toThrowError(/is sealed/);
    expect(() => assertCaseOpen(h.deps.archive, ids[1]!)).not.toThrow();
    try {
      h.archive.db.prepare("UPDATE cases SET title = 'x' WHERE id = ?").run(ids[0]);
    } catch (e) {
      expect(isSealedViolation(e)).toBe(true);
    }
    const again = await h.call('dossier.seal', { caseId: ids[0] });
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(again.ok || again.error.messageZh).toContain('已归档封存');

    const bad = await seedCase(h, sampleCase(), [{ kind: 'XWBL', title: '询问笔录', date: '2024-03-13', pages: 2 }]);
    const before = { serial: new DossierSerialRepo(h.archive.db).last(2024), versions: count(h, 'dossier_versions'), volumes: count(h, 'dossier_volumes') };
    const r = await h.call('dossier.seal', { caseId: bad });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.messageZh).toMatch(/不能归档：尚有 \d+ 个问题/);
    expect(new DossierSerialRepo(h.archive.db).last(2024)).toBe(before.serial);
    expect(count(h, 'dossier_volumes')).toBe(before.volumes);
    expect(count(h, 'archive_numbers')).toBe(1);

    // Acknowledge every warning with a reason, then it seals with the next serial.
    const preview = await h.ok('dossier.preview', { caseId: bad });
    expect(preview.blockers.every((b) => b.severity === 'warning')).toBe(true);
    for (const w of preview.blockers) await h.ok('dossier.acknowledge', { caseId: bad, warning: w.key, reason: '测试案件，仅有询问笔录' });
    const s = await h.ok('dossier.seal', { caseId: bad });
    expect(s.version!.archiveNo).toBe('20240002');
    expect(s.bound.volumes[0]!.beikao.statement).toContain('说明：测试案件，仅有询问笔录');
    await h.close();
  });

  it('refuses to acknowledge an error, or a warning the case does not have', async () => {
    const { h } = await ready();
    const c = await seedCase(h, sampleCase(), [{ kind: 'XWBL', title: '询问笔录', date: '2024-03-13', pages: 1, blank: [0] }]);
    const v = await h.ok('dossier.preview', { caseId: c });
    const err = v.bound.issues.find((i) => i.severity === 'error')!;
    expect(await h.call('dossier.acknowledge', { caseId: c, warning: err.key, reason: '无所谓' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await h.call('dossier.acknowledge', { caseId: c, warning: 'missing:NOPE', reason: '无所谓' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await h.close();
  });

  it('records a manual reorder only with a reason for each moved document', async () => {
    const { h, ids } = await ready();
    const v = await h.ok('dossier.preview', { caseId: ids[4] });
    const order = v.bound.volumes[0]!.entries.map((e) => e.parts[0]!.documentId!);
    const moved = [order[1]!, order[0]!, ...order.slice(2)];
    const r = await h.call('dossier.reorder', { caseId: ids[4], order: moved, reasons: {} });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', item: 'reasons' } });
    expect(await h.call('dossier.reorder', { caseId: ids[4], order: moved.slice(1), reasons: {} })).toMatchObject({ ok: false, error: { item: 'order' } });
    const dev = (await h.ok('dossier.preview', { caseId: ids[4] })).status;
    expect(dev).toBe('unbound');
    const reasons = { [String(order[0])]: '现场检查笔录在前，与办案时间一致' };
    const ok = await h.ok('dossier.reorder', { caseId: ids[4], order: moved, reasons });
    expect(ok.status).toBe('draft');
    expect(ok.bound.deviations).toHaveLength(1);
    expect(ok.bound.volumes[0]!.entries[0]!.parts[0]!.documentId).toBe(order[1]);
    const s = await h.ok('dossier.seal', { caseId: ids[4] });
    expect(s.bound.volumes[0]!.beikao.statement).toContain('原因：现场检查笔录在前，与办案时间一致');
    expect(count(h, 'dossier_deviations')).toBe(1);
    await h.close();
  });

  it('lets every role read a dossier but only archivists and administrators write', async () => {
    const { h, tokens, ids } = await ready();
    expect((await h.call('dossier.preview', { caseId: ids[0] }, tokens.inspector)).ok).toBe(true);
    expect(await h.call('dossier.seal', { caseId: ids[0] }, tokens.inspector)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.call('dossier.reorder', { caseId: ids[0], order: null }, tokens.inspector)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await h.call('dossier.seal', { caseId: ids[0] }, tokens.admin)).ok).toBe(true);
    expect((await h.call('dossier.get', { caseId: ids[0] }, tokens.inspector)).ok).toBe(true);
    expect(await h.call('dossier.preview', { caseId: ids[0] }, 'no-such-token')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await h.close();
  });

  it('binds with another profile on request (preview), and seals with it', async () => {
    const { h, ids } = await ready();
    const v = await h.ok('dossier.preview', { caseId: ids[2], profileId: 'market-supervision-2021' });
    expect(v.bound.volumes.map((x) => x.label)).toEqual(['正卷', '副卷']);
    const s = await h.ok('dossier.seal', { caseId: ids[2], profileId: 'market-supervision-2021' });
    expect(s.version).toMatchObject({ profileId: 'market-supervision-2021', archiveNo: '20240001' });
    // A sealed case is shown as sealed, whatever profile is asked for; an unknown profile is refused for the others.
    expect(await h.call('dossier.preview', { caseId: ids[2], profileId: 'no-such' })).toMatchObject({ ok: true, value: { status: 'sealed' } });
    expect(await h.call('dossier.preview', { caseId: ids[3], profileId: 'no-such' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await h.close();
  });
});
