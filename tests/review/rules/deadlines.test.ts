import { describe, expect, it } from 'vitest';
import { decision90Days } from '../../../src/review/rules/deadline-decision.js';
import { seizure30Days } from '../../../src/review/rules/deadline-seizure.js';
import {
  hearingNotice7WorkingDays,
  hearingRequestWindow,
  preservation7WorkingDays,
  service7WorkingDays,
} from '../../../src/review/rules/deadline-working-days.js';
import { facts, outcomes, run } from './facts.js';

/** 行政处罚法 第六十条 (90 calendar days), 第六十一条/第六十四条/第五十六条 with 第八十五条 (working days), 行政强制法 第二十五条. */

describe('deadline.decision-90d (第六十条)', () => {
  const base = (decision: string, docs: [string, string | null, string?][] = []) =>
    facts({ dates: { filed: '2025-01-02', decision }, docs: [['LASPB', '2025-01-02'], ...docs, ['CFJDS', decision]] });

  it('passes on day 90 and fails on day 91, naming the days and the last day', () => {
    expect(run(decision90Days, base('2025-04-02'))).toEqual([]);
    const [f] = run(decision90Days, base('2025-04-03'));
    expect(f?.outcome).toBe('fail');
    expect(f?.basis).toEqual({ law: '行政处罚法', article: '第六十条' });
    expect(f?.detailZh).toContain('共 91 日');
    expect(f?.detailZh).toContain('最后一日 2025-04-02');
    expect(f?.places).toEqual([{ kind: 'document', documentId: 2, title: '行政处罚决定书', page: 4 }]);
  });

  it('does not count the hearing period, and shows it', () => {
    const hearing: [string, string][] = [
      ['TZSQ', '2025-03-01'],
      ['TZBG', '2025-03-10'],
    ];
    expect(run(decision90Days, base('2025-04-12', hearing))).toEqual([]);
    const [f] = run(decision90Days, base('2025-04-13', hearing));
    expect(f?.detailZh).toContain('扣除 10 日（听证 2025-03-01—2025-03-10）');
  });

  it('adds an approved extension (延期 approval document) and excluded periods the case records', () => {
    const ext: [string, string, string][] = [['QT', '2025-03-20', '案件延长办案期限审批表']];
    expect(run(decision90Days, base('2025-05-02', ext))).toEqual([]);
    expect(outcomes(run(decision90Days, base('2025-05-03', ext)))).toEqual(['fail: 超过九十日作出处罚决定']);
    const f = facts({
      dates: { filed: '2025-01-02', decision: '2025-04-20' },
      docs: [['CFJDS', '2025-04-20']],
      extra: { excludedPeriods: [{ what: '检测检验', from: '2025-02-01', to: '2025-02-20' }] },
    });
    expect(run(decision90Days, f)).toEqual([]);
  });

  it('cannot decide without a filing date, and says so', () => {
    const f = facts({ dates: { decision: '2025-04-02' }, docs: [['CFJDS', '2025-04-02']] });
    expect(outcomes(run(decision90Days, f))).toEqual(['undecided: 无法判断决定期限']);
    expect(run(decision90Days, f)[0]?.detailZh).toContain('缺少立案日期');
  });
});

describe('deadline.service-7wd (第六十一条, 第八十五条)', () => {
  const served = (decision: string, sdhz: string | null) =>
    facts({
      dates: { filed: '2025-08-01', decision },
      docs: [
        ['CFJDS', decision],
        ['SDHZ', sdhz, '行政处罚决定书送达回证'],
      ],
    });

  it('counts 国庆 2025 and its 调休 Saturday (10-11): 7 working days after 09-26 end on 10-13', () => {
    expect(run(service7WorkingDays, served('2025-09-26', '2025-10-13'))).toEqual([]);
    const [f] = run(service7WorkingDays, served('2025-09-26', '2025-10-14'));
    expect(f?.outcome).toBe('fail');
    expect(f?.detailZh).toContain('最后一日 2025-10-13');
    // By weekdays alone 10-14 would still be in time: the 调休 Sunday 09-28 and Saturday 10-11 count.
    expect(f?.places.map((p) => (p.kind === 'document' ? p.documentId : 0))).toEqual([1, 2]);
  });

  it('after a decision on 2025-09-30 the eighth day off ends the period on 10-16', () => {
    expect(run(service7WorkingDays, served('2025-09-30', '2025-10-16'))).toEqual([]);
    expect(outcomes(run(service7WorkingDays, served('2025-09-30', '2025-10-17')))).toEqual(['fail: 决定书未在七个工作日内送达']);
  });

  it('is undecided when the 送达回证 has no date and the case records none', () => {
    expect(outcomes(run(service7WorkingDays, served('2025-09-26', null)))).toEqual(['undecided: 决定书未在七个工作日内送达：缺少送达日期']);
  });
});

