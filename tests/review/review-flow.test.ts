import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../dossier/helpers/harness.js';
import { tmpDir } from '../helpers/tmp.js';
import { reviewSetup, type ReviewSetup } from './helpers/review-setup.js';

let open: Harness | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

async function withPlan(): Promise<ReviewSetup & { planId: number; thinAssignment: number }> {
  const s = await reviewSetup(tmpDir());
  open = s.h;
  const plan = await s.h.ok(
    'review.plan.create',
    { title: '2024年度案卷评查', year: s.year, templateId: 'cehui-penalty-2019', mode: 'percent', amount: 100, seed: 'fixed-seed' },
    s.tokens.supervisor,
  );
  expect(plan.assignments).toHaveLength(6);
  const thinA = plan.assignments.find((a) => a.caseId === s.thin)!;
  const inspectors = await s.h.ok('review.inspectors', {}, s.tokens.supervisor);
  const pingcha = inspectors.find((u) => u.name === '评查员')!;
  await s.h.ok(
    'review.plan.assign',
    { planId: plan.id, items: plan.assignments.map((a) => ({ assignmentId: a.id, inspectorId: pingcha.id })) },
    s.tokens.supervisor,
  );
  return { ...s, planId: plan.id, thinAssignment: thinA.id };
}

describe('review plans', () => {
  it('draws a stratified sample reproducibly from the recorded seed, and a different seed draws differently', async () => {
    const s = await reviewSetup(tmpDir());
    open = s.h;
    const a = await s.h.ok(
      'review.plan.create',
      { title: 'A', year: s.year, templateId: 'county-comprehensive', mode: 'count', amount: 3, seed: 's-1' },
      s.tokens.inspector,
    );
    const b = await s.h.ok(
      'review.plan.create',
      { title: 'B', year: s.year, templateId: 'county-comprehensive', mode: 'count', amount: 3, seed: 's-1' },
      s.tokens.supervisor,
    );
    expect(a.assignments.map((x) => x.caseNo)).toEqual(b.assignments.map((x) => x.caseNo));
    expect(a.assignments).toHaveLength(3);
    expect(a.strata.reduce((n, x) => n + x.population, 0)).toBe(6);
    expect(a.strata.reduce((n, x) => n + x.drawn, 0)).toBe(3);
    // every stratum with dossiers is represented in proportion (largest remainder)
    for (const st of a.strata) expect(a.assignments.filter((x) => x.stratum === st.stratum)).toHaveLength(st.drawn);
    const seeds = ['s-2', 's-3', 's-4', 's-5', 's-6'];
    const draws = new Set<string>();
    for (const seed of seeds)
      draws.add(
        (
          await s.h.ok(
            'review.plan.create',
            { title: seed, year: s.year, templateId: 'county-comprehensive', mode: 'count', amount: 3, seed },
            s.tokens.inspector,
          )
        ).assignments
          .map((x) => x.caseNo)
          .join(),
      );
    expect(draws.size).toBeGreaterThan(1);
    const fresh = await s.h.ok(
      'review.plan.create',
      { title: 'C', year: s.year, templateId: 'county-comprehensive', mode: 'percent', amount: 50 },
      s.tokens.inspector,
    );
    expect(fresh.seed).toMatch(/^[0-9a-f]{32}$/);
    const audit = await s.h.ok('audit.list', { targetType: 'review_plan', targetId: String(a.id) }, s.tokens.admin);
    expect(JSON.stringify(audit)).toContain('s-1');
  });

  it('refuses an archivist drawing a plan, a year with nothing sealed, and assigning to a non-inspector', async () => {
    const s = await reviewSetup(tmpDir());
    open = s.h;
    expect(
      await s.h.call('review.plan.create', { title: 'x', year: s.year, templateId: 'county-comprehensive', mode: 'count', amount: 1 }, s.tokens.archivist),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const none = await s.h.call(
      'review.plan.create',
      { title: 'x', year: 1999, templateId: 'county-comprehensive', mode: 'count', amount: 1 },
      s.tokens.inspector,
    );
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const p = await s.h.ok(
      'review.plan.create',
      { title: 'x', year: s.year, templateId: 'county-comprehensive', mode: 'count', amount: 1 },
      s.tokens.inspector,
    );
    const r = await s.h.call('review.plan.assign', { planId: p.id, items: [{ assignmentId: p.assignments[0]!.id, inspectorId: 2 }] }, s.tokens.supervisor);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!r.ok) expect(r.error.messageZh).toMatch(/不是评查员/);
    expect((await s.h.ok('review.plan.get', { planId: p.id })).assignments[0]!.inspector).toBeNull();
  });
});

