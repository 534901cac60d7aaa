import { describe, expect, it } from 'vitest';
import { requiredDocuments } from '../../../src/review/rules/completeness.js';
import { legalReview } from '../../../src/review/rules/procedure.js';
import { type Doc, facts, outcomes, run } from './facts.js';

/** A 一般程序 file with every document the 河南 profile requires of a plain case (no fine, no seizure, no hearing). */
const GENERAL: Doc[] = [
  ['LASPB', '2025-03-01'],
  ['XWBL', '2025-03-03'],
  ['DCZJBG', '2025-03-05'],
  ['SXGZ', '2025-03-06'],
  ['JDSPB', '2025-03-12'],
  ['CFJDS', '2025-03-12'],
  ['SDHZ', '2025-03-13'],
  ['JASPB', '2025-03-20'],
];

describe('procedure.legal-review (行政处罚法 第五十八条) for a 重大 case', () => {
  it('passes a 重大 case whose 法制审核意见书 came before the decision', () => {
    const f = facts({ extra: { major: true }, docs: [...GENERAL, ['JTTL', '2025-03-10'], ['FZSH', '2025-03-11']] });
    expect(run(legalReview, f)).toEqual([]);
  });

  it('fails a 重大 case without 法制审核, pointing at the decision', () => {
    const f = facts({ extra: { major: true }, docs: [...GENERAL, ['JTTL', '2025-03-10']] });
    const [x, ...rest] = run(legalReview, f);
    expect(rest).toEqual([]);
    expect(x).toMatchObject({ outcome: 'fail', titleZh: '重大案件未经法制审核', detailZh: '本案属重大案件，卷内没有法制审核材料。' });
    expect(x?.basis?.article).toContain('第五十八条');
    // The 决定书 is the sixth document: page 12 in the facts' layout.
    expect(x?.places).toEqual([{ kind: 'document', documentId: 6, title: '行政处罚决定书', page: 12 }]);
  });

  it('fails a 重大 case reviewed only after the decision, naming both dates', () => {
    const f = facts({ extra: { major: true }, docs: [...GENERAL, ['JTTL', '2025-03-10'], ['FZSH', '2025-03-14']] });
    const [x] = run(legalReview, f);
    expect(x?.outcome).toBe('fail');
    expect(x?.titleZh).toBe('法制审核晚于处罚决定');
    expect(x?.detailZh).toContain('2025-03-14');
    expect(x?.detailZh).toContain('2025-03-12');
  });

  it('asks nothing of a case that is neither 重大 nor heard', () => {
    expect(run(legalReview, facts({ docs: GENERAL }))).toEqual([]);
  });
});

describe('completeness.required-documents by procedure', () => {
  it('passes a complete 一般程序 file', () => {
    expect(outcomes(run(requiredDocuments, facts({ docs: GENERAL })))).toEqual([]);
  });

  it('passes a 强制执行 case with its 催告书 and 强制执行决定书', () => {
    const f = facts({ docs: [...GENERAL, ['CGS', '2025-04-20'], ['QZJD', '2025-05-06']] });
    expect(outcomes(run(requiredDocuments, f))).toEqual([]);
  });

  it('fails a 强制执行 case without its 强制执行决定书, saying why the profile needs it', () => {
    const f = facts({ docs: [...GENERAL, ['CGS', '2025-04-20']] });
    const xs = run(requiredDocuments, f);
    expect(outcomes(xs)).toEqual(['fail: 缺少文书：强制执行决定书']);
    expect(xs[0]?.detailZh).toContain('强制执行');
  });

  it('fails a 强制执行 recorded only in the case (extra.enforcement) that has neither 催告书 nor 决定书', () => {
    const f = facts({ docs: GENERAL, extra: { enforcement: { kind: '强制拆除' } } });
    expect(outcomes(run(requiredDocuments, f))).toEqual(['fail: 缺少文书：催告书', 'fail: 缺少文书：强制执行决定书']);
  });

  it('fails a 简易程序 file that lacks its 备案表, naming 简易程序', () => {
    const f = facts({
      procedure: 'summary',
      docs: [
        ['DCCF', '2025-06-18'],
        ['JASPB', '2025-06-20'],
      ],
    });
    const xs = run(requiredDocuments, f);
    expect(outcomes(xs)).toEqual(['fail: 缺少文书：当场行政处罚决定备案表']);
    expect(xs[0]?.detailZh).toContain('简易程序');
  });
});
