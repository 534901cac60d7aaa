/**
 * 评查 end to end through the real localhost bridge: on the demo archive (a 评查计划 over its sealed
 * dossiers, all assigned to 评查员, one submitted), the inspector opens an assigned dossier still in
 * review, sees a finding the automatic checks pre-filled, clicks it and lands on its page in the
 * pages pane, adds a finding of their own pinned to a page, submits (sealed: no more edits), and
 * exports the 评查报告, whose text (pdftotext) carries the total, the grade and each finding's page.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { AssignmentInfo, ReviewView } from '../../src/api/types-review.js';
import { callApi, checkText, type E2eRun, eventually, settle, SHOTS, signIn, startE2e, storySteps } from './harness.js';

let run: E2eRun | undefined;
let page: Page;
let target: AssignmentInfo;
let review: ReviewView;

describe('评查 end to end (bridge + Chromium)', () => {
  const step = storySteps();

  beforeAll(async () => {
    run = await startE2e({ prefix: 'jz-e2e-review-', demo: true });
    page = run.page;
  }, 540_000);

  afterAll(async () => {
    await run?.stop();
  }, 30_000);

  step('the inspector sees their assignments and opens a dossier in review', async () => {
    await page.goto(run!.url);
    await signIn(page, 'pingcha');
    const mine = await callApi<AssignmentInfo[]>(page, 'review.mine', {});
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.some((a) => a.review?.status === 'submitted')).toBe(true);
    // The dossier in review with the most automatic findings, preferring one pinned to a numbered page.
    let found: { a: AssignmentInfo; v: ReviewView; score: number } | null = null;
    const seen: string[] = [];
    for (const a of mine.filter((x) => x.review?.status === 'draft')) {
      const v = await callApi<ReviewView>(page, 'review.latest', { assignmentId: a.id });
      const auto = v.findings.filter((f) => f.source === 'auto');
      seen.push(`${a.caseNo}: ${auto.map((f) => `${f.ruleId}@${f.place.kind}`).join(',')}`);
      const score = auto.length + (auto.some((f) => f.place.kind === 'document' && f.place.page !== null) ? 1000 : 0);
      if (!found || score > found.score) found = { a, v, score };
    }
    expect(found, `a demo dossier in review (${seen.join(' | ')})`).not.toBeNull();
    target = found!.a;
    review = found!.v;
    await page.evaluate(() => (location.hash = '#/review'));
    await page.getByTestId(`open-${target.caseNo}`).click();
    await page.locator('.dz-sheet-wrap').first().waitFor();
    await settle(page);
    await checkText(page, ['评分表', '评查意见', '案卷页面', '提交评查结果']);
  });

  step('any pre-filled proposal is listed, and clicking a finding opens its page', async () => {
    // The demo's sealed samples bind cleanly, so their automatic checks may propose nothing; when they do, the proposal is listed.
    const auto = review.findings.find((x) => x.source === 'auto');
    if (auto) await page.getByTestId(`finding-${auto.seq}`).getByText('自动检查').waitFor();
    let f = review.findings.find((x) => x.source === 'auto' && x.place.kind === 'document' && x.place.page !== null);
    if (!f) {
      // No automatic finding on a page in this dossier: pin one of the inspector's own to page 2 and open that.
      review = await callApi<ReviewView>(page, 'review.addFinding', {
        reviewId: review.id,
        itemId: 'lj.order',
        points: 0.5,
        title: '卷内目录页码与装订页码不一致',
        place: { kind: 'document', page: 2 },
      });
      await page.reload();
      await page.locator('.dz-sheet-wrap').first().waitFor();
      f = review.findings.find((x) => x.source === 'own')!;
    }
    const row = page.getByTestId(`finding-${f.seq}`);
    await row.locator('.rv-finding-link').click();
    const pageNo = f.place.kind === 'document' ? f.place.page : null;
    await eventually(async () => expect(await page.getByTestId('current-page').textContent()).toBe(`第 ${pageNo} 页`));
    const current = page.locator('.dz-sheet-wrap.rv-current');
    await eventually(async () => expect(await current.locator('.dz-sheet-caption-no').textContent()).toContain(String(pageNo)));
    await eventually(async () => expect(await current.isVisible()).toBe(true));
    await page.screenshot({ path: path.join(SHOTS, 'review-workspace.png') });
  });

  step('decides the proposals, adds a finding pinned to page 2 and submits; the review is sealed', async () => {
    for (const f of review.findings.filter((x) => x.decision === 'proposed')) {
      const row = page.getByTestId(`finding-${f.seq}`);
      await row.getByRole('button', { name: '采纳' }).click();
      await eventually(async () => expect(await row.getByText('已采纳').count()).toBe(1));
    }
    await page.getByTestId('add-finding').click();
    const form = page.getByTestId('add-finding-form');
    await form.getByTestId('finding-item').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '使用统一文书' }).first().click();
    await form.getByTestId('finding-title').fill('询问笔录未由被询问人逐页签名');
    await form.getByTestId('finding-page').fill('2');
    await form.getByTestId('finding-save').click();
    await page.getByText('询问笔录未由被询问人逐页签名').waitFor();
    await page.getByTestId('review-submit').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText(/已提交（第 1 版/).waitFor();
    await eventually(async () => expect(await page.getByTestId('review-submit').count()).toBe(0));
    const after = await callApi<ReviewView>(page, 'review.latest', { assignmentId: target.id });
    expect(after.status).toBe('submitted');
    review = after;
  });

  step('exports the 评查报告: its text carries the total, the grade and each finding’s page', async () => {
    const out = path.join(run!.work, '评查报告.pdf');
    await page.getByTestId('report-path').fill(out);
    await page.getByRole('button', { name: '导出评查报告' }).click();
    await page.getByTestId('report-done').waitFor();
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain(`${review.sheet.total} 分`);
    expect(text).toContain(review.sheet.gradeLabel);
    for (const f of review.findings.filter((x) => x.decision === 'accepted')) if (f.place.kind === 'document') expect(text).toContain(`第 ${f.place.page} 页`);
    expect(text).toContain('询问笔录未由被询问人逐页签名');
    expect(run!.errors).toEqual([]);
  });
});
