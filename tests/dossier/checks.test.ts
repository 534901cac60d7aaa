import { describe, expect, it } from 'vitest';
import { bindCase, sealBlockers } from '../../src/binding/bind.js';
import { filingDue } from '../../src/binding/filing-deadline.js';
import { retentionFor } from '../../src/binding/retention.js';
import type { BindDocument, CaseBindInput } from '../../src/binding/types.js';
import { CTX, profile, sampleInputs } from './helpers/sample-input.js';

const henan = profile('henan-township-2016');
const samples = sampleInputs();
const [demolition, summary, hearing, seizure] = samples as [CaseBindInput, CaseBindInput, CaseBindInput, CaseBindInput];
const without = (c: CaseBindInput, ...kinds: string[]): CaseBindInput => ({ ...c, documents: c.documents.filter((d) => !kinds.includes(d.kind)) });
const retitle = (c: CaseBindInput, kind: string, f: (d: BindDocument) => Partial<BindDocument>): CaseBindInput => ({
  ...c,
  documents: c.documents.map((d) => (d.kind === kind ? { ...d, ...f(d) } : d)),
});
const keys = (c: CaseBindInput) =>
  bindCase(henan, c, CTX)
    .issues.filter((i) => i.severity !== 'notice')
    .map((i) => i.key);

describe('checks before sealing', () => {
  it('the five sample cases bind cleanly with the default profile: no error, no warning', () => {
    for (const c of samples) {
      const d = bindCase(henan, c, { ...CTX, today: '2025-03-01' });
      expect(d.issues, c.case.caseNo).toEqual([]);
      expect(sealBlockers(d)).toEqual([]);
    }
  });

  it('errors: unknown kind, a document with no page to number, two documents in one position', () => {
    const c: CaseBindInput = {
      ...demolition,
      documents: [
        ...demolition.documents.map((d) => (d.kind === 'XWBL' ? { ...d, kind: 'ZZZ' } : d)),
        {
          id: 900,
          seq: 90,
          kind: 'QT',
          title: '空白附页',
          docNo: null,
          responsible: null,
          date: '2024-04-01',
          pages: [{ id: 90001, side: 'front', blank: true }],
        },
        {
          id: 901,
          seq: 91,
          kind: 'LASPB',
          title: '第二份立案审批表',
          docNo: null,
          responsible: null,
          date: '2024-03-12',
          pages: [{ id: 90101, side: 'front', blank: false }],
        },
      ],
    };
    const d = bindCase(henan, c, CTX);
    const errors = d.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => i.code).sort()).toEqual(['duplicate-position', 'unknown-kind', 'zero-pages']);
    expect(errors.find((i) => i.code === 'duplicate-position')!.messageZh).toContain('2 份文书占用同一位置');
    expect(errors.find((i) => i.code === 'unknown-kind')!.messageZh).toContain('ZZZ');
    // Binding still shows the whole result.
    expect(d.volumes[0]!.entries).toHaveLength(29);
    // Errors cannot be acknowledged away.
    const acked = bindCase(henan, { ...c, acknowledgements: errors.map((e) => ({ key: e.key, reason: '忽略', by: 'x', at: 't' })) }, CTX);
    expect(
      sealBlockers(acked)
        .map((i) => i.code)
        .sort(),
    ).toEqual(['duplicate-position', 'unknown-kind', 'zero-pages']);
  });

  it('warns about a missing required document, by procedure and by condition', () => {
    expect(keys(without(demolition, 'LASPB'))).toEqual(['missing:LASPB']);
    expect(keys(without(demolition, 'XQCC'))).toEqual(['missing:CFJDS']);
    expect(bindCase(henan, without(demolition, 'XQCC'), CTX).issues[0]!.messageZh).toBe(
      '缺少应归档文书：行政处罚决定书（或不予行政处罚决定书、限期拆除决定书）',
    );
    // 听证 held → 听证笔录 and 听证报告 required (and 法制审核).
    expect(keys(without(hearing, 'TZBL', 'TZBG', 'FZSH'))).toEqual(['missing:FZSH', 'missing:TZBL', 'missing:TZBG']);
    const m = bindCase(henan, without(hearing, 'TZBL'), CTX).issues[0]!;
    expect(m.messageZh).toContain('因已举行听证而必备');
    // 查封扣押 used → 决定书 and 清单 required.
    expect(keys(without(seizure, 'KYQD'))).toEqual(['missing:KYQD']);
    // 简易程序: 当场处罚决定书, 备案表; 罚款收据 because a fine was imposed.
    expect(keys(without(summary, 'DCCF', 'DCBA', 'FMK')).sort()).toEqual(['missing:DCBA', 'missing:DCCF', 'missing:FMK']);
    // Not required when the condition does not hold: no hearing in the seizure case.
    expect(keys(seizure)).toEqual([]);
  });

  it('warns about dates out of sequence: 决定 before 告知, 送达 before 决定, anything before 立案, after 结案', () => {
    const early = retitle(demolition, 'XQCC', () => ({ date: '2024-04-17' }));
    expect(keys(early)).toEqual(['date-order:decision-after-notice']);
    const c1: CaseBindInput = { ...demolition, case: { ...demolition.case, dates: { ...demolition.case.dates, served: '2024-04-25' } } };
    expect(keys(c1)).toEqual(['date-order:service-after-decision']);
    const beforeFiling = retitle(demolition, 'DCZJBG', () => ({ date: '2024-03-01' }));
    expect(keys(beforeFiling)).toEqual(expect.arrayContaining([`before-filing:${demolition.documents.find((d) => d.kind === 'DCZJBG')!.id}`]));
    // 调查取证 before 立案 is normal (现场检查 on discovery): no warning.
    expect(keys(demolition)).toEqual([]);
    const late = retitle(demolition, 'QCBL', () => ({ date: '2024-12-20' }));
    expect(keys(late)).toEqual(expect.arrayContaining(['date-order:closing-last', `after-closing:${demolition.documents.find((d) => d.kind === 'QCBL')!.id}`]));
  });

  it('needs an acknowledged reason per warning, and the 备考表 records it', () => {
    const c = without(demolition, 'LASPB');
    expect(sealBlockers(bindCase(henan, c, CTX)).map((i) => i.key)).toEqual(['missing:LASPB']);
    const d = bindCase(
      henan,
      { ...c, acknowledgements: [{ key: 'missing:LASPB', reason: '立案审批表原件移交县局，已附复印件说明', by: '孙丽娟', at: '2025-01-10T02:00:00Z' }] },
      CTX,
    );
    expect(sealBlockers(d)).toEqual([]);
    expect(d.issues[0]!.acknowledged).toMatchObject({ reason: '立案审批表原件移交县局，已附复印件说明' });
    expect(d.volumes[0]!.beikao.statement).toContain('缺少应归档文书：行政处罚案件立案审批表；说明：立案审批表原件移交县局，已附复印件说明。');
  });

  it('drafts the 备考表 from the facts', () => {
    const d = bindCase(henan, demolition, { ...CTX, checker: '周立新' });
    expect(d.volumes[0]!.beikao).toEqual({
      title: '卷内备考表',
      statement: '本卷共有卷内文件 27 件，共 49 页（封面、卷内目录、备考表、卷底不编页号）。\n卷内文件齐全，排列符合立卷规范，无缺损、修改、补充、移出情况。',
      preparer: '孙丽娟',
      preparedOn: '2025-01-10',
      checker: '周立新',
    });
  });

  it('notes a late filing (a fact for the 备考表, not a blocker)', () => {
    const d = bindCase(henan, demolition, { ...CTX, today: '2025-07-02' });
    expect(d.issues).toEqual([expect.objectContaining({ severity: 'notice', code: 'late-filing' })]);
    expect(sealBlockers(d)).toEqual([]);
    expect(d.volumes[0]!.beikao.statement).toContain('已超过归档期限 2025-06-30');
  });
});

