/**
 * The 调阅 player's rough edges, end to end through the real localhost bridge and Chromium:
 * (a) an HEVC clip (made with ffmpeg/libx265 at test time) opened by a supervisor says its playback
 *     proxy is being made, never loads the original, then plays the proxy by itself (currentTime
 *     advances, a frame drawn to a canvas is not blank) with the proxy note; frame step moves by one
 *     frame of the clip's real rate (30 fps);
 * (b) 设为入点 / 设为出点 then 提取复制件: the dialog is filled with both;
 * (c) a clip whose last fixity check failed (a byte of its stored object flipped, footage.verify)
 *     shows the red warning and plays only once confirmed;
 * (d) a grant revoked while an archivist plays: the player shows 已被撤销 with the reason and 提交调阅申请.
 * Screenshots: retrieval-proxy-making.png, retrieval-revoked.png.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium or ffmpeg is missing.
 */
import { chmodSync, openSync, readSync, writeSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { FootageListResult } from '../../src/api/types-footage.js';
import type { RetrievalRequestInfo } from '../../src/api/types-retrieval.js';
import { makeHevc, makeVideo } from '../footage/helpers/media.js';
import { callApi, e2eRun, SHOTS, setupAdmin, signIn, storySteps, type E2eRun } from './harness.js';

const PASSWORD = 'e2e-Passw0rd';
const HEVC = 'ZFY5130047_115007_20240311100000_0002.MP4';
const FIXITY = 'ZFY5130047_115007_20240311110000_0003.MP4';
const GRANTED = 'ZFY5130047_115007_20240311120000_0004.MP4';
let run: E2eRun;
let base = '';
const ids: Record<string, number> = {};
let grantId = 0;

async function signOut(p: Page): Promise<void> {
  await p.getByRole('button', { name: '退出' }).click();
  await p.getByLabel('用户名').waitFor();
}

async function openClip(p: Page, clipId: number): Promise<void> {
  await p.goto(`${base}#/retrieval?clip=${clipId}`);
  await p.locator('.retrieval-drawer').waitFor();
}

const currentTime = (p: Page) => p.evaluate(() => document.querySelector<HTMLVideoElement>('.retrieval-video')!.currentTime);

/** Sets the video's position and waits for the seek to finish. */
async function seekTo(p: Page, sec: number): Promise<void> {
  await p.evaluate((s) => {
    const v = document.querySelector<HTMLVideoElement>('.retrieval-video')!;
    v.pause();
    v.currentTime = s;
  }, sec);
  await p.waitForFunction((s) => {
    const v = document.querySelector<HTMLVideoElement>('.retrieval-video')!;
    return !v.seeking && Math.abs(v.currentTime - s) < 0.001;
  }, sec);
}

describe('调阅 player: proxy on first open, in/out, fixity warning, revoked mid-playback (bridge + Chromium)', () => {
  e2eRun({ prefix: 'jz-retrieval-player-e2e-', demo: false }, (r) => {
    run = r;
    base = r.url.split('?')[0]!;
  });
  const step = storySteps();

  step('an administrator ingests an HEVC clip and two H.264 clips, damages one stored object and verifies; the archivist holds a grant', async () => {
    const { page, url, work } = run;
    const cam = path.join(work, 'cam');
    makeHevc(path.join(cam, HEVC), { seconds: 6, size: '640x480' });
    makeVideo(path.join(cam, FIXITY), { seconds: 4, tag: 'fixity' });
    makeVideo(path.join(cam, GRANTED), { seconds: 20, tag: 'granted' });
    await setupAdmin(page, url, { username: 'admin', displayName: '王管理', password: PASSWORD });
    await callApi(page, 'user.create', { username: 'lead', displayName: '赵领导', role: 'supervisor', password: PASSWORD });
    await callApi(page, 'user.create', { username: 'arch', displayName: '孙档案', role: 'archivist', password: PASSWORD });
    await callApi(page, 'footage.ingest', { source: cam, derive: 'skip' });
    const list = await callApi<FootageListResult>(page, 'footage.list', {});
    for (const n of [HEVC, FIXITY, GRANTED]) ids[n] = list.items.find((c) => c.originalName === n)!.id;
    expect(Object.keys(ids)).toHaveLength(3);

    // Flip one byte in the middle of the stored original (bit rot), then the fixity check finds it.
    const { sha256 } = await callApi<{ sha256: string }>(page, 'footage.get', { id: ids[FIXITY] });
    const file = path.join(run.archive, 'objects', 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    chmodSync(file, 0o644);
    const fd = openSync(file, 'r+');
    const at = Math.floor(statSync(file).size / 2);
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, at);
    b[0] = b[0]! ^ 0xff;
    writeSync(fd, b, 0, 1, at);
    closeSync(fd);
    chmodSync(file, 0o444);
    const report = await callApi<{ changed: number }>(page, 'footage.verify', { mode: 'full' });
    expect(report.changed).toBe(1);
    await signOut(page);

    await signIn(page, 'arch', PASSWORD);
    const req = await callApi<RetrievalRequestInfo>(page, 'retrieval.request', {
      reason: '核查群众投诉',
      purpose: 'complaint',
      scope: { clipIds: [ids[GRANTED]] },
      until: '2099-12-31',
    });
    await signOut(page);
    await signIn(page, 'lead', PASSWORD);
    const approved = await callApi<RetrievalRequestInfo>(page, 'retrieval.approve', { id: req.id, comment: '同意调阅' });
    grantId = approved.grant!.id;
  });

  step('(a) the HEVC clip: 正在生成 while its proxy is made (no video), then it plays the proxy by itself; frame step is one 1/30 s frame', async () => {
    const { page } = run;
    await openClip(page, ids[HEVC]!);
    await page.locator('.retrieval-proxy-making').waitFor();
    expect(await page.locator('.retrieval-proxy-making').innerText()).toContain('正在生成播放用代理文件（原始文件不可在浏览器中播放），完成后自动播放');
    // The unplayable original is never loaded.
    expect(await page.locator('.retrieval-video').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'retrieval-proxy-making.png') });

    await page.locator('.retrieval-video').waitFor({ timeout: 60_000 });
    expect(await page.locator('.retrieval-proxy-making').count()).toBe(0);
    await page.locator('.retrieval-proxy-note').waitFor();
    expect(await page.locator('.retrieval-proxy-note').innerText()).toContain('正在播放转码副本');
    expect(await page.evaluate(() => document.querySelector<HTMLVideoElement>('.retrieval-video')!.currentSrc)).toMatch(/clip-proxy/);
    // It starts by itself.
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('.retrieval-video')?.currentTime ?? 0) > 1, undefined, { timeout: 30_000 });
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
      return { w: c.width, min, max, colours: colours.size };
    });
    expect(pixels.w).toBe(640);
    expect(pixels.max - pixels.min, 'the frame has contrast').toBeGreaterThan(60);
    expect(pixels.colours, 'the frame has many colours').toBeGreaterThan(8);

    // Frame step: the clip is 30 fps, so one frame is 1/30 s (not a fixed 1/25).
    await seekTo(page, 2);
    await page.getByRole('button', { name: '下一帧' }).click();
    await page.waitForFunction(() => !document.querySelector<HTMLVideoElement>('.retrieval-video')!.seeking);
    expect((await currentTime(page)) - 2).toBeCloseTo(1 / 30, 3);
  });

  step('(b) 设为入点 / 设为出点 (button and key o) show on the seek bar, and 提取复制件 opens with both filled in', async () => {
    const { page } = run;
    await seekTo(page, 1.5);
    await page.locator('.retrieval-set-in').click();
    await seekTo(page, 3.25);
    await page.locator('.retrieval-video').focus();
    await page.keyboard.press('o');
    const inout = page.locator('.retrieval-inout');
    await inout.waitFor();
    expect(await inout.innerText()).toContain('入点 00:01.5 · 出点 00:03.3');
    expect(await inout.getAttribute('data-in')).toBe('1.5');
    expect(await inout.getAttribute('data-out')).toBe('3.25');
    await page.locator('.retrieval-seek-in').waitFor();
    await page.locator('.retrieval-seek-out').waitFor();
    await page.getByRole('button', { name: '提取复制件' }).click();
    const modal = page.locator('.jz-clip-export-modal');
    await modal.waitFor();
    expect(await modal.locator('.jz-clip-export-in').inputValue()).toBe('00:00:01.500');
    expect(await modal.locator('.jz-clip-export-out').inputValue()).toBe('00:00:03.250');
    await modal
      .getByRole('button', { name: /关\s*闭|取\s*消/ })
      .first()
      .click();
    await modal.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await page.locator('.retrieval-drawer').waitFor({ state: 'hidden' });
  });

  step('(c) a clip whose last fixity check failed shows the red warning and plays only once confirmed', async () => {
    const { page } = run;
    await openClip(page, ids[FIXITY]!);
    const warn = page.locator('.retrieval-fixity-failed');
    await warn.waitFor();
    expect(await warn.innerText()).toContain('最近一次完整性核验未通过');
    expect(await page.locator('.retrieval-video').count()).toBe(0);
    await warn.getByRole('button', { name: '仍要播放' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: '仍要播放' }).click();
    // The confirmation has closed (an Escape pressed while it fades out goes to it, not to the drawer).
    await confirm.waitFor({ state: 'detached' });
    await page.locator('.retrieval-video').waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('.retrieval-video')?.readyState ?? 0) >= 2, undefined, { timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.locator('.retrieval-drawer').waitFor({ state: 'hidden' });
    await signOut(page);
  });

  step('(d) a grant revoked while the archivist plays: the player stops and says 已被撤销 with the reason', async () => {
    const { page } = run;
    await signIn(page, 'arch', PASSWORD);
    await openClip(page, ids[GRANTED]!);
    await page.getByText(/依据调阅授权 #\d+/).waitFor();
    await page.locator('.retrieval-video').waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('.retrieval-video')?.readyState ?? 0) >= 2, undefined, { timeout: 30_000 });
    await page.locator('.retrieval-play').click();
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('.retrieval-video')?.currentTime ?? 0) > 1, undefined, { timeout: 30_000 });

    // The supervisor revokes the grant from another window.
    const other = await page.context().newPage();
    try {
      await other.goto(run.url);
      await other.getByText('登录卷宗').waitFor();
      await signIn(other, 'lead', PASSWORD);
      await callApi(other, 'retrieval.revoke', { grantId, reason: '调阅目的已完成' });
    } finally {
      await other.close();
    }

    const refused = page.locator('.retrieval-refused');
    await refused.waitFor({ timeout: 20_000 });
    const text = await refused.innerText();
    expect(text).toContain(`调阅授权 ${grantId} 已被撤销（调阅目的已完成）`);
    expect(text).not.toContain('无法播放：');
    expect(await page.locator('.retrieval-video').count()).toBe(0);
    await refused.getByRole('button', { name: '提交调阅申请' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'retrieval-revoked.png') });
    expect(run.errors.filter((e) => !/Failed to load resource.*(403|404)/.test(e))).toEqual([]);
  });
});
