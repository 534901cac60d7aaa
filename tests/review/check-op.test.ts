import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { officerCommand } from '../../src/cli/commands/officer.js';
import { reviewCommand } from '../../src/cli/commands/review.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { type Harness, openHarness, PASSWORD, seedCase, setupUsers } from '../dossier/helpers/harness.js';

let h: Harness;
let dir: string;
let tokens: Awaited<ReturnType<typeof setupUsers>>;
let caseId: number;

/** A 2027 case whose decision is served across 国庆: the shipped calendar ends with 2026. */
const CASE_2027 = sampleCase({
  caseNo: '青石综执罚立〔2027〕8号',
  dates: { filed: '2027-09-01', decision: '2027-09-30', served: '2027-10-15', closed: '2027-11-30' },
});
const DOCS = [
  { kind: 'LASPB', title: '立案审批表', date: '2027-09-01', pages: 1 },
  { kind: 'CFJDS', title: '行政处罚决定书', date: '2027-09-30', pages: 2 },
  { kind: 'SDHZ', title: '行政处罚决定书送达回证', date: '2027-10-15', pages: 1 },
];
/** A hypothetical 2027 schedule: 国庆 Friday 10-01 and Monday–Thursday 10-04…10-07 off; Sunday 09-26 and Saturday 10-09 worked. */
const Y2027 = {
  year: 2027,
  off: ['01-01', '10-01', '10-04', '10-05', '10-06', '10-07'],
  work: ['09-26', '10-09'],
  source: '国务院办公厅关于2027年部分节假日安排的通知',
};

beforeEach(async () => {
  dir = path.join(tmpDir(), 'archive');
  h = await openHarness(dir);
  tokens = await setupUsers(h);
  caseId = await seedCase(h, CASE_2027, DOCS);
  return () => h.close();
});

const serviceFinding = async () => (await h.ok('review.check', { caseId }, tokens.inspector)).findings.find((f) => f.ruleId === 'deadline.service-7wd');

describe('review.check and the work calendar', () => {
  it('is undecided for a year the calendar lacks, and decides once the administrator enters it', async () => {
    const before = await serviceFinding();
    expect(before?.outcome).toBe('undecided');
    expect(before?.detailZh).toContain('工作日历中没有 2027 年的节假日安排');

    const info = await h.ok('calendar.update', Y2027, tokens.admin);
    expect(info.years.map((y) => `${y.year}:${y.origin}`)).toEqual(['2023:shipped', '2024:shipped', '2025:shipped', '2026:shipped', '2027:archive']);
    // 7 working days after 09-30: 10-08, the 调休 Saturday 10-09, 10-11 … 10-15 — in time.
    expect(await serviceFinding()).toBeUndefined();
    const audit = await h.ok('audit.list', { targetType: 'calendar' }, tokens.admin);
    expect(audit.map((a) => [a.action, a.targetId])).toEqual([['calendar.update', '2027']]);
  });

  it('refuses a bad year naming the day, lets only the administrator change it, and writes nothing', async () => {
    const weekend = await h.call('calendar.update', { ...Y2027, off: [...Y2027.off, '10-02'] }, tokens.admin);
    expect(weekend.ok).toBe(false);
    if (!weekend.ok)
      expect(weekend.error).toMatchObject({
        code: 'invalid_input',
        item: 'off[6]',
        messageZh: '2027 年工作日历：off[6]：2027-10-02 是周末，放假日只需列出工作日',
      });
    const notADay = await h.call('calendar.update', { ...Y2027, work: ['02-30'] }, tokens.admin);
    expect(notADay.ok).toBe(false);
    const archivist = await h.call('calendar.update', Y2027, tokens.archivist);
    expect(archivist.ok).toBe(false);
    if (!archivist.ok) expect(archivist.error.code).toBe('forbidden');
    expect((await h.ok('calendar.get', {})).years.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026]);
  });

  it('names the rules it ran and refuses an unknown case', async () => {
    const r = await h.ok('review.check', { caseNo: CASE_2027.caseNo }, tokens.inspector);
    expect(r.checked).toContain('deadline.decision-90d');
    expect(r.caseId).toBe(caseId);
    const missing = await h.call('review.check', { caseNo: '没有这个案号' }, tokens.inspector);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toMatchObject({ code: 'not_found', messageZh: '案件 没有这个案号 不存在' });
    expect((await h.ok('review.rules', {})).map((x) => x.id)).toEqual(r.checked);
  });
});

describe('the CLI: review check and officer', () => {
  const capture = async (fn: () => Promise<void>): Promise<string> => {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      await fn();
    } finally {
      spy.mockRestore();
    }
    return out;
  };

  it('prints the findings with article and page, and registers an officer', async () => {
    h.close();
    process.env.JUANZONG_PASSWORD = PASSWORD;
    const text = await capture(() =>
      reviewCommand.run({ positionals: ['check'], values: { archive: dir, user: 'pingcha', case: [CASE_2027.caseNo] }, json: false }),
    );
    expect(text).toContain('青石综执罚立〔2027〕8号：检查');
    expect(text).toContain('《行政处罚法》第六十一条、第八十五条');
    expect(text).toMatch(/行政处罚决定书送达回证 第\d+页/);
    const json = JSON.parse(
      await capture(() => reviewCommand.run({ positionals: ['check'], values: { archive: dir, user: 'pingcha', case: [CASE_2027.caseNo] }, json: true })),
    ) as {
      findings: { ruleId: string }[];
    };
    expect(json.findings.map((f) => f.ruleId)).toContain('deadline.service-7wd');

    await capture(() =>
      officerCommand.run({
        positionals: ['add'],
        values: { archive: dir, user: 'dangan', cert: '豫S11520210047', name: '李文静', issuer: '河南省人民政府', from: '2021-03-01', to: '2099-12-31' },
        json: false,
      }),
    );
    const list = JSON.parse(await capture(() => officerCommand.run({ positionals: ['list'], values: { archive: dir, user: 'pingcha' }, json: true }))) as {
      certNo: string;
      validToday: boolean;
    }[];
    expect(list.find((o) => o.certNo === '豫S11520210047')?.validToday).toBe(true);
  });
});
