/**
 * 评查 end to end through the real localhost bridge: on the demo archive (a 评查计划 over its sealed
 * dossiers, all assigned to 评查员, one submitted), the inspector opens the demo's problem dossier
 * (decision served after 7 working days; seizure recorded only the day before), sees the automatic
 * finding pre-filled as a proposal, clicks it and lands on its page in the pages pane, plays a clip
 * finding from its second in the 调阅 player, adds a finding of their own pinned to a page, submits
 * (sealed: no more edits), and exports the 评查报告, whose text (pdftotext) carries the total, the
 * grade and each finding's page.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { AssignmentInfo, ReviewView } from '../../src/api/types-review.js';
import { PROBLEM_CASE_NO } from '../../src/demo/review-problem-case.js';
import { callApi, checkText, type E2eRun, eventually, settle, SHOTS, signIn, startE2e, storySteps } from './harness.js';

let run: E2eRun | undefined;
let page: Page;
let target: AssignmentInfo;
let review: ReviewView;

/** Opens the target's workspace from the 评查 page. */
async function openWorkspace(): Promise<void> {
  await page.evaluate(() => (location.hash = '#/review'));
  await page.getByTestId(`open-${target.caseNo}`).click();
  await page.locator('.dz-sheet-wrap').first().waitFor();
  await settle(page);
}

/** Whether the marked sheet's top is inside the pages pane's visible box. */
function inPane(p: Page): Promise<boolean> {
  return p.evaluate(() => {
    const pane = document.querySelector('.rv-pages')?.getBoundingClientRect();
    const sheet = document.querySelector('.rv-pages .rv-current')?.getBoundingClientRect();
    return !!pane && !!sheet && sheet.top >= pane.top - 2 && sheet.top < pane.bottom;
  });
}

describe('评查 end to end (bridge + Chromium)', () => {
  const step = storySteps();

  beforeAll(async () => {
    run = await startE2e({ prefix: 'jz-e2e-review-', demo: true });
    page = run.page;
  }, 540_000);

  afterAll(async () => {
    await run?.stop();
  }, 30_000);

  step('the inspector sees their assignments and opens the dossier in review with automatic findings', async () => {
    await page.goto(run!.url);
    await signIn(page, 'pingcha');
    const mine = await callApi<AssignmentInfo[]>(page, 'review.mine', {});
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.some((a) => a.review?.status === 'submitted')).toBe(true);
    // The demo's problem dossier: a decision served late and a seizure recorded only the day before.
    target = mine.find((a) => a.caseNo === PROBLEM_CASE_NO)!;
    expect(target, mine.map((a) => a.caseNo).join(' | ')).toBeDefined();
    expect(target.review?.status).toBe('draft');
    review = await callApi<ReviewView>(page, 'review.latest', { assignmentId: target.id });
    await openWorkspace();
    await checkText(page, ['评分表', '评查意见', '案卷页面', '提交评查结果']);
  });

  step('sees the pre-filled automatic finding, clicks it and lands on its page', async () => {
    const f = review.findings.find((x) => x.source === 'auto' && x.ruleId === 'deadline.service-7wd');
    expect(f, review.findings.map((x) => `${x.source} ${x.title}`).join(' | ')).toBeDefined();
    expect(f!.decision).toBe('proposed');
    expect(f!.place.kind).toBe('document');
    const pageNo = f!.place.kind === 'document' ? f!.place.page : null;
    expect(pageNo).toBeGreaterThan(1);
    const row = page.getByTestId(`finding-${f!.seq}`);
    await row.getByText('自动检查').waitFor();
    await row.getByText('决定书未在七个工作日内送达').waitFor();
    await row.locator('.rv-finding-link').click();
    await eventually(async () => expect(await page.getByTestId('current-page').textContent()).toBe(`第 ${pageNo} 页`));
    const current = page.locator('.dz-sheet-wrap.rv-current');
    await eventually(async () => expect(await current.locator('.dz-sheet-caption-no').textContent()).toContain(`第 ${pageNo} 页`));
    // The sheet is scrolled into the pages pane, not just somewhere below it.
    await eventually(async () => expect(await inPane(page)).toBe(true));
    await page.screenshot({ path: path.join(SHOTS, 'review-workspace.png') });
  });

  step('a finding pinned to a clip second plays the clip from that second in the 调阅 player', async () => {
    const auto = review.findings.find((x) => x.source === 'auto' && x.place.kind === 'clip');
    expect(auto, 'the automatic 全程音像记录 finding pins the seizure clip').toBeDefined();
    const clipId = auto!.place.kind === 'clip' ? auto!.place.clipId : 0;
    // The inspector's own finding on that clip, at second 2 (the demo clips run 3 s).
    review = await callApi<ReviewView>(page, 'review.addFinding', {
      reviewId: review.id,
      itemId: 'cx.footage',
      points: 1,
      title: '扣押现场录像为前一日巡查画面',
      place: { kind: 'clip', clipId, second: 2 },
    });
    const own = review.findings.find((x) => x.source === 'own' && x.place.kind === 'clip')!;
    await page.reload();
    await openWorkspace();
    await page.getByTestId(`finding-${own.seq}`).locator('.rv-finding-link').click();
    await page.waitForURL(new RegExp(`#/retrieval\\?clip=${clipId}&t=2`));
    const video = page.locator('video.retrieval-video');
    await video.waitFor({ timeout: 30_000 });
    await eventually(async () => expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(2, 0), 30_000);
    await page.screenshot({ path: path.join(SHOTS, 'review-clip.png') });
    await page.goBack();
    await openWorkspace();
  });

  step('on the case page, the automatic findings link to their place: a page opens the page viewer there', async () => {
    const f = review.findings.find((x) => x.ruleId === 'deadline.service-7wd')!;
    const pageNo = f.place.kind === 'document' ? f.place.page : null;
    await page.evaluate((id) => (location.hash = `#/cases/${id}`), target.caseId);
    const card = page.locator('.findings-card');
    await card.locator('.finding[data-rule="deadline.service-7wd"]').waitFor();
    await card.locator(`.finding[data-rule="deadline.service-7wd"] .finding-place[data-page="${pageNo}"]`).click();
    const viewer = page.locator('.finding-viewer');
    await eventually(async () => expect(await viewer.getByTestId('current-page').textContent()).toBe(`第 ${pageNo} 页`));
    await eventually(async () => expect(await viewer.locator('.dz-sheet-wrap.rv-current .dz-sheet-caption-no').textContent()).toContain(`第 ${pageNo} 页`));
    await eventually(async () => expect(await inPane(page)).toBe(true));
    await page.keyboard.press('Escape');
    // The clip finding opens the 调阅 player at its second.
    const clip = card.locator('.finding[data-rule="footage.full-recording"] .finding-clip');
    expect(await clip.getAttribute('href')).toMatch(/#\/retrieval\?clip=\d+&t=0$/);
    await openWorkspace();
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
