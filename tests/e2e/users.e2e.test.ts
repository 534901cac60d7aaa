/**
 * 用户 beyond create-only (issue 14) end to end through the real localhost bridge: an administrator
 * opens an account, changes its role, disables it (its sign-in is refused with 账户已停用), enables
 * it again and resets its password to a temporary one; the user signs in, must choose a new
 * password at once, and later changes it again from the menu under their name in the header (修改密码),
 * where a wrong old password is refused.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { callApi, checkText, type E2eRun, eventually, settle, setupAdmin, SHOTS, signIn, startE2e, storySteps } from './harness.js';

const ADMIN = { username: 'admin', displayName: '王管理', password: 'e2e-secret-1' };
const USER = { username: 'dangan', displayName: '李档案', password: 'Archive-first-1' };
const TEMP = 'Temp-reset-2025';
const MINE = 'Li-own-pass-77';
const LATER = 'Li-later-pass-88';

let run: E2eRun | undefined;
let page: Page;

async function openUsers(p: Page): Promise<void> {
  await p.locator('.app-sider').getByText('设置', { exact: true }).click();
  await p.getByRole('tab', { name: '用户' }).click();
  await p.getByRole('button', { name: '新建用户' }).waitFor();
}

const userRow = (p: Page) => p.locator('.ant-table-row', { hasText: USER.username });

async function signOut(p: Page): Promise<void> {
  await p.getByRole('button', { name: '退出' }).click();
  await p.getByText('登录卷宗').waitFor();
}

async function okButton(dialog: ReturnType<Page['getByRole']>): Promise<void> {
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' }).catch(async (e: unknown) => {
    await dialog.page().screenshot({ path: path.join(SHOTS, 'users-failed.png') });
    throw new Error(`${String(e)}\n${await dialog.innerText()}`);
  });
}

describe('用户 end to end (bridge + Chromium)', () => {
  const step = storySteps();

  beforeAll(async () => {
    run = await startE2e({ prefix: 'jz-e2e-users-', demo: false });
    page = run.page;
  }, 120_000);

  afterAll(async () => {
    await run?.stop();
  }, 30_000);

  step('the administrator opens an account for an archivist', async () => {
    await setupAdmin(page, run!.url, ADMIN);
    await openUsers(page);
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名').fill(USER.username);
    await dialog.getByLabel('姓名').fill(USER.displayName);
    await dialog.getByLabel('密码', { exact: true }).fill(USER.password);
    await dialog.getByLabel('确认密码').fill(USER.password);
    await okButton(dialog);
    await eventually(async () => expect(await userRow(page).innerText()).toContain('档案员'));
  });

  step('changes its role to 领导 in 编辑', async () => {
    await userRow(page).getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog', { name: `编辑用户 ${USER.username}` });
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '领导' }).click();
    await okButton(dialog);
    await eventually(async () => expect(await userRow(page).innerText()).toContain('领导'));
    const users = await callApi<{ username: string; role: string }[]>(page, 'user.list', {});
    expect(users.find((u) => u.username === USER.username)?.role).toBe('supervisor');
    await checkText(page, ['用户名', '姓名', '角色', '状态', '操作', '重置密码', '停用']);
  });

  step('disables it; its sign-in is refused with 账户已停用', async () => {
    await userRow(page).getByRole('button', { name: '停用' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
    await eventually(async () => expect(await userRow(page).innerText()).toContain('已停用'));
    // The administrator's own row offers no 停用.
    expect(await page.locator('.ant-table-row', { hasText: ADMIN.username }).getByRole('button', { name: '停用' }).count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'users-disabled.png') });
    await signOut(page);
    await page.getByLabel('用户名').fill(USER.username);
    await page.getByLabel('密码').fill(USER.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.locator('.ant-alert-error', { hasText: '账户已停用' }).waitFor();
    expect(await page.locator('.app-user').count()).toBe(0);
  });

  step('enables it again and resets the password to a temporary one', async () => {
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.locator('.app-user').waitFor();
    await openUsers(page);
    await userRow(page).getByRole('button', { name: '启用' }).click();
    await eventually(async () => expect(await userRow(page).innerText()).not.toContain('已停用'));
    await userRow(page).getByRole('button', { name: '重置密码' }).click();
    const dialog = page.getByRole('dialog', { name: `为 ${USER.displayName} 重置密码` });
    await dialog.getByLabel('临时密码').fill(TEMP);
    await dialog.getByLabel('确认密码').fill(TEMP);
    await okButton(dialog);
    await eventually(async () => expect(await userRow(page).innerText()).toContain('待修改密码'));
    await signOut(page);
  });

  step('the user signs in with the temporary password and must choose a new one first', async () => {
    await signIn(page, USER.username, TEMP);
    const dialog = page.getByRole('dialog', { name: '修改密码' });
    await dialog.getByText('管理员为您设置了临时密码').waitFor();
    // It cannot be dismissed: no close button, no 取消.
    expect(await dialog.locator('.ant-modal-close').count()).toBe(0);
    await dialog.getByLabel('原密码').fill(TEMP);
    await dialog.getByLabel('新密码', { exact: true }).fill(MINE);
    await dialog.getByLabel('确认新密码').fill(MINE);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'users-must-change-password.png') });
    await okButton(dialog);
    await page.getByText('密码已修改').first().waitFor();
    expect((await callApi<{ mustChangePassword?: boolean }>(page, 'auth.me', {})).mustChangePassword).toBeUndefined();
  });

  step('changes the password from the header (修改密码): a wrong old one is refused, the right one works', async () => {
    await page.locator('.app-user').click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog', { name: '修改密码' });
    await dialog.getByLabel('原密码').fill('not-my-password-1');
    await dialog.getByLabel('新密码', { exact: true }).fill(LATER);
    await dialog.getByLabel('确认新密码').fill(LATER);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.locator('.ant-alert-error', { hasText: '原密码不正确' }).waitFor();
    await dialog.getByLabel('原密码').fill(MINE);
    await okButton(dialog);
    await signOut(page);
    await signIn(page, USER.username, LATER);
    await checkText(page, [USER.displayName, '领导']);
    // The only console errors are the two refusals this story provokes: the disabled account's sign-in
    // (403) and the wrong old password (401).
    expect(run!.errors).toEqual([
      'console: Failed to load resource: the server responded with a status of 403 (Forbidden)',
      'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
  });
});