describe('deadline.hearing-request-5wd (第六十四条)', () => {
  const hearing = (request: string | null, decision: string) =>
    facts({
      dates: { filed: '2024-01-20', decision },
      docs: [['TZGZ', '2024-02-07'], ...(request ? ([['TZSQ', request]] as [string, string][]) : []), ['CFJDS', decision]],
    });

  it('春节 2024 with the worked Sunday 02-18: a request on 02-20 is in time, 02-21 is late', () => {
    expect(run(hearingRequestWindow, hearing('2024-02-20', '2024-03-20'))).toEqual([]);
    const [f] = run(hearingRequestWindow, hearing('2024-02-21', '2024-03-20'));
    expect(f?.titleZh).toBe('听证申请超过五个工作日');
    expect(f?.detailZh).toContain('最后一日 2024-02-20');
  });

  it('fails a decision made before the window closed', () => {
    expect(run(hearingRequestWindow, hearing(null, '2024-02-21'))).toEqual([]);
    expect(outcomes(run(hearingRequestWindow, hearing(null, '2024-02-20')))).toEqual(['fail: 听证申请期限届满前作出处罚决定']);
  });
});

describe('deadline.hearing-notice-7wd (第六十四条)', () => {
  const held = (hearingDay: string) =>
    facts({
      docs: [
        ['TZTZ', '2024-09-27'],
        ['SDHZ', '2024-09-27', '听证通知书送达回证'],
        ['TZBL', hearingDay],
      ],
    });

  it('国庆 2024 with the worked 09-29 and 10-12: notice 09-27 allows a hearing from 10-12', () => {
    expect(run(hearingNotice7WorkingDays, held('2024-10-12'))).toEqual([]);
    const [f] = run(hearingNotice7WorkingDays, held('2024-10-11'));
    expect(f?.outcome).toBe('fail');
    expect(f?.detailZh).toContain('依法最早可于 2024-10-12 举行');
  });

  it('fails a hearing with no notice in the file', () => {
    expect(outcomes(run(hearingNotice7WorkingDays, facts({ docs: [['TZBL', '2024-10-20']] })))).toEqual(['fail: 举行听证但卷内没有听证通知书']);
  });
});

describe('deadline.preservation-7wd (第五十六条)', () => {
  const kept = (handled: string | null) => facts({ docs: [['XXTZS', '2026-02-13'], ...(handled ? ([['XXCLTZ', handled]] as [string, string][]) : [])] });

  it('春节 2026 (02-16…02-23 off, Saturdays 02-14 and 02-28 worked): due 03-02', () => {
    expect(run(preservation7WorkingDays, kept('2026-03-02'))).toEqual([]);
    expect(outcomes(run(preservation7WorkingDays, kept('2026-03-03')))).toEqual(['fail: 先行登记保存超过七个工作日未作出处理决定']);
  });

  it('is undecided when no decision on the evidence is filed', () => {
    expect(outcomes(run(preservation7WorkingDays, kept(null)))).toEqual(['undecided: 卷内没有先行登记保存证据的处理决定']);
  });
});

describe('deadline.seizure-30d (行政强制法 第二十五条)', () => {
  const seized = (end: string, extra: [string, string, string][] = []) => facts({ docs: [['KYJDS', '2025-03-01'], ...extra, ['CFJDS', end]] });

  it('passes 30 days and fails 31', () => {
    expect(run(seizure30Days, seized('2025-03-31'))).toEqual([]);
    const [f] = run(seizure30Days, seized('2025-04-01'));
    expect(f?.titleZh).toBe('查封扣押超过30日未作出处理决定');
    expect(f?.basis).toEqual({ law: '行政强制法', article: '第二十五条' });
  });

  it('allows 30 more days with an approved extension, never more', () => {
    const ext: [string, string, string][] = [['QT', '2025-03-25', '延长扣押期限审批表']];
    expect(run(seizure30Days, seized('2025-04-30', ext))).toEqual([]);
    expect(outcomes(run(seizure30Days, seized('2025-05-01', ext)))).toEqual(['fail: 查封扣押超过60日未作出处理决定']);
  });

  it('fails a decision that sets more than 30 days, and is undecided without an end', () => {
    const f = facts({
      docs: [
        ['KYJDS', '2025-03-01'],
        ['JCKYJDS', '2025-03-10'],
      ],
      extra: { seizure: { from: '2025-03-01', to: '2025-04-05' } },
    });
    expect(outcomes(run(seizure30Days, f))).toEqual(['fail: 查封扣押决定的期限超过30日']);
    expect(outcomes(run(seizure30Days, facts({ docs: [['KYJDS', '2025-03-01']] })))).toEqual(['undecided: 无法判断查封扣押期限：卷内没有解除或处理决定']);
  });
});
