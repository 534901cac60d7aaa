import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeRetrievalCommand } from '../../src/cli/commands/retrieval.js';
import { CliError } from '../../src/cli/output.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { PASSWORD, retrievalWorld } from './helpers.js';

const cmd = makeRetrievalCommand();
let out = '';
beforeEach(() => {
  out = '';
  process.env.JUANZONG_PASSWORD = PASSWORD;
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

async function run(
  user: string,
  positionals: string[],
  values: Record<string, string | boolean>,
  json = true,
): Promise<{ json: unknown; text: string; error: CliError | null }> {
  out = '';
  let error: CliError | null = null;
  try {
    await cmd.run({ positionals, values: { user, ...values }, json });
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    error = e;
  }
  return { json: json && out ? JSON.parse(out) : null, text: out, error };
}

describe('juanzong retrieval', () => {
  it('request (by 案号), approve (not one’s own), list, revoke, log and the 登记表 PDF', async () => {
    const dir = tmpDir();
    const w = await retrievalWorld(dir);
    const arch = w.core.archive.layout.root;
    w.core.close();
    const archive = { archive: arch };

    const filed = await run('arch', ['request'], { ...archive, case: sampleCase().caseNo, until: '2099-12-31', reason: '核查投诉', purpose: '投诉核查' });
    expect(filed.error).toBeNull();
    const req = filed.json as { id: number; status: string; scope: { caseNo: string } };
    expect(req).toMatchObject({ status: 'pending', scope: { caseNo: sampleCase().caseNo } });

    const none = await run('arch', ['request'], { ...archive, until: '2099-12-31', reason: '核查' });
    expect(none.error?.payload.messageZh).toContain('调阅范围');
    const badPurpose = await run('arch', ['request'], { ...archive, clips: '1', until: '2099-12-31', reason: '核查', purpose: '好奇' });
    expect(badPurpose.error?.payload.messageZh).toContain('--purpose');

    const own = await run('lead', ['request'], { ...archive, clips: String(w.clipB), until: '2099-12-31', reason: '监督检查', purpose: 'supervision' });
    const ownId = (own.json as { id: number }).id;
    expect((await run('lead', ['approve', String(ownId)], { ...archive, comment: '同意' })).error?.payload.code).toBe('forbidden');
    expect((await run('arch', ['approve', String(req.id)], { ...archive, comment: '同意' })).error?.payload.code).toBe('forbidden');

    const ok = await run('lead', ['approve', String(req.id)], { ...archive, comment: '同意调阅' });
    expect(ok.json).toMatchObject({ status: 'approved', grant: { active: true } });
    const grantId = (ok.json as { grant: { id: number } }).grant.id;
    const rej = await run('lead2', ['reject', String(ownId)], { ...archive, comment: '不予批准' });
    expect(rej.json).toMatchObject({ status: 'rejected' });

    const pending = await run('lead', ['list'], { ...archive, status: 'pending' });
    expect(pending.json).toEqual([]);
    const text = await run('lead', ['list'], archive, false);
    expect(text.text).toContain(`#${req.id} 已批准 孙档案 案件 ${sampleCase().caseNo}`);

    const rev = await run('lead', ['revoke', String(grantId)], { ...archive, reason: '核查结束' });
    expect(rev.json).toMatchObject({ ok: true, grantId });
    expect((await run('lead', ['revoke', String(grantId)], { ...archive, reason: '再撤' })).error?.payload.message).toMatch(/already revoked/);

    const log = await run('lead', ['log'], { ...archive, person: 'arch' });
    expect(log.json).toMatchObject({ views: [], refusals: [] });
    expect((await run('lead', ['log'], { ...archive, person: 'nobody' })).error?.payload.messageZh).toContain('用户 nobody 不存在');

    const pdf = path.join(dir, '登记表.pdf');
    const noPeriod = await run('lead', ['log'], { ...archive, pdf });
    expect(noPeriod.error?.payload.messageZh).toContain('--from');
    const written = await run('lead', ['log'], { ...archive, pdf, from: '2020-01-01', to: '2099-12-31' });
    expect(written.json).toMatchObject({ path: pdf, pages: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(execFileSync('pdftotext', [pdf, '-']).toString('utf8')).toContain('调阅登记表');
    expect((await run('lead', ['frobnicate'], archive)).error?.payload.messageZh).toContain('未知子命令');
  });
});
