/**
 * End to end through the real localhost bridge: `juanzong serve` on a fresh archive, the built UI in
 * Chromium (playwright-core, /usr/bin/chromium). First-run setup, sign out and in, register a case
 * through the form, add a 询问笔录 with a JPEG scan, wait for its thumbnail, screenshot the page.
 * Each step is its own test (storySteps): a failure names its step, and the later steps are skipped.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect } from 'vitest';
import { checkText, type E2eRun, eventually, noToasts, settle, SHOTS, signIn, e2eRun, storySteps } from './harness.js';

const CASE_NO = '青石综执罚立〔2024〕99号';
const CASE_TITLE = '张三未经批准占道经营案';
const ADMIN = { username: 'admin', displayName: '王档案', password: 'e2e-Passw0rd' };

let run: E2eRun | undefined;
let page: Page;

/** A scan-like A4 page (150 dpi): white paper, a title bar, lines of "text", a signature box. */
async function makeScan(file: string): Promise<string> {
  const width = 1240;
  const height = 1754;
  const block = (w: number, h: number, left: number, top: number, shade = '#222222') => ({
    input: { create: { width: w, height: h, channels: 3 as const, background: shade } },
    left,
    top,
  });
  const rects = [block(520, 34, 360, 150)];
  for (let i = 0; i < 22; i++) rects.push(block(i % 5 === 4 ? 640 : 1000, 14, 120, 300 + i * 52, '#333333'));
  rects.push(block(300, 4, 820, 1560), block(4, 120, 820, 1440));
  await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite(rects)
    .jpeg({ quality: 88 })
    .toFile(file);
  return file;
}