describe('filing deadline and retention rules', () => {
  it('compute the deadline per rule', () => {
    expect(filingDue({ rule: 'end-of-month-next-year', month: 6 }, '2024-12-04')).toBe('2025-06-30');
    expect(filingDue({ rule: 'days-after-closing', days: 30 }, '2024-12-04')).toBe('2025-01-03');
    expect(filingDue({ rule: 'working-days-after-closing', days: 10 }, '2024-12-06')).toBe('2024-12-20');
    // On the official calendar: 国庆 2024 (10-01…10-07 off, Sunday 09-29 and Saturday 10-12 worked).
    expect(filingDue({ rule: 'working-days-after-closing', days: 10 }, '2024-09-27')).toBe('2024-10-16');
    // 春节 2025 (01-28…02-04 off; Sunday 01-26 and Saturday 02-08 worked).
    expect(filingDue({ rule: 'working-days-after-closing', days: 5 }, '2025-01-24')).toBe('2025-02-07');
  });

  it('map retention by procedure, honour the case’s own label and legacy aliases', () => {
    const b = henan.binding;
    expect(retentionFor(b, 'general', '2024-12-04', undefined)).toMatchObject({ code: 'Y', label: '永久', appraisalDue: null, source: 'procedure' });
    expect(retentionFor(b, 'summary', '2024-06-20', undefined)).toMatchObject({ code: 'D30', appraisalDue: '2055-01-01' });
    expect(retentionFor(b, 'general', '2024-06-20', '30年')).toMatchObject({ code: 'D30', source: 'case' });
    expect(retentionFor(b, 'general', '2024-06-20', '长期')).toMatchObject({ code: 'C', label: '长期' });
    expect(retentionFor(b, 'general', '2024-06-20', '定期10年')).toMatchObject({ code: 'D10' });
  });
});
