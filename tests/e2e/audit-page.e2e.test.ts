/**
 * 审计日志 end to end on the demo archive through the real localhost bridge: the administrator sees
 * targets as 案号 (not "案件 6"), filters by 操作 and by date, hides the 登录 rows, opens an entry's
 * drawer with its 详情 in Chinese labels, and exports the filtered list as CSV (UTF-8 with BOM).
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { AuditEntry } from '../../src/api/types.js';
import { callApi, checkText, e2eRun, type E2eRun, eventually, openSignedIn, settle, SHOTS, storySteps } from './harness.js';

let run: E2eRun;
let page: Page;

const rows = (p: Page) => p.locator('.audit-table .ant-table-row');
const targets = (p: Page) => p.locator('.audit-table .audit-target');

/** The day (YYYY-MM-DD) of an instant in the demo archive's zone (Asia/Shanghai). */
function archiveDay(iso: string, plusDays = 0): string {
  return new Date(Date.parse(iso) + plusDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

async function pickAction(p: Page, label: string): Promise<void> {
  const box = p.getByRole('combobox', { name: '操作', exact: true });
  await box.click();
  await box.fill(label);
  await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

async function setPeriod(p: Page, from: string, to: string): Promise<void> {
  const inputs = p.locator('.audit-filters .ant-picker-range input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(from);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
}

async function allTexts(p: Page): Promise<string[]> {
  await settle(p);
  return rows(p).allInnerTexts();
}

describe('审计日志 end to end (bridge + Chromium, demo archive)', () => {
  e2eRun({ prefix: 'jz-e2e-audit-', demo: true }, (r) => {
    run = r;
    page = r.page;
  });
  const step = storySteps();

  step('the administrator opens 审计: targets read as 案号 and names, not type and id', async () => {
    await openSignedIn(page, run.url, 'admin');
    await page.locator('.app-sider').getByText('审计', { exact: true }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await eventually(async () => expect(await rows(page).count()).toBeGreaterThan(5));
    await checkText(page, ['操作人', '操作', '隐藏登录记录', '导出 CSV', '导出 PDF/A']);
  });

  step('filters by 操作: only 登记案件 rows, each target a 案号', async () => {
    await pickAction(page, '登记案件');
    await eventually(async () => {
      const texts = await allTexts(page);
      expect(texts.length).toBeGreaterThan(0);
      for (const t of texts) expect(t).toContain('登记案件');
      const names = await targets(page).allInnerTexts();
      expect(names.length).toBe(texts.length);
      for (const n of names) expect(n).toMatch(/^案件 青石综执\S*〔\d{4}〕\d+号$/);
    });
  });

  step('filters by date: the demo day keeps the rows, the next day has none', async () => {
    const [newest] = await callApi<AuditEntry[]>(page, 'audit.list', { limit: 1, action: 'case.create' });
    const day = archiveDay(newest!.at);
    const before = (await allTexts(page)).length;
    await setPeriod(page, day, day);
    await eventually(async () => expect((await allTexts(page)).length).toBe(before));
    const next = archiveDay(newest!.at, 1);
    await setPeriod(page, next, next);
    await eventually(async () => {
      expect(await rows(page).count()).toBe(0);
      await expect(page.locator('.audit-table .ant-empty').isVisible()).resolves.toBe(true);
    });
    await page.getByRole('button', { name: '清除筛选' }).click();
    await eventually(async () => expect(await rows(page).count()).toBeGreaterThan(5));
  });

  step('隐藏登录记录 hides the sign-ins and keeps the rest', async () => {
    const logins = page.locator('.audit-table span[title="auth.login"]');
    await eventually(async () => expect(await logins.count()).toBeGreaterThan(0));
    await page.locator('.audit-hide-logins .ant-switch').click();
    await eventually(async () => {
      expect(await logins.count()).toBe(0);
      expect(await rows(page).count()).toBeGreaterThan(5);
      expect(await page.locator('.audit-table span[title="auth.login.failed"]').count()).toBe(0);
    });
  });

  step('a row opens its drawer: who, when, what, the target and the 详情 in Chinese labels', async () => {
    await pickAction(page, '登记案件');
    await eventually(async () => expect((await targets(page).first().innerText()).startsWith('案件 青石综执')).toBe(true));
    const target = await targets(page).first().innerText();
    await rows(page).first().click();
    const drawer = page.locator('.audit-drawer');
    await drawer.getByText(/审计记录 第 \d+ 条/).waitFor();
    const text = await drawer.innerText();
    // 登记案件 in the demo is the archivist's work; the detail's caseNo reads as 案号.
    for (const label of ['序号', '时间', '操作人', '操作', '对象', '哈希', '详情', '案号', '登记案件', '孙丽娟']) expect(text, label).toContain(label);
    expect(text).toContain(target.slice('案件 '.length));
    expect(text).not.toContain('caseNo');
    expect(text).not.toContain('{');
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'audit-drawer.png') });
    await drawer.locator('.ant-drawer-close').click();
    await drawer.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
  });

  step('exports the filtered list as CSV: BOM, header, Chinese actions and 案号 targets', async () => {
    const out = path.join(run.work, 'exports', '审计日志.csv');
    await page.getByLabel('导出到：完整路径，以 .csv 或 .pdf 结尾').fill(out);
    await page.getByRole('button', { name: '导出 CSV' }).click();
    await page.getByText(/已导出 \d+ 条记录/).waitFor();
    expect(existsSync(out)).toBe(true);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('序号,时间,操作人,操作,对象,详情,哈希');
    const shown = await rows(page).count();
    expect(lines.length - 1).toBeGreaterThanOrEqual(shown);
    for (const l of lines.slice(1)) {
      expect(l).toContain(',登记案件,案件 青石综执');
      expect(l).toContain('案号：');
    }
    expect(run.errors).toEqual([]);
  });
});
