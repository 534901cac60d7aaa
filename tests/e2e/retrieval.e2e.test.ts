/**
 * 调阅 end to end through the real localhost bridge and Chromium: a real H.264 clip made with ffmpeg.
 * A supervisor (领导) opens it at once (实时调阅), plays, seeks — the video's currentTime moves and a
 * frame drawn to a canvas is not blank — and marks a second; an archivist without a grant is refused,
 * files a 调阅申请 from the refusal, the supervisor approves it, the archivist plays; the clip's
 * 调阅记录 shows both sessions with their watched stretches. Screenshots: retrieval-player.png,
 * retrieval-requests.png, retrieval-clip-log.png.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium or ffmpeg is missing.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FootageListResult } from '../../src/api/types-footage.js';
import { makeVideo } from '../footage/helpers/media.js';
import { callApi, eventually, settle, SHOTS, e2eRun, setupAdmin, signIn, type E2eRun } from './harness.js';

const PASSWORD = 'e2e-Passw0rd';
let run: E2eRun;

async function signOut(p: Page, url: string): Promise<void> {
  await p.getByRole('button', { name: '退出' }).click();
  await p.getByLabel('用户名').waitFor();
  await p.goto(url);
}

async function openClip(p: Page, base: string, clipId: number): Promise<void> {
  await p.goto(`${base}#/retrieval?clip=${clipId}`);
  await p.locator('.retrieval-drawer').waitFor();
}

/** Plays until currentTime passes `sec`, then pauses. */
async function playUntil(p: Page, sec: number): Promise<void> {
  await p.locator('.retrieval-video').waitFor();
  await p.waitForFunction(() => (document.querySelector<HTMLVideoElement>('.retrieval-video')?.readyState ?? 0) >= 2, undefined, { timeout: 30_000 });
  await p.locator('.retrieval-play').click();
  await p.waitForFunction((s) => (document.querySelector<HTMLVideoElement>('.retrieval-video')?.currentTime ?? 0) > s, sec, { timeout: 30_000 });
  await p.locator('.retrieval-play').click();
}

