/**
 * 评查结果 where the archivist works, and the 工作日历 an administrator keeps — end to end through
 * the real localhost bridge on the demo archive (its 评查计划 with one submitted review):
 * the archivist opens the case page of the reviewed dossier, sees the plan, the grade and the
 * findings with their pages (a page opens the page viewer there), answers a finding (整改), and the
 * answer shows — on the case page, on the dossier page, and in the inspector's workspace. The
 * administrator then enters 2027 in 设置 → 工作日历: a 国庆 Saturday listed as a day off is refused
 * naming the day, and once fixed the year is listed as entered in this archive.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { CalendarInfo } from '../../src/api/types-calendar.js';
import type { AssignmentInfo, ReviewFindingInfo, ReviewView } from '../../src/api/types-review.js';
import { callApi, checkText, type E2eRun, eventually, settle, SHOTS, signIn, startE2e, storySteps } from './harness.js';

let run: E2eRun | undefined;
let page: Page;
let done: AssignmentInfo;
let review: ReviewView;
let finding: ReviewFindingInfo;
const ANSWER = '已补全落款日期，经负责人签字确认';

async function switchUser(username: string): Promise<void> {
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByLabel('用户名').waitFor();
  await signIn(page, username);
}

describe('评查结果 on the case page, 整改答复, and the 工作日历 (bridge + Chromium)', () => {
  const step = storySteps();

  beforeAll(async () => {
    run = await startE2e({ prefix: 'jz-e2e-review-answer-', demo: true });
    page = run.page;
  }, 540_000);

  afterAll(async () => {
    await run?.stop();
  }, 30_000);

  step('the demo has a submitted review with a finding that needs mending', async () => {
    await page.goto(run!.url);
    await signIn(page, 'pingcha');
    const mine = await callApi<AssignmentInfo[]>(page, 'review.mine', {});
    done = mine.find((a) => a.review?.status === 'submitted')!;
    expect(done, mine.map((a) => `${a.caseNo} ${a.review?.status ?? '-'}`).join(' | ')).toBeDefined();
    review = await callApi<ReviewView>(page, 'review.latest', { assignmentId: done.id });
    // The demo inspector's own finding, pinned to page 2.
    finding = review.findings.find((f) => f.source === 'own' && f.decision === 'accepted')!;
    expect(finding.place).toMatchObject({ kind: 'document', page: 2 });
    expect(finding.answers).toEqual([]);
    await switchUser('dangan');
  });

  step('the archivist sees the result on the case page: plan, inspector, total, grade, version and the finding’s page', async () => {
    await page.evaluate((id) => (location.hash = `#/cases/${id}`), done.caseId);
    const card = page.locator('.case-review-card');
    await card.waitFor();
    await card.getByText('评查结果').first().waitFor();
    await card.getByText(done.planTitle).waitFor();
    await card.getByText(`评查员：${done.inspector!.name}`).waitFor();
    expect(await card.getByTestId('case-review-total').textContent()).toBe(`总分 ${review.sheet.total} / ${review.sheet.max}`);
    expect(await card.getByTestId('case-review-grade').textContent()).toBe(review.sheet.gradeLabel);
    await card.getByText(/已提交（第 1 版/).waitFor();
    const row = card.getByTestId(`case-finding-${finding.seq}`);
    await row.getByText(finding.title).waitFor();
    await card.getByText(/需整改 \d+ 项，未答复 \d+ 项/).waitFor();
    await checkText(page, ['评查结果', '整改答复']);
    // The page tag opens the page viewer at page 2 of the dossier as bound.
    await row.locator('.case-review-place[data-page="2"]').click();
    const viewer = page.locator('.finding-viewer');
    await eventually(async () => expect(await viewer.getByTestId('current-page').textContent()).toBe('第 2 页'));
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'hidden' });
  });

  step('answers the finding (整改): the answer shows under it, and on the dossier page', async () => {
    const card = page.locator('.case-review-card');
    await card.getByTestId(`case-answer-open-${finding.seq}`).click();
    const modal = page.locator('.case-answer-modal');
    await modal.getByTestId('case-answer-text').fill(ANSWER);
    await modal.getByRole('button', { name: '提交答复' }).click();
    const answer = card.getByTestId(`case-answer-${finding.seq}`);
    await answer.getByText(ANSWER).waitFor();
    await answer.getByText('已整改').waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'case-review-answer.png') });
    const after = await callApi<ReviewView>(page, 'review.get', { reviewId: review.id });
    expect(after.findings.find((f) => f.id === finding.id)!.answers).toEqual([expect.objectContaining({ status: 'mended', answer: ANSWER })]);

    await page.evaluate((id) => (location.hash = `#/dossier/${id}`), done.caseId);
    const onDossier = page.locator('.case-review-card');
    await onDossier.getByTestId(`case-answer-${finding.seq}`).getByText(ANSWER).waitFor();
    expect(await onDossier.getByTestId('case-review-grade').textContent()).toBe(review.sheet.gradeLabel);
  });

  step('the inspector’s workspace shows the answer too', async () => {
    await switchUser('pingcha');
    await page.evaluate(() => (location.hash = '#/review'));
    await page.getByTestId(`open-${done.caseNo}`).click();
    const row = page.getByTestId(`finding-${finding.seq}`);
    await row.getByText(new RegExp(`整改答复：${ANSWER}`)).waitFor();
  });

  step('the administrator enters 2027 in 设置 → 工作日历; a weekend day off is refused naming the day', async () => {
    await switchUser('admin');
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByRole('tab', { name: '工作日历' }).click();
    const tab = page.locator('.calendar-tab');
    await tab.getByText('随版本发布').first().waitFor();
    await page.getByTestId('calendar-add').click();
    const editor = page.locator('.calendar-editor');
    expect(await editor.getByTestId('calendar-year').inputValue()).toBe('2027');
    // 国庆 2027 as pasted from the notice, with Saturday 10-02 listed by mistake.
    await editor.getByTestId('calendar-off').fill('2027-01-01\n10月1日 10-02, 10-04 10-05 10-06 10-07');
    await editor.getByTestId('calendar-work').fill('09-26\n2027-10-09');
    expect(run!.errors).toEqual([]);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/calendar.update'));
    await editor.getByRole('button', { name: '保存' }).click();
    expect((await refused).status()).toBe(400);
    await editor.getByText(/2027-10-02 是周末/).waitFor();
    expect((await callApi<CalendarInfo>(page, 'calendar.get', {})).years.map((y) => y.year)).not.toContain(2027);

    await editor.getByTestId('calendar-off').fill('2027-01-01\n10月1日 10-04 10-05 10-06 10-07');
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.waitFor({ state: 'hidden' });
    const row = tab.locator('tr[data-row-key="2027"]');
    await row.getByText('本档案库录入').waitFor();
    await row.getByText('国务院办公厅关于2027年部分节假日安排的通知').waitFor();
    const y = (await callApi<CalendarInfo>(page, 'calendar.get', {})).years.find((x) => x.year === 2027);
    expect(y).toMatchObject({ origin: 'archive', off: ['01-01', '10-01', '10-04', '10-05', '10-06', '10-07'], work: ['09-26', '10-09'] });
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'settings-calendar.png') });
    // The one console error is the browser's note of the refused calendar.update (400) above.
    expect(run!.errors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
