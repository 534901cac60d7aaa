import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { type Harness, openHarness, setupUsers } from '../dossier/helpers/harness.js';

let h: Harness;
let tokens: Awaited<ReturnType<typeof setupUsers>>;

const CERT = { issuer: '河南省人民政府', validFrom: '2021-03-01', validTo: '2024-07-31' };

beforeEach(async () => {
  h = await openHarness(path.join(tmpDir(), 'archive'));
  tokens = await setupUsers(h);
  return () => h.close();
});

describe('the officer register (持证上岗)', () => {
  it('enters an officer with a certificate, renews it, and keeps the status history', async () => {
    const o = await h.ok('officer.create', { certNo: '豫S11520210047', name: '李文静', post: '执法队员', certificate: CERT });
    expect(o).toMatchObject({ certNo: '豫S11520210047', registered: true, status: 'active', validToday: false, problem: 'expired' });
    expect(o.statusHistory).toMatchObject([{ status: 'active', from: '2021-03-01' }]);

    const renewed = await h.ok('officer.certificate.add', {
      officerId: o.id,
      certificate: { issuer: '河南省人民政府', validFrom: '2024-08-01', validTo: '2099-07-31' },
    });
    expect(renewed.certificates.map((c) => [c.validFrom, c.validTo])).toEqual([
      ['2021-03-01', '2024-07-31'],
      ['2024-08-01', '2099-07-31'],
    ]);
    expect(renewed).toMatchObject({ validToday: true, problem: null });

    const moved = await h.ok('officer.update', { id: o.id, status: { status: 'transferred', from: '2025-01-01', reason: '调往县局' } });
    expect(moved.statusHistory.map((s) => s.status)).toEqual(['active', 'transferred']);
    expect(moved).toMatchObject({ status: 'transferred', validToday: false, problem: 'inactive' });

    const audit = await h.ok('audit.list', { targetType: 'officer', targetId: String(o.id) }, tokens.admin);
    expect(audit.map((a) => a.action).sort()).toEqual(['officer.certificate.add', 'officer.create', 'officer.status']);
  });

  it('registers an officer a case already named, and refuses a second registration', async () => {
    await h.ok('case.create', sampleCase());
    const known = await h.ok('officer.list', {});
    expect(known.length).toBeGreaterThan(0);
    const first = known[0]!;
    expect(first).toMatchObject({ registered: false, problem: 'unregistered', caseCount: 1 });
    const reg = await h.ok('officer.create', { certNo: first.certNo, name: first.name, certificate: { ...CERT, validTo: '2099-12-31' } });
    expect(reg.id).toBe(first.id);
    const again = await h.call('officer.create', { certNo: first.certNo, name: first.name });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'duplicate', messageZh: `执法证号 ${first.certNo} 已登记在名册中` });
  });

  it('refuses bad certificates and writes nothing', async () => {
    const o = await h.ok('officer.create', { certNo: '豫S11520210051', name: '王晓东', certificate: CERT });
    const before = (await h.ok('audit.list', {}, tokens.admin)).length;
    const backwards = await h.call('officer.certificate.add', {
      officerId: o.id,
      certificate: { issuer: '河南省人民政府', validFrom: '2025-03-01', validTo: '2025-02-01' },
    });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.error.messageZh).toContain('有效期止（2025-02-01）早于有效期起（2025-03-01）');
    const overlap = await h.call('officer.certificate.add', {
      officerId: o.id,
      certificate: { issuer: '河南省人民政府', validFrom: '2024-01-01', validTo: '2026-01-01' },
    });
    expect(overlap.ok).toBe(false);
    if (!overlap.ok) expect(overlap.error).toMatchObject({ code: 'duplicate' });
    const badDay = await h.call('officer.certificate.add', {
      officerId: o.id,
      certificate: { issuer: '河南省人民政府', validFrom: '2025-02-30', validTo: '2026-01-01' },
    });
    expect(badDay.ok).toBe(false);
    expect((await h.ok('officer.get', { id: o.id })).certificates).toHaveLength(1);
    expect((await h.ok('audit.list', {}, tokens.admin)).length).toBe(before);
  });

  it('lets every role read the register but only writers change it', async () => {
    const denied = await h.call('officer.create', { certNo: '豫S1', name: '某某' }, tokens.inspector);
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.error.code).toBe('forbidden');
    expect((await h.call('officer.list', {}, tokens.inspector)).ok).toBe(true);
  });

  it('warns the case form about officers without a valid certificate on the day', async () => {
    await h.ok('officer.create', { certNo: '豫S11520210047', name: '李文静', certificate: CERT });
    await h.ok('officer.create', { certNo: '豫S11520210051', name: '王晓东', certificate: { ...CERT, validTo: '2099-12-31' } });
    const w = await h.ok('officer.checkCase', {
      day: '2024-08-21',
      officers: [
        { name: '李文静', certNo: '豫S11520210047' },
        { name: '王晓东', certNo: '豫S11520210051' },
        { name: '新同志', certNo: '豫S99999999999' },
      ],
    });
    expect(w.map((x) => [x.name, x.problem])).toEqual([
      ['李文静', 'expired'],
      ['新同志', 'unregistered'],
    ]);
    expect(w[0]!.messageZh).toBe('李文静的执法证 豫S11520210047 已于 2024-07-31 到期，2024-08-21不具有执法资格');
  });
});
