import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesDir } from '../../src/resources/paths.js';
import { drawSample, quotas } from '../../src/review/draw.js';
import { RULE_IDS } from '../../src/review/rules/index.js';
import { scoreSheet } from '../../src/domain/review-score.js';
import { listTemplates, loadTemplate, parseTemplate, type ReviewTemplate } from '../../src/review/template.js';

const raw = (id = 'cehui-penalty-2019'): ReviewTemplate =>
  JSON.parse(readFileSync(path.join(resourcesDir(), 'review-templates', `${id}.json`), 'utf8')) as ReviewTemplate;
const paths = (t: unknown) => {
  const r = parseTemplate(t, RULE_IDS);
  return r.ok ? [] : r.issues.map((i) => i.path);
};

describe('评查标准 templates', () => {
  it('ships two valid templates whose rule ids are all automatic checks, and every automatic rule is mapped in each', () => {
    const all = listTemplates(resourcesDir(), RULE_IDS);
    expect(all.map((t) => t.id)).toEqual(['cehui-penalty-2019', 'county-comprehensive']);
    const cehui = loadTemplate(resourcesDir(), 'cehui-penalty-2019', RULE_IDS);
    expect(cehui.sections.map((s) => [s.title, s.points])).toEqual([
      ['卷面标准', 20],
      ['内容标准', 80],
    ]);
    expect(cehui.veto.map((v) => v.title)).toContain('执法人员少于2人');
    const county = loadTemplate(resourcesDir(), 'county-comprehensive', RULE_IDS);
    expect(county.sections.map((s) => s.title)).toEqual(['立卷归档', '实体', '程序']);
    for (const t of all) {
      const mapped = [...t.veto.flatMap((v) => v.rules), ...t.sections.flatMap((s) => s.items.flatMap((i) => i.rules))];
      expect([...mapped].sort(), t.id).toEqual([...RULE_IDS].sort());
    }
  });

  it('names the bad field: points that do not add up, a veto item with points, an unknown rule id, overlapping bands', () => {
    const sum = raw();
    sum.sections[0]!.items[0]!.points = 3;
    expect(paths(sum)).toEqual(['sections.0.points']);
    const total = raw();
    total.total = 90;
    expect(paths(total)).toEqual(expect.arrayContaining(['total']));

    const veto = raw();
    veto.veto[0]!.points = 5;
    expect(paths(veto)).toEqual(['veto.0.points']);

    const rule = raw();
    rule.sections[1]!.items[0]!.rules = ['deadline.no-such-rule'];
    const r = parseTemplate(rule, RULE_IDS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]!.path).toBe('sections.1.items.0.rules.0');
      expect(r.issues[0]!.messageZh).toContain('未知的自动检查规则“deadline.no-such-rule”');
    }

    const bands = raw();
    bands.grades[1]!.min = 75; // 良好 75–90 overlaps 合格 60–80
    expect(paths(bands)).toEqual(['grades.1.min']);

    const range = raw();
    range.sections[0]!.items[0]!.deduct = { min: 1, max: 5, per: 'hit' };
    expect(paths(range)).toEqual(['sections.0.items.0.deduct.max']);

    const twice = raw();
    twice.sections[0]!.items[1]!.rules = ['deadline.decision-90d'];
    expect(paths(twice)).toEqual(['sections.1.items.8.rules.0']);

    expect(paths({ ...raw(), format: 'other' })).toEqual(['format']);
  });

  it('scores: deductions stop at the item, a once-item deducts once, a veto makes 0 and 不合格, grades by band', () => {
    const t = raw();
    const none = scoreSheet(t, []);
    expect(none).toMatchObject({ total: 100, grade: 'excellent', vetoed: false, open: 0 });
    const s = scoreSheet(t, [
      { itemId: 'jm.standard-forms', decision: 'accepted', points: 2 },
      { itemId: 'jm.standard-forms', decision: 'accepted', points: 2 }, // item has only 2
      { itemId: 'jm.one-case-one-file', decision: 'accepted', points: 2 },
      { itemId: 'jm.one-case-one-file', decision: 'accepted', points: 2 }, // once
      { itemId: 'nr.evidence', decision: 'accepted', points: 5 },
      { itemId: 'nr.evidence', decision: 'accepted', points: 5 },
      { itemId: 'nr.decision', decision: 'rejected', points: 6 },
      { itemId: 'nr.notice', decision: 'proposed', points: 1 },
    ]);
    expect(s.total).toBe(86);
    expect(s.grade).toBe('good');
    expect(s.open).toBe(1);
    expect(scoreSheet(t, [{ itemId: 'nr.evidence', decision: 'accepted', points: 5 }]).total).toBe(95);
    expect(scoreSheet(t, [{ itemId: 'veto.facts-unclear', decision: 'accepted', points: 0 }])).toMatchObject({ total: 0, grade: 'fail', gradeLabel: '不合格' });
  });
});

describe('the seeded draw', () => {
  const pop = Array.from({ length: 40 }, (_, i) => ({
    caseId: i + 1,
    caseNo: `C${String(i + 1).padStart(3, '0')}`,
    stratum: i < 30 ? 'general' : i < 36 ? 'summary' : 'coercive',
  }));

  it('is the same for the same seed and list, in any input order; another seed draws another sample', () => {
    const a = drawSample(pop, { mode: 'percent', amount: 20 }, 'seed-A');
    const b = drawSample([...pop].reverse(), { mode: 'percent', amount: 20 }, 'seed-A');
    expect(b.picked).toEqual(a.picked);
    expect(a.strata).toEqual([
      { stratum: 'coercive', population: 4, drawn: 1 },
      { stratum: 'general', population: 30, drawn: 6 },
      { stratum: 'summary', population: 6, drawn: 2 },
    ]);
    const c = drawSample(pop, { mode: 'percent', amount: 20 }, 'seed-B');
    expect(c.picked.map((x) => x.caseNo)).not.toEqual(a.picked.map((x) => x.caseNo));
  });

  it('splits a count in proportion and every dossier has a fair chance', () => {
    expect(
      quotas(
        [
          { stratum: 'a', population: 30 },
          { stratum: 'b', population: 6 },
          { stratum: 'c', population: 4 },
        ],
        { mode: 'count', amount: 10 },
      ),
    ).toEqual([8, 1, 1]);
    const hits = new Map<number, number>();
    for (let i = 0; i < 600; i++)
      for (const p of drawSample(pop.slice(0, 30), { mode: 'count', amount: 3 }, `s${i}`).picked) hits.set(p.caseId, (hits.get(p.caseId) ?? 0) + 1);
    // expected 60 each; allow wide bounds
    for (let id = 1; id <= 30; id++) expect(hits.get(id) ?? 0).toBeGreaterThan(25);
  });
});
