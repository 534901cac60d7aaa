import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/resources/paths.js';
import { tmpDir } from '../helpers/tmp.js';
import { reviewSetup } from './helpers/review-setup.js';

const root = projectRoot();

const BIN = path.join(root, 'bin', 'juanzong.js');

/** The built CLI, as tests/cli does (`npm run build` first). */
function juanzong(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, JUANZONG_PASSWORD: 'secret-pass-1' }, cwd: root, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('juanzong review / review-template', () => {
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'commands', 'review.js'))) throw new Error('the CLI is not built: run `npm run build`');
  });

  it('review-template check accepts the shipped sheets and names the bad field of a broken one', async () => {
    const ok = await juanzong(['review-template', 'check', path.join(root, 'resources', 'review-templates', 'county-comprehensive.json'), '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, template: { id: 'county-comprehensive', total: 100 } });
    const t = JSON.parse(readFileSync(path.join(root, 'resources', 'review-templates', 'county-comprehensive.json'), 'utf8')) as {
      veto: { points?: number }[];
    };
    t.veto[0]!.points = 10;
    const bad = path.join(tmpDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify(t));
    const r = await juanzong(['review-template', 'check', bad, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; issues: { path: string; messageZh: string }[] };
    expect(out.ok).toBe(false);
    expect(out.issues[0]).toMatchObject({ path: 'veto.0.points' });
    expect(out.issues[0]!.messageZh).toContain('否决项不设分值');
    expect(r.stderr).toContain('veto.0.points');
  }, 60_000);

  it('plan create, assign, list, submit, report and summary — all with --json', async () => {
    const dir = tmpDir();
    const s = await reviewSetup(dir);
    s.h.close();
    const base = ['--archive', dir, '--json'];
    const created = await juanzong([
      'review',
      'plan',
      'create',
      ...base,
      '--user',
      'lingdao',
      '--year',
      String(s.year),
      '--template',
      'cehui-penalty-2019',
      '--count',
      '2',
      '--seed',
      'cli-seed',
    ]);
    expect(created.stderr).toBe('');
    const plan = JSON.parse(created.stdout) as { id: number; seed: string; assignments: { caseNo: string }[] };
    expect(plan.seed).toBe('cli-seed');
    expect(plan.assignments).toHaveLength(2);
    const caseNo = plan.assignments[0]!.caseNo;
    const assigned = JSON.parse(
      (await juanzong(['review', 'plan', 'assign', ...base, '--user', 'lingdao', '--plan', String(plan.id), '--inspector', 'pingcha'])).stdout,
    ) as {
      progress: { assigned: number };
    };
    expect(assigned.progress.assigned).toBe(2);
    const list = JSON.parse((await juanzong(['review', 'plan', 'list', ...base, '--user', 'pingcha'])).stdout) as { id: number; seed: string }[];
    expect(list).toEqual([expect.objectContaining({ id: plan.id, seed: 'cli-seed' })]);

    const bySupervisor = await juanzong(['review', 'submit', ...base, '--user', 'lingdao', '--case', caseNo, '--accept-proposals']);
    expect(bySupervisor.code).toBe(1);
    expect(JSON.parse(bySupervisor.stdout)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const sub = await juanzong(['review', 'submit', ...base, '--user', 'pingcha', '--case', caseNo, '--reject-proposals', '经核实不扣分']);
    expect(sub.stderr).toBe('');
    expect(JSON.parse(sub.stdout)).toMatchObject({ status: 'submitted', sheet: { total: 100, grade: 'excellent' } });
    const twice = await juanzong(['review', 'submit', ...base, '--user', 'pingcha', '--case', caseNo, '--accept-proposals']);
    expect(JSON.parse(twice.stdout)).toMatchObject({ ok: false, error: { code: 'duplicate' } });

    const pdf = path.join(tmpDir(), 'r.pdf');
    const rep = JSON.parse((await juanzong(['review', 'report', ...base, '--user', 'pingcha', '--case', caseNo, '--pdf', pdf])).stdout) as {
      path: string;
      pages: number;
    };
    expect(rep.path).toBe(pdf);
    const sum = path.join(tmpDir(), 's.pdf');
    const su = JSON.parse((await juanzong(['review', 'summary', ...base, '--user', 'lingdao', '--plan', String(plan.id), '--pdf', sum])).stdout) as {
      pages: number;
    };
    expect(su.pages).toBeGreaterThanOrEqual(1);
    const text = await new Promise<string>((res) => execFile('pdftotext', [sum, '-'], (_e, out) => res(out)));
    expect(text).toContain('cli-seed');
    expect(text).toContain(caseNo);
  }, 600_000);
});