/** Picks a date in an antd DatePicker by typing it (the field accepts YYYY-MM-DD). */
async function typeDate(p: Page, id: string, date: string): Promise<void> {
  const input = p.locator(`#${id}`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

describe('case page end to end (bridge + Chromium)', () => {
  const step = storySteps();

  e2eRun({ prefix: 'jz-e2e-', demo: false }, (r) => ((run = r), (page = r.page)));

  step('first run: creates the administrator (创建管理员账户) and signs in', async () => {
    await page.goto(run!.url);
    await page.getByText('创建管理员账户').first().waitFor();
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('姓名').fill(ADMIN.displayName);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('确认密码').fill(ADMIN.password);
    await page.screenshot({ path: path.join(SHOTS, 'setup.png') });
    await page.getByRole('button', { name: '创建并登录' }).click();
    await page.getByRole('heading', { name: '案件登记' }).waitFor();
  });

  step('signs out and back in (登录)', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByText('登录卷宗').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'login.png') });
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: '案件登记' }).waitFor();
    expect(await page.locator('.app-user').innerText()).toContain('管理员');
  });

  step('registers a case through the form (parties, officers with roles, dates)', async () => {
    await page.getByRole('button', { name: '登记案件' }).click();
    await page.locator('#caseForm_caseNo').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'case-form-empty.png') });
    await page.locator('#caseForm_caseNo').fill(CASE_NO);
    await page.locator('#caseForm_title').fill(CASE_TITLE);
    await page.locator('#caseForm_cause').fill('未经批准占用城市道路从事经营活动');
    await page.locator('#caseForm_decisionNo').fill('青石综执罚决〔2024〕99号');
    await page.locator('#caseForm_source').fill('日常巡查');
    await page.locator('#caseForm_organ').fill('青石镇人民政府');
    await page.locator('#caseForm_unit').fill('青石镇综合行政执法队');
    await page.locator('#caseForm_parties_0_name').fill('张三');
    await page.locator('#caseForm_parties_0_idNumber').fill('410522198503120011');
    await page.locator('#caseForm_parties_0_phone').fill('13800000000');
    await page.locator('#caseForm_parties_0_address').fill('河南省安阳县青石镇青石村一组');
    const officers = [
      { name: '李明', certNo: 'ZF41052200123', post: '执法队员', role: '主办人' },
      { name: '赵强', certNo: 'ZF41052200456', post: '执法队员', role: '协办人' },
    ];
    for (const [i, o] of officers.entries()) {
      await page.locator(`#caseForm_officers_${i}_name`).fill(o.name);
      await page.locator(`#caseForm_officers_${i}_certNo`).fill(o.certNo);
      await page.locator(`#caseForm_officers_${i}_post`).fill(o.post);
      // 办案角色 is a tags Select: pick the suggestion, then click away to close its list.
      await page.locator(`#caseForm_officers_${i}_roles`).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: o.role }).click();
      await page.getByRole('dialog').locator('.ant-modal-title').click();
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    }
    const dates: [string, string][] = [
      ['filed', '2024-03-01'],
      ['investigationConcluded', '2024-03-10'],
      ['noticeServed', '2024-03-12'],
      ['decision', '2024-03-20'],
      ['served', '2024-03-21'],
      ['executed', '2024-03-28'],
      ['closed', '2024-04-02'],
    ];
    for (const [key, date] of dates) await typeDate(page, `caseForm_dates_${key}`, date);
    await page.screenshot({ path: path.join(SHOTS, 'case-form.png') });
    await page.getByRole('dialog').getByRole('button', { name: '保存', exact: true }).click();
    // The new case opens.
    await page.waitForURL(/#\/cases\/\d+$/);
    await page.getByRole('heading', { name: CASE_TITLE }).waitFor();
  });

  step('lists the new case and opens it from the list, officers in order', async () => {
    await page.getByRole('button', { name: '返回案件列表' }).click();
    const row = page.locator('.ant-table-row', { hasText: CASE_NO });
    await row.waitFor();
    expect(await row.innerText()).toContain('一般程序');
    expect(await row.innerText()).toContain('张三');
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'case-list.png') });
    await row.getByRole('link', { name: CASE_NO }).click();
    await page.getByRole('heading', { name: CASE_TITLE }).waitFor();
    const officersCard = page.locator('.ant-card', { hasText: '执法人员' });
    await eventually(async () => {
      const rows = await officersCard.locator('.ant-table-row').allInnerTexts();
      expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['李明 ZF41052200123 执法队员 主办人', '赵强 ZF41052200456 执法队员 协办人']);
    });
  });

  step('adds a 询问笔录 (添加文书) with a JPEG scan, imported as a job', async () => {
    const scan = await makeScan(path.join(run!.work, 'xunwen-bilu-p1.jpg'));
    await page.getByRole('button', { name: '添加文书' }).click();
    const dialog = page.getByRole('dialog');
    // Choosing the kind fills the title. Under load a synthetic click can land while the option list
    // re-renders, so the gesture (never the expectation) is repeated until the pick registers.
    await eventually(async () => {
      if ((await dialog.locator('#docForm_title').inputValue()) === '') {
        await dialog.locator('#docForm_kind').click();
        await dialog.locator('#docForm_kind').fill('询问笔录');
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^询问笔录$/ }).click({ timeout: 5000 });
      }
      expect(await dialog.locator('#docForm_title').inputValue()).toBe('询问笔录');
    }, 30_000);
    await dialog.locator('#docForm_title').fill('询问笔录（张三）');
    await typeDate(page, 'docForm_date', '2024-03-05');
    await dialog.locator('input[type=file]').setInputFiles(scan);
    await dialog.locator('.ant-upload-list-item-done').first().waitFor();
    expect(await dialog.locator('.ant-upload-list-item-error').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'document-add.png') });
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
  });

  step('shows the new document expanded, with its page thumbnail loaded', async () => {
    const docRow = page.locator('.ant-table-row', { hasText: '询问笔录（张三）' });
    await docRow.waitFor();
    expect(await docRow.innerText()).toContain('青石镇人民政府');
    const thumb = page.locator('.thumb-card img').first();
    await thumb.waitFor();
    await page.waitForFunction(
      () => [...document.querySelectorAll<HTMLImageElement>('.thumb-card img')].some((i) => i.complete && i.naturalWidth > 0),
      undefined,
      {
        timeout: 60_000,
      },
    );
  });

  step('正面/背面 round-trips through page.update', async () => {
    const card = page.locator('.thumb-card').first();
    const flipped = page.waitForResponse((r) => r.url().endsWith('/api/page.update') && r.status() === 200);
    await card.getByText('背面').click();
    await flipped;
    await eventually(async () => expect(await card.locator('.ant-segmented-item-selected').innerText()).toBe('背面'));
    const restored = page.waitForResponse((r) => r.url().endsWith('/api/page.update') && r.status() === 200);
    await card.getByText('正面').click();
    await restored;
    await eventually(async () => expect(await card.locator('.ant-segmented-item-selected').innerText()).toBe('正面'));
  });

  step('the case page shows every label, no raw dictionary key, and no page error', async () => {
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await noToasts(page);
    await page.screenshot({ path: path.join(SHOTS, 'case-page.png'), fullPage: true });

    await checkText(page, ['案件', '卷宗', '询问笔录', '添加文书', '当事人', '执法人员', '执法证号', '立案', '结案', '正面', '背面', '空白']);
    expect(run!.errors).toEqual([]);
  });
});