describe('调阅 end to end (bridge + Chromium)', () => {
  e2eRun({ prefix: 'jz-retrieval-e2e-', demo: false }, (r) => (run = r));

  it('supervisor watches and marks; an archivist is refused, requests, is approved and watches; the 调阅记录 shows both', async () => {
    const { page, url, work } = run;
    const base = url.split('?')[0]!;
    const cam = path.join(work, 'cam');
    makeVideo(path.join(cam, 'ZFY5130047_115007_20240311094032_0001.MP4'), { seconds: 8, tag: 'retrieval-e2e' });

    await setupAdmin(page, url, { username: 'admin', displayName: '王管理', password: PASSWORD });
    await callApi(page, 'user.create', { username: 'lead', displayName: '赵领导', role: 'supervisor', password: PASSWORD });
    await callApi(page, 'user.create', { username: 'arch', displayName: '孙档案', role: 'archivist', password: PASSWORD });
    await callApi(page, 'footage.ingest', { source: cam, derive: 'background' });
    const clips = await callApi<FootageListResult>(page, 'footage.list', {});
    const clipId = clips.items[0]!.id;
    // The contact sheet (the timeline strip's frames) is made in the background.
    await eventually(async () => {
      const l = await callApi<FootageListResult>(page, 'footage.list', {});
      expect(l.items[0]!.hasSheet).toBe(true);
    }, 60_000);
    await signOut(page, url);

    // 领导: 实时调阅 at once; play, seek, a frame that is not blank, a mark.
    await signIn(page, 'lead', PASSWORD);
    await openClip(page, base, clipId);
    await page.getByText('实时调阅（领导权限），本次观看已登记').waitFor();
    await playUntil(page, 1.2);
    const before = await page.evaluate(() => document.querySelector<HTMLVideoElement>('.retrieval-video')!.currentTime);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((b) => Math.abs(document.querySelector<HTMLVideoElement>('.retrieval-video')!.currentTime - b) > 3, before);
    await page.waitForFunction(() => !document.querySelector<HTMLVideoElement>('.retrieval-video')!.seeking);
    const after = await page.evaluate(() => document.querySelector<HTMLVideoElement>('.retrieval-video')!.currentTime);
    expect(after).toBeGreaterThan(before + 3);
    const pixels = await page.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('.retrieval-video')!;
      const c = document.createElement('canvas');
      c.width = v.videoWidth;
      c.height = v.videoHeight;
      const g = c.getContext('2d')!;
      g.drawImage(v, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let min = 255;
      let max = 0;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97) {
        const y = (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
        min = Math.min(min, y);
        max = Math.max(max, y);
        colours.add((d[i]! >> 5) * 64 + (d[i + 1]! >> 5) * 8 + (d[i + 2]! >> 5));
      }
      return { w: c.width, h: c.height, min, max, colours: colours.size };
    });
    expect(pixels.w).toBe(320);
    expect(pixels.max - pixels.min, 'the frame has contrast').toBeGreaterThan(60);
    expect(pixels.colours, 'the frame has many colours').toBeGreaterThan(8);
    // Frame step moves by one frame of the clip (makeVideo: 15 fps).
    await page.getByRole('button', { name: '上一帧' }).click();
    await page.waitForFunction((a) => Math.abs(document.querySelector<HTMLVideoElement>('.retrieval-video')!.currentTime - (a - 1 / 15)) < 0.02, after);
    // The timeline strip: nine frames of the clip, each with its time; a click seeks to that second.
    const strip = page.locator('.retrieval-strip-frame');
    await strip.nth(8).waitFor();
    expect(await strip.count()).toBe(9);
    const second = Number(await strip.nth(2).getAttribute('data-second'));
    expect(second).toBeCloseTo((2.5 * 8) / 9, 1);
    await page.getByRole('button', { name: `跳转到 ${await strip.nth(2).innerText()}` }).click();
    await page.waitForFunction((s) => Math.abs(document.querySelector<HTMLVideoElement>('.retrieval-video')!.currentTime - s) < 0.1, second);
    await page.locator('.retrieval-strip-frame.is-current').nth(0).waitFor();
    expect(await page.locator('.retrieval-strip-frame.is-current').getAttribute('data-second')).toBe(String(second));
    await page.getByLabel('说明，例如 告知权利、出示证件').fill('告知权利');
    await page.getByRole('button', { name: '标记当前秒' }).click();
    await page.locator('.retrieval-mark', { hasText: '告知权利' }).waitFor();
    expect(await page.locator('.retrieval-facts').innerText()).toContain('SHA-256');
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'retrieval-player.png') });
    await page.keyboard.press('Escape');
    await page.locator('.retrieval-drawer').waitFor({ state: 'hidden' });
    await signOut(page, url);

    // 档案员: refused, files a request from the refusal.
    await signIn(page, 'arch', PASSWORD);
    await openClip(page, base, clipId);
    await page.getByText('无法调阅').waitFor();
    expect(await page.locator('.retrieval-refused').innerText()).toContain('无权调阅该音像记录');
    await page.getByRole('button', { name: '提交调阅申请' }).click();
    const dialog = page.getByRole('dialog', { name: '提交调阅申请' });
    expect(await dialog.locator('#retrievalRequest_clipIds').inputValue()).toBe(String(clipId));
    await dialog.locator('#retrievalRequest_reason').fill('核查群众投诉');
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.retrieval-requests .ant-table-row', { hasText: '待审批' }).waitFor();
    await signOut(page, url);

    // 领导 approves.
    await signIn(page, 'lead', PASSWORD);
    await page.goto(`${base}#/retrieval?tab=requests`);
    const row = page.locator('.retrieval-requests .ant-table-row', { hasText: '孙档案' });
    await row.getByRole('button', { name: '批准' }).click();
    const decide = page.getByRole('dialog');
    await decide.locator('textarea').fill('同意调阅');
    await decide.getByRole('button', { name: '批准' }).click();
    await row.getByText('已批准').waitFor();
    await row.getByText('授权有效').waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'retrieval-requests.png') });
    await signOut(page, url);

    // 档案员 plays under the grant.
    await signIn(page, 'arch', PASSWORD);
    await openClip(page, base, clipId);
    await page.getByText(/依据调阅授权 #\d+/).waitFor();
    await playUntil(page, 1.5);
    await page.keyboard.press('Escape');
    await page.locator('.retrieval-drawer').waitFor({ state: 'hidden' });
    await signOut(page, url);

    // The clip's 调阅记录: both closed sessions, with watched stretches.
    await signIn(page, 'lead', PASSWORD);
    await openClip(page, base, clipId);
    await page.locator('.retrieval-drawer').getByRole('tab', { name: '调阅记录' }).click();
    const log = page.locator('.retrieval-drawer .retrieval-view-log');
    await eventually(async () => {
      await page.locator('.retrieval-log-refresh').click();
      const text = await log.innerText();
      expect(text).toContain('孙档案');
      expect(text).toMatch(/授权 #\d+/);
      expect(text).toContain('实时调阅');
    }, 20_000);
    const rows = log.locator('.ant-table-row');
    const texts = await rows.allInnerTexts();
    const arch = texts.find((t) => t.includes('孙档案'))!;
    const lead = texts.filter((t) => t.includes('赵领导') && !t.includes('未结束'));
    expect(arch).toMatch(/00:0\d–00:0\d/);
    expect(lead.length).toBe(1);
    expect(lead[0]).toMatch(/00:0\d–00:0\d/);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'retrieval-clip-log.png') });
    expect(run.errors.filter((e) => !/Failed to load resource.*403/.test(e))).toEqual([]);
  }, 300_000);
});
