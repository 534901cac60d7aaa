/**
 * 复制/提取 end to end through the real localhost bridge and Chromium: an administrator (实时调阅)
 * opens a clip in the player, opens 提取复制件, sets the out point, a reason and the folder, exports;
 * the result shows the folder, whose manifest `sha256sum -c` passes and whose cut ffprobe measures as
 * long as out − actual in. Screenshot: clip-export.png.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium or ffmpeg is missing.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FootageListResult } from '../../src/api/types-footage.js';
import { makeVideo } from '../footage/helpers/media.js';
import { callApi, SHOTS, e2eRun, setupAdmin, type E2eRun } from './harness.js';

const PASSWORD = 'e2e-Passw0rd';
let run: E2eRun;

describe('复制/提取 end to end (bridge + Chromium)', () => {
  e2eRun({ prefix: 'jz-clip-export-e2e-', demo: false }, (r) => (run = r));

  it('exports a stretch of a clip from the player into a folder sha256sum -c and ffprobe check', async () => {
    const { page, url, work } = run;
    const base = url.split('?')[0]!;
    const cam = path.join(work, 'cam');
    makeVideo(path.join(cam, 'ZFY5130047_115007_20240311094032_0001.MP4'), { seconds: 6, tag: 'clip-export-e2e' });

    await setupAdmin(page, url, { username: 'admin', displayName: '王管理', password: PASSWORD });
    await callApi(page, 'footage.ingest', { source: cam, derive: 'skip' });
    const clipId = (await callApi<FootageListResult>(page, 'footage.list', {})).items[0]!.id;

    await page.goto(`${base}#/retrieval?clip=${clipId}`);
    await page.locator('.retrieval-drawer').waitFor();
    await page.getByRole('button', { name: '提取复制件' }).click();
    const modal = page.locator('.jz-clip-export-modal');
    await modal.waitFor();
    await modal.locator('.jz-clip-export-in').fill('00:00:01');
    await modal.locator('.jz-clip-export-out').fill('00:00:04');
    await modal.locator('.jz-clip-export-reason').fill('投诉核查需要');
    const target = path.join(work, 'exports');
    await modal.locator('.jz-clip-export-target').fill(target);
    await modal.locator('.jz-clip-export-start').click();
    await modal.locator('.jz-clip-export-result').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, 'clip-export.png') });

    const folder = (await modal.locator('.jz-clip-export-folder').textContent())!.trim();
    expect(path.dirname(folder)).toBe(target);
    expect(readdirSync(target)).toEqual([path.basename(folder)]);
    expect(execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: folder, encoding: 'utf8' }).match(/: OK/g)).toHaveLength(2);
    const cut = readdirSync(folder).find((n) => n.endsWith('.MP4'))!;
    const duration = Number(
      execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path.join(folder, cut)], { encoding: 'utf8' }),
    );
    // makeVideo's clip has one key frame (at 0): the stream copy starts there, so the cut runs 0 → 4 s.
    expect(await modal.locator('.jz-clip-export-actual').textContent()).toMatch(/^00:00:00 – 00:00:0[34]/);
    expect(duration).toBeGreaterThan(3.8);
    expect(duration).toBeLessThan(4.3);
    expect(run.errors).toEqual([]);
  }, 180_000);
});
