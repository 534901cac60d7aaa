import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/api/types.js';
import { auditActionZhCN, auditZhCN } from '../../renderer/i18n/audit.zh-CN.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { retrievalWorld } from '../retrieval/helpers.js';

const CASE_NO = '青石综执罚立〔2024〕99号';
const DAY = 86_400_000;

/** The target type labels as the UI has them (audit.target.fixityRun → fixityRun: 核验). */
const targetLabels = Object.fromEntries(
  Object.entries(auditZhCN)
    .filter(([k]) => k.startsWith('audit.target.'))
    .map(([k, v]) => [k.slice('audit.target.'.length), v]),
);
const labels = { actions: auditActionZhCN, targets: targetLabels, details: { caseNo: '案号', reason: '理由', address: '地址' } };

/** A world two days on from its set-up, with a failed sign-in of an unknown user and one by 赵领导. */
async function world() {
  const dir = tmpDir();
  const w = await retrievalWorld(dir);
  await w.core.invoke('auth.login', { username: 'nobody', password: 'wrong-password' }, { transport: 'direct' });
  w.clock.advance(2 * DAY);
  // Sessions ran out in the two days: everyone signs in again.
  const [admin, arch, lead] = [await w.login('admin'), await w.login('arch'), await w.login('lead')];
  await arch.call('case.update', { id: w.caseId, case: sampleCase({ title: '张某某未取得乡村建设规划许可证进行建设案（更正）' }) });
  return { dir, w: { ...w, admin, arch }, lead };
}

const list = (c: { call: (n: 'audit.list', i: unknown) => Promise<AuditEntry[]> }, q: Record<string, unknown>) => c.call('audit.list', { limit: 1000, ...q });