describe('a review', () => {
  it('is pre-filled from the automatic checks, takes own findings pinned to real pages, submits once and is sealed', async () => {
    const s = await withPlan();
    const { h, tokens } = s;
    const mine = await h.ok('review.mine', {}, tokens.inspector);
    expect(mine).toHaveLength(6);
    expect(await h.call('review.open', { assignmentId: s.thinAssignment }, tokens.inspector2)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const v = await h.ok('review.open', { assignmentId: s.thinAssignment }, tokens.inspector);
    const missing = v.findings.find((f) => f.ruleId === 'completeness.required-documents');
    expect(missing).toBeDefined();
    expect(missing!.decision).toBe('proposed');
    expect(missing!.itemId).toBe('jm.complete');
    expect(v.status).toBe('draft');

    // Every proposal must be decided before submitting.
    const early = await h.call('review.submit', { reviewId: v.id }, tokens.inspector);
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    for (const f of v.findings.filter((x) => x.decision === 'proposed' && x.id !== missing!.id))
      await h.ok('review.decide', { findingId: f.id, decision: 'rejected', comment: '已核实，不扣分' }, tokens.inspector);
    await h.ok('review.decide', { findingId: missing!.id, decision: 'accepted', points: 2 }, tokens.inspector);
    expect(await h.call('review.decide', { findingId: missing!.id, decision: 'accepted', points: 9 }, tokens.inspector)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });

    // An own finding on a page that does not exist is refused, naming the pages there are.
    const pages = v.sheet.max; // 100
    expect(pages).toBe(100);
    const bad = await h.call(
      'review.addFinding',
      { reviewId: v.id, itemId: 'nr.evidence', points: 2, title: '询问笔录未签名', place: { kind: 'document', page: 99 } },
      tokens.inspector,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!bad.ok) expect(bad.error.messageZh).toMatch(/没有第 99 页/);
    const withOwn = await h.ok(
      'review.addFinding',
      { reviewId: v.id, itemId: 'nr.evidence', points: 2, title: '询问笔录未签名', comment: '被询问人未逐页签名', place: { kind: 'document', page: 2 } },
      tokens.inspector,
    );
    const own = withOwn.findings.find((f) => f.source === 'own')!;
    expect(own.place).toMatchObject({ kind: 'document', page: 2, title: '询问笔录' });

    const done = await h.ok('review.submit', { reviewId: v.id }, tokens.inspector);
    expect(done.status).toBe('submitted');
    expect(done.sheet.total).toBe(96);
    expect(done.sheet.grade).toBe('excellent');
    const again = await h.call('review.submit', { reviewId: v.id }, tokens.inspector);
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    if (!again.ok) expect(again.error.messageZh).toMatch(/不能重复提交/);
    expect(
      await h.call('review.addFinding', { reviewId: v.id, itemId: 'nr.evidence', points: 1, title: 'x', place: { kind: 'case' } }, tokens.inspector),
    ).toMatchObject({
      ok: false,
      error: { code: 'sealed' },
    });
    // The catalogue itself refuses a change to a submitted review.
    expect(() => h.archive.db.prepare('UPDATE review_findings SET points = 0 WHERE review_id = ?').run(v.id)).toThrow(/submitted review/);
    expect(() => h.archive.db.prepare('UPDATE reviews SET total = 100 WHERE id = ?').run(v.id)).toThrow(/submitted review/);
    const audit = await h.ok('audit.list', { targetType: 'review', targetId: String(v.id) }, tokens.admin);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['review.open', 'review.finding.add', 'review.submit']));

    // Non-inspectors cannot submit; inspectors cannot change the archive.
    expect(await h.call('review.submit', { reviewId: v.id }, tokens.supervisor)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.call('case.update', { id: s.thin, case: {} }, tokens.inspector)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.call('document.remove', { id: 1, reason: '评查员试图删除' }, tokens.inspector)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // 整改: the archivist answers; the inspector cannot.
    expect(await h.call('review.answer', { findingId: own.id, status: 'mended', answer: '已补签' }, tokens.inspector)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const answered = await h.ok('review.answer', { findingId: own.id, status: 'mended', answer: '已请当事人补签并附说明' }, tokens.archivist);
    expect(answered.findings.find((f) => f.id === own.id)!.answers).toHaveLength(1);
    expect((await h.ok('review.ofCase', { caseId: s.thin }, tokens.archivist))[0]!.review).toMatchObject({
      status: 'submitted',
      total: 96,
      gradeLabel: '优秀',
    });

    // A correction is a new version carrying the findings; the old one stays as it was.
    const corr = await h.ok('review.correct', { reviewId: v.id, reason: '复核后调整扣分' }, tokens.inspector);
    expect(corr.versionNo).toBe(2);
    expect(corr.status).toBe('draft');
    expect(corr.findings).toHaveLength(done.findings.length);
    expect((await h.ok('review.get', { reviewId: v.id })).sheet.total).toBe(96);

    // 评查报告 and 评查通报 as PDF/A, read back with poppler.
    const out = tmpDir();
    const file = path.join(out, '评查报告.pdf');
    const rep = await h.ok('review.report', { reviewId: v.id, out: file }, tokens.inspector);
    expect(rep.pages).toBeGreaterThanOrEqual(1);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('96');
    expect(text).toContain('优秀');
    expect(text).toMatch(/第 2 页/);
    expect(text).toContain('询问笔录未签名');
    expect(text).toMatch(new RegExp(`第 ${missing!.place.kind === 'document' ? (missing!.place.page ?? '—') : '—'} 页|全案`));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/PDF version/);
    const sum = path.join(out, '评查通报.pdf');
    await h.ok('review.summary', { planId: s.planId, out: sum }, tokens.supervisor);
    const st = execFileSync('pdftotext', ['-layout', sum, '-'], { encoding: 'utf8' });
    expect(st).toContain('fixed-seed');
    expect(st).toContain('测试罚〔2024〕99号');
    expect(st).toMatch(/常见问题/);
  });

  it('makes a dossier 不合格 with 0 points when a veto item is accepted', async () => {
    const s = await withPlan();
    const { h, tokens } = s;
    const v = await h.ok('review.open', { assignmentId: s.thinAssignment }, tokens.inspector);
    for (const f of v.findings) await h.ok('review.decide', { findingId: f.id, decision: 'rejected', comment: '不采纳' }, tokens.inspector);
    expect(
      await h.call(
        'review.addFinding',
        { reviewId: v.id, itemId: 'veto.facts-unclear', points: 3, title: '事实不清', place: { kind: 'case' } },
        tokens.inspector,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await h.ok(
      'review.addFinding',
      { reviewId: v.id, itemId: 'veto.facts-unclear', points: 0, title: '违法事实认定不清', place: { kind: 'case' } },
      tokens.inspector,
    );
    const done = await h.ok('review.submit', { reviewId: v.id }, tokens.inspector);
    expect(done.sheet).toMatchObject({ total: 0, grade: 'fail', gradeLabel: '不合格', vetoed: true });
  });
});
