/**
 * 调阅 · 检索 end to end through the real localhost bridge and Chromium: a supervisor types part of a
 * 案由 and sees the case with the match marked; filters by officer (执法证号) and a date-time range
 * and gets the clip that officer's camera recorded then, with its thumbnail; opens it in the player.
 * Screenshot: search-panel.png. Needs `npm run build` (dist-renderer/).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCase } from '../helpers/fixtures.js';
import { makeVideo } from '../footage/helpers/media.js';
import { callApi, settle, SHOTS, signIn, e2eRun, setupAdmin, type E2eRun } from './harness.js';

const PASSWORD = 'e2e-Passw0rd';
let run: E2eRun;

describe('调阅 检索 end to end (bridge + Chromium)', () => {
  e2eRun({ prefix: 'jz-search-e2e-', demo: false }, (r) => (run = r));

  it('finds a case by part of its 案由, and a clip by officer and date-time range, and opens it', { timeout: 120_000 }, async () => {
    const { page, url, work } = run;
    const base = url.split('?')[0]!;
    const cam = path.join(work, 'cam');
    makeVideo(path.join(cam, 'ZFY5130047_115007_20240311094032_0001.MP4'), { seconds: 3, tag: 'search-a' });
    makeVideo(path.join(cam, 'ZFY5130047_115007_20240601090000_0002.MP4'), { seconds: 3, tag: 'search-b' });

    await setupAdmin(page, url, { username: 'admin', displayName: '王管理', password: PASSWORD });
    await callApi(page, 'user.create', { username: 'lead', displayName: '赵领导', role: 'supervisor', password: PASSWORD });
    await callApi(page, 'case.create', sampleCase());
    await callApi(page, 'footage.ingest', { source: cam, derive: 'background' });
    await callApi(page, 'device.register', { serial: '5130047', certNo: '豫S11520210047', userNo: '115007', from: '2024-01-01' });
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByLabel('用户名').waitFor();
    await page.goto(url);

    await signIn(page, 'lead', PASSWORD);
    await page.goto(`${base}#/retrieval?tab=search`);
    const box = page.locator('.search-panel input[type="search"], .search-panel .ant-input-search input').first();
    await box.fill('规划许可');
    const mark = page.locator('.search-group-case mark', { hasText: '规划许可' });
    await mark.first().waitFor();
    expect(await page.locator('.search-group-case').innerText()).toContain('青石综执罚立〔2024〕99号');
    expect(await page.locator('.search-group-case .search-snippet').first().innerText()).toMatch(/案由|题名/);

    // Officer and a date-time range, no text: the clip recorded on that officer's camera in March.
    await box.fill('');
    // The officer picker: part of the number (2+ characters used to come back as not_found), then Enter picks it.
    const officer = page.locator('.search-filters input[aria-label="执法证号"]');
    await officer.fill('0047');
    await page.locator('.ant-select-item-option', { hasText: '豫S11520210047' }).waitFor();
    await officer.press('Enter');
    await page.locator('.search-filters .officer-select .ant-select-content', { hasText: '李文静（豫S11520210047）' }).waitFor();
    const [fromInput, toInput] = [
      page.locator('.search-filters .ant-picker-input input').nth(0),
      page.locator('.search-filters .ant-picker-input input').nth(1),
    ];
    await fromInput.click();
    await fromInput.fill('2024-03-11 00:00');
    await fromInput.press('Enter');
    await toInput.fill('2024-03-11 23:59');
    await toInput.press('Enter');
    const clips = page.locator('.search-group-clip');
    await clips
      .getByText('ZFY5130047_115007_20240311094032_0001.MP4')
      .waitFor({ timeout: 20_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: '/tmp/r1-e2e-fail.png', fullPage: true });
        throw e;
      });
    expect(await clips.innerText()).not.toContain('20240601090000');
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'search-panel.png'), fullPage: true });

    await clips.getByRole('button', { name: '查看' }).first().click();
    await page.locator('.retrieval-drawer').waitFor();
    expect(page.url()).toMatch(/clip=\d+/);
  });
});
