/**
 * 执法人员 (持证上岗) end to end through the real localhost bridge: an administrator registers two
 * officers with their 执法证 in the 执法人员名册 form — one valid, one expired — sees the expired one
 * flagged in the list, changes the first one's status (调离) and finds it in the status history (the
 * list shows the new status), and the case form warns about the officer whose certificate had expired
 * on the 立案 day.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { callApi, checkText, type E2eRun, eventually, settle, SHOTS, startE2e, storySteps } from './harness.js';

const PASSWORD = 'e2e-secret-1';
const VALID = { certNo: '豫S11520210901', name: '钱立明', post: '执法队员', from: '2021-03-01', to: '2029-12-31' };
const EXPIRED = { certNo: '豫S11520170902', name: '郑志刚', post: '执法队员', from: '2017-03-01', to: '2023-12-31' };

let run: E2eRun | undefined;
let page: Page;

async function typeDate(p: Page, input: ReturnType<Page['locator']>, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function openOfficers(p: Page): Promise<void> {
  await p.locator('.app-sider').getByText('执法人员', { exact: true }).click();
  await p.getByRole('heading', { name: '执法人员名册' }).waitFor();
}

async function registerOfficer(p: Page, o: typeof VALID): Promise<void> {
  await p.getByRole('button', { name: '登记执法人员' }).click();
  const dialog = p.getByRole('dialog', { name: '登记执法人员' });
  await dialog.getByLabel('执法证号').fill(o.certNo);
  await dialog.getByLabel('姓名').fill(o.name);
  await dialog.getByLabel('职务').fill(o.post);
  await dialog.getByLabel('发证机关').fill('河南省人民政府');
  await typeDate(p, dialog.getByLabel('有效期起'), o.from);
  await typeDate(p, dialog.getByLabel('有效期止'), o.to);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await dialog.waitFor({ state: 'detached' });
  // The new officer's drawer opens, with the certificate.
  const drawer = p.locator('.officer-drawer');
  await drawer.getByText(`${o.name} · ${o.certNo}`).waitFor();
  await eventually(async () => expect(await drawer.locator('.ant-table-row').first().innerText()).toContain(o.to));
  await drawer.locator('.ant-drawer-close').click();
  await drawer.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
}

const row = (p: Page, certNo: string) => p.locator('.officers-page .ant-table-row', { hasText: certNo });

describe('执法人员 end to end (bridge + Chromium)', () => {
  const step = storySteps();

  beforeAll(async () => {
    run = await startE2e({ prefix: 'jz-e2e-officers-', demo: false });
    page = run.page;
  }, 120_000);

  afterAll(async () => {
    await run?.stop();
  }, 30_000);

  step('first run: the administrator signs in', async () => {
    await page.goto(run!.url);
    await page.getByText('创建管理员账户').first().waitFor();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('姓名').fill('王管理');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('确认密码').fill(PASSWORD);
    await page.getByRole('button', { name: '创建并登录' }).click();
    await page.locator('.app-user').waitFor();
  });

  step('registers an officer with a valid 执法证 and one whose 执法证 expired; the expired one is flagged', async () => {
    await openOfficers(page);
    await registerOfficer(page, VALID);
    await registerOfficer(page, EXPIRED);
    await eventually(async () => expect(await row(page, VALID.certNo).innerText()).toContain('有效'));
    const expired = row(page, EXPIRED.certNo);
    await eventually(async () => expect(await expired.innerText()).toContain('已过期'));
    expect(await expired.locator('.ant-tag-error').count()).toBe(1);
    expect(await expired.innerText()).toContain(`${EXPIRED.from} 至 ${EXPIRED.to}`);
    await checkText(page, ['执法人员名册', '执法证号', '执法证有效期', '今日执法资格']);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'officers.png') });
  });

  step('changes a status (调离) with its reason; the history keeps both entries and the list shows it', async () => {
    await row(page, VALID.certNo).getByText(VALID.name).dblclick();
    const drawer = page.locator('.officer-drawer');
    await drawer.getByText(`${VALID.name} · ${VALID.certNo}`).waitFor();
    await drawer.getByRole('button', { name: '变更状态' }).click();
    const dialog = page.getByRole('dialog', { name: `变更状态（${VALID.name}）` });
    await dialog.getByLabel('新状态').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '调离' }).click();
    await typeDate(page, dialog.getByLabel('生效日期'), '2025-06-01');
    await dialog.getByLabel('原因').fill('调往县城市管理局');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'detached' });
    const history = drawer.locator('.ant-timeline-item');
    await eventually(async () => expect((await history.allInnerTexts()).join('\n')).toContain('2025-06-01 调离（调往县城市管理局）'));
    expect(await history.count()).toBeGreaterThanOrEqual(2);
    const detail = await callApi<{ status: string; statusHistory: { status: string }[] }>(page, 'officer.get', { certNo: VALID.certNo });
    expect(detail.status).toBe('transferred');
    expect(detail.statusHistory.map((s) => s.status)).toContain('transferred');
    await drawer.locator('.ant-drawer-close').click();
    await eventually(async () => expect(await row(page, VALID.certNo).innerText()).toContain('调离'));
  });

  step('the case form warns about the officer whose 执法证 had expired on the 立案 day', async () => {
    await page.locator('.app-sider').getByText('案件', { exact: true }).click();
    await page.getByRole('button', { name: '登记案件' }).click();
    await page.locator('#caseForm_caseNo').waitFor();
    await page.locator('#caseForm_officers_0_name').fill(EXPIRED.name);
    await page.locator('#caseForm_officers_0_certNo').fill(EXPIRED.certNo);
    await typeDate(page, page.locator('#caseForm_dates_filed'), '2024-03-01');
    const warning = page.locator('.officer-cert-warnings');
    // Checked on the 立案 day once it is entered (before that, on today).
    await eventually(async () => expect(await warning.innerText()).toContain('按 2024-03-01 核对'));
    const text = await warning.innerText();
    expect(text).toContain('执法人员执法证提示');
    expect(text).toContain(`${EXPIRED.name}的执法证 ${EXPIRED.certNo} 已于 ${EXPIRED.to} 到期`);
    await page.screenshot({ path: path.join(SHOTS, 'case-form-officer-warning.png') });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消|Cancel/ })
      .click();
    expect(run!.errors).toEqual([]);
  });
});
