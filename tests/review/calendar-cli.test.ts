import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/resources/paths.js';
import { openHarness, PASSWORD, seedCase, setupUsers } from '../dossier/helpers/harness.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';

const root = projectRoot();
const BIN = path.join(root, 'bin', 'juanzong.js');

/** The built CLI, as tests/review/cli.test.ts runs it (`npm run build` first). */
function juanzong(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, JUANZONG_PASSWORD: PASSWORD }, cwd: root, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A 2027 decision served on Monday 10-18, across a 国庆 the shipped calendar (ending with 2026) does not know. */
const CASE_2027 = sampleCase({
  caseNo: '青石综执罚立〔2027〕21号',
  dates: { filed: '2027-09-01', decision: '2027-09-30', served: '2027-10-18', closed: '2027-11-30' },
});
const DOCS = [
  { kind: 'LASPB', title: '立案审批表', date: '2027-09-01', pages: 1 },
  { kind: 'CFJDS', title: '行政处罚决定书', date: '2027-09-30', pages: 2 },
  { kind: 'SDHZ', title: '行政处罚决定书送达回证', date: '2027-10-18', pages: 1 },
];
/** A hypothetical 2027 notice: 国庆 Friday 10-01 and Monday–Thursday 10-04…10-07 off; Sunday 09-26 and Saturday 10-09 worked. */
const Y2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  off: ['2027-01-01', '10-01', '10-04', '10-05', '10-06', '10-07'],
  work: ['09-26', '2027-10-09'],
};

interface Finding {
  ruleId: string;
  outcome: string;
  detailZh: string;
}

describe('juanzong calendar list|show|set', () => {
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'commands', 'calendar.js'))) throw new Error('the CLI is not built: run `npm run build`');
  });

  it('an administrator enters 2027 from a file; the 送达 deadline is then decided on that year, not on weekdays', async () => {
    const dir = path.join(tmpDir(), 'archive');
    const h = await openHarness(dir);
    await setupUsers(h);
    await seedCase(h, CASE_2027, DOCS);
    h.close();
    const base = ['--archive', dir, '--json'];
    const service = async () => {
      const r = await juanzong(['review', 'check', ...base, '--user', 'pingcha', '--case', CASE_2027.caseNo]);
      expect(r.stderr).toBe('');
      return (JSON.parse(r.stdout) as { findings: Finding[] }).findings.find((f) => f.ruleId === 'deadline.service-7wd');
    };

    const listed = await juanzong(['calendar', 'list', ...base, '--user', 'dangan']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { year: number; origin: string }[]).map((y) => `${y.year}:${y.origin}`)).toEqual([
      '2023:shipped',
      '2024:shipped',
      '2025:shipped',
      '2026:shipped',
    ]);
    const none = await juanzong(['calendar', 'show', '2027', ...base, '--user', 'dangan']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('工作日历中没有 2027 年');
    // Without 2027 the rule says it cannot decide (it never counts Monday–Friday silently).
    const before = await service();
    expect(before?.outcome).toBe('undecided');

    // A 国庆 Saturday listed as a day off: refused, naming the day; nothing written.
    const badFile = path.join(tmpDir(), 'bad-2027.json');
    writeFileSync(badFile, JSON.stringify({ ...Y2027, off: [...Y2027.off, '10-02'] }));
    const bad = await juanzong(['calendar', 'set', '2027', ...base, '--user', 'admin', '--file', badFile]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('2027-10-02 是周末');
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_input', item: 'off[6]' } });
    const file = path.join(tmpDir(), '2027.json');
    writeFileSync(file, JSON.stringify(Y2027));
    const byArchivist = await juanzong(['calendar', 'set', '2027', ...base, '--user', 'dangan', '--file', file]);
    expect(JSON.parse(byArchivist.stdout)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await juanzong(['calendar', 'show', '2027', ...base, '--user', 'dangan'])).code).toBe(1);

    const set = await juanzong(['calendar', 'set', '2027', ...base, '--user', 'admin', '--file', file]);
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toMatchObject({
      year: 2027,
      origin: 'archive',
      updatedBy: expect.any(String),
      off: ['01-01', '10-01', '10-04', '10-05', '10-06', '10-07'],
      work: ['09-26', '10-09'],
    });
    const text = await juanzong(['calendar', 'show', '2027', '--archive', dir, '--user', 'dangan']);
    expect(text.stdout).toContain('2027 年工作日历（本档案库录入');
    expect(text.stdout).toContain('调休上班日（2 天）：09-26 10-09');

    // 7 working days after 09-30 on that calendar: 10-08, the 调休 Saturday 10-09, 10-11 … 10-15.
    // By weekdays alone the last day would be 10-11; served 10-18 is 8 working days.
    const after = await service();
    expect(after?.outcome).toBe('fail');
    expect(after?.detailZh).toContain('最后一日 2027-10-15');
    expect(after?.detailZh).toContain('8 个工作日');
  }, 300_000);
});