describe('audit.list filters and readable targets', () => {
  it('filters by action, operator, target (案号, file name, name), period and hides 登录 rows; labels every named target', async () => {
    const { w, lead } = await world();
    const all = await list(w.admin, {});
    expect(all.length).toBeGreaterThan(10);

    const created = await list(w.admin, { action: 'case.create' });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ targetType: 'case', targetId: String(w.caseId), targetLabel: CASE_NO });

    const byArch = await list(lead, { actor: '孙档案' });
    expect(byArch.length).toBeGreaterThan(2);
    for (const e of byArch) expect(e.actor).toBe('孙档案(arch)');
    expect(await list(w.admin, { actorId: w.ids.arch })).toEqual(byArch);

    // A part of the 案号 finds the case's entries (and its documents'), not others.
    const byCase = await list(w.admin, { targetText: '〔2024〕99' });
    expect(byCase.map((e) => e.action)).toEqual(expect.arrayContaining(['case.create', 'case.update']));
    for (const e of byCase) expect(e.targetLabel).toContain('〔2024〕99');
    const byFile = await list(w.admin, { targetText: 'A001' });
    expect(byFile.length).toBeGreaterThan(0);
    for (const e of byFile) expect(e).toMatchObject({ targetType: 'clip', targetId: String(w.clipA), targetLabel: 'A001.mp4' });
    const byName = await list(w.admin, { targetText: '赵领导', action: 'user.create' });
    expect(byName).toMatchObject([{ targetType: 'user', targetId: String(w.ids.lead), targetLabel: '赵领导' }]);
    // A wildcard in the text is taken literally.
    expect(await list(w.admin, { targetText: '%' })).toEqual([]);

    // A target that is not in the catalogue keeps its id.
    const failed = all.find((e) => e.action === 'auth.login.failed')!;
    expect(failed).toMatchObject({ targetId: 'nobody', targetLabel: null });

    // 隐藏登录记录: no sign-ins or failed sign-ins, everything else stays.
    const logins = all.filter((e) => e.action === 'auth.login' || e.action === 'auth.login.failed');
    expect(logins.length).toBeGreaterThan(2);
    const hidden = await list(w.admin, { hideLogins: true });
    expect(hidden.map((e) => e.seq)).toEqual(all.filter((e) => !logins.includes(e)).map((e) => e.seq));

    // The period, in the archive's zone (+08:00): set-up was 2026-12-02, the update 2026-12-04.
    const later = await list(w.admin, { from: '2026-12-04' });
    expect(later.map((e) => e.action).sort()).toEqual(['auth.login', 'auth.login', 'auth.login', 'case.update']);
    const earlier = await list(w.admin, { to: '2026-12-02' });
    expect(earlier.length + later.length).toBe(all.length);
    expect(earlier.map((e) => e.action)).not.toContain('case.update');
    expect(await list(w.admin, { from: '2026-12-03', to: '2026-12-03' })).toEqual([]);
    expect((await w.admin.fail('audit.list', { from: '2026-12-05', to: '2026-12-01' })).code).toBe('invalid_input');

    // Paging under a filter walks on from the last row seen.
    const first = await w.admin.call('audit.list', { limit: 2, hideLogins: true });
    const next = await w.admin.call('audit.list', { limit: 2, hideLogins: true, beforeSeq: first.at(-1)!.seq });
    expect([...first, ...next].map((e) => e.seq)).toEqual(hidden.slice(0, 4).map((e) => e.seq));
    await w.core.close();
  });

  it('exports the filtered log as CSV (BOM, header, Chinese labels) and PDF/A, audited; archivists may not', async () => {
    const { dir, w, lead } = await world();
    const csvPath = path.join(dir, 'out', '审计日志.csv');
    const r = await lead.call('audit.export', { format: 'csv', target: csvPath, hideLogins: true, labels });
    // The text filter and the path are different fields: a filtered export has only the case's rows.
    const only = path.join(dir, 'out', '本案.csv');
    await lead.call('audit.export', { format: 'csv', target: only, targetText: '〔2024〕99', labels });
    const onlyLines = readFileSync(only, 'utf8').split('\r\n').filter(Boolean).slice(1);
    expect(onlyLines.length).toBeGreaterThan(1);
    for (const l of onlyLines) expect(l).toContain('〔2024〕99');
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('序号,时间,操作人,操作,对象,详情,哈希');
    expect(lines).toHaveLength(r.rows + 1);
    expect(text).toContain(`登记案件,案件 ${CASE_NO}`);
    expect(text).toContain('修改案件');
    expect(text).toContain('音像记录 A001.mp4');
    expect(text).not.toContain('登录');
    expect(text).not.toContain('auth.login');
    // Times in the archive's zone, not UTC ISO.
    expect(text).toMatch(/,2026-12-04 10:00:00,孙档案\(arch\),修改案件,/);
    expect(r).toMatchObject({ format: 'csv', path: csvPath, size: bytes.byteLength });

    const pdfPath = path.join(dir, 'out', '审计日志.pdf');
    const p = await w.admin.call('audit.export', { format: 'pdf', target: pdfPath, action: 'case.update', labels });
    expect(p).toMatchObject({ format: 'pdf', rows: 1 });
    const pdf = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(pdf).toContain('审计日志');
    expect(pdf).toContain('操作：修改案件');
    expect(pdf).toContain('孙档案');
    // The table wraps long cells: the 案号 of the target and the detail, with its label.
    expect(pdf).toContain('案件 青石综执罚立〔');
    expect(pdf).toContain('案号：青石综执罚立〔2024〕');
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/PDF version/);

    const exports = await list(w.admin, { action: 'audit.export' });
    expect(exports.map((e) => [e.actor, e.targetId, e.detail?.format])).toEqual([
      ['管理员(admin)', '审计日志.pdf', 'pdf'],
      ['赵领导(lead)', '本案.csv', 'csv'],
      ['赵领导(lead)', '审计日志.csv', 'csv'],
    ]);
    expect((await w.arch.fail('audit.export', { format: 'csv', target: path.join(dir, 'x.csv') })).code).toBe('forbidden');
    expect((await w.admin.fail('audit.export', { format: 'pdf', target: path.join(dir, 'x.csv') })).code).toBe('invalid_input');
    expect(w.core.archive.audit.verify().ok).toBe(true);
    await w.core.close();
  });
});
