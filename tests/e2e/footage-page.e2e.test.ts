/**
 * 音像 end to end through the real localhost bridge: an empty archive, the administrator set up on the
 * first-run screen, a body-camera folder of real MP4s made with ffmpeg (plus one empty file). Through
 * the UI: 导入音像 with progress and the completion counts and error list, thumbnails in the list,
 * 关联 a clip to a case (created over the API) with an officer and an activity, the clip's detail drawer
 * (contact sheet, sources, digests), the case page's 音像记录 card, and 立即核验 with its result.
 * Screenshots: footage-ingest.png, footage-list.png, footage-detail.png, footage-case-card.png,
 * footage-audit.png (see SHOTS in harness.ts). Each step is its own test (storySteps).
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium or ffmpeg is missing.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { CaseDetail } from '../../src/api/types.js';
import type { FixityReport } from '../../src/api/types-footage.js';
import { makeVideo } from '../footage/helpers/media.js';
import { sampleCase } from '../helpers/fixtures.js';
import { callApi, checkText, eventually, noToasts, settle, SHOTS, e2eRun, setupAdmin, storySteps, type E2eRun } from './harness.js';

const ADMIN = { username: 'admin', displayName: '王档案', password: 'e2e-Passw0rd' };
const CLIPS = ['ZFY5130047_115007_20240311094032_0001.MP4', 'ZFY5130047_115007_20240311095510_0002.MP4', 'ZFY5130047_115007_20240311101205_0003.MP4'];
const EMPTY = 'ZFY5130047_115007_20240311103000_0004.MP4';
const CERT = '豫S11520210047';

let run: E2eRun;
/** The case the first clip is linked to (registered over the API in the 关联 step). */
let k: CaseDetail;
/** The list row of the first clip. */
const firstRow = () => run.page.locator('.clip-table .ant-table-row', { hasText: CLIPS[0]! });

/** Records whether `selector` was ever on the page (and its texts), for UI that may be brief. */
async function watchFor(p: Page, selector: string): Promise<void> {
  await p.evaluate((sel) => {
    const w = window as unknown as { __seen: Record<string, string[]> };
    w.__seen = w.__seen ?? {};
    const texts: string[] = (w.__seen[sel] = []);
    new MutationObserver(() => {
      const el = document.querySelector<HTMLElement>(sel);
      if (el && texts[texts.length - 1] !== el.innerText) texts.push(el.innerText);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, selector);
}

async function seen(p: Page, selector: string): Promise<string[]> {
  return p.evaluate((sel) => (window as unknown as { __seen: Record<string, string[]> }).__seen[sel] ?? [], selector);
}

/** Every <img> under `selector` that has loaded with real pixels. */
async function loadedImages(p: Page, selector: string): Promise<number> {
  return p.evaluate((sel) => [...document.querySelectorAll<HTMLImageElement>(sel)].filter((i) => i.complete && i.naturalWidth > 0).length, selector);
}

describe('footage page end to end (bridge + Chromium)', () => {
  const step = storySteps();

  e2eRun({ prefix: 'jz-footage-e2e-', demo: false }, (r) => (run = r));

  step('first run: creates the administrator; 音像 starts with an empty list', async () => {
    const { page, url } = run;
    await setupAdmin(page, url, ADMIN);

    // 音像: an empty list.
    await page.getByRole('menuitem', { name: '音像' }).click();
    await page.getByRole('heading', { name: '音像资料' }).waitFor();
    await page.getByText('没有符合条件的音像资料').waitFor();
    await checkText(page, ['音像列表', '完整性核验', '到期复核', '导入音像', '未关联案件']);
  });

  step('导入音像 of a camera folder: progress while it runs, then the counts and the error list', async () => {
    const { page, work } = run;
    // A body camera's card: <serial>/DCIM/100MEDIA/ZFY<serial>_<user>_<start>_<seq>.MP4
    const cam = path.join(work, 'cam');
    const media = path.join(cam, '5130047', 'DCIM', '100MEDIA');
    CLIPS.forEach((name, i) => makeVideo(path.join(media, name), { tag: `e2e-${i}`, freq: 440 + 110 * i, seconds: 2 }));
    writeFileSync(path.join(media, EMPTY), '');
    // Type the folder, start, watch the progress, read the counts and the error list.
    await page.getByRole('button', { name: '导入音像' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#ingestForm_source').fill(cam);
    await watchFor(page, '.footage-job-progress');
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByText('导入完成').waitFor({ timeout: 120_000 });
    const progress = await seen(page, '.footage-job-progress');
    expect(progress.length, 'the progress block was shown while the job ran').toBeGreaterThan(0);
    expect(progress.join('\n')).toMatch(/正在准备…|文件 \d+ \/ 4/);
    expect(progress.join('\n')).toContain('取消');
    const report = await dialog.locator('.footage-ingest-report').innerText();
    expect(report).toMatch(/文件 4 个 · 新增 3 · 重复 0 · 错误 1/);
    expect(report).toContain(EMPTY);
    expect(report).toMatch(/文件为空（0 字节）/);
    expect(report).toMatch(/MB\/s/);
    await noToasts(page);
    await page.screenshot({ path: path.join(SHOTS, 'footage-ingest.png') });
    await checkText(page, ['导入音像', '来源文件夹', '新增', '重复', '错误', '原因']);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  step('the list shows the three clips, their thumbnails loaded (derived in the background)', async () => {
    const { page } = run;
    const rows = page.locator('.clip-table .ant-table-row');
    await eventually(async () => expect(await rows.count()).toBe(3), 30_000);
    for (const name of CLIPS) await page.locator('.clip-table .ant-table-row', { hasText: name }).waitFor();
    await page.waitForFunction(
      () => [...document.querySelectorAll<HTMLImageElement>('.clip-table .clip-thumb img')].filter((i) => i.complete && i.naturalWidth > 0).length >= 3,
      undefined,
      { timeout: 120_000 },
    );
    const first = firstRow();
    expect(await first.innerText()).toContain('2024-03-11 09:40:32 +08:00');
    expect(await first.innerText()).toContain('5130047');
    expect(await first.innerText()).toContain('未关联案件');
  });

  step('关联案件 links the first clip to a case with an officer (执法证号) and 查封扣押', async () => {
    const { page } = run;
    const first = firstRow();
    // A case to link to (registered over the API: the case form has its own test).
    k = await callApi<CaseDetail>(page, 'case.create', sampleCase());

    // 关联案件: select the first clip, pick the case, the officer (执法证号) and 查封扣押.
    await first.locator('.ant-checkbox-input').check();
    await page.getByRole('button', { name: '关联案件（1）' }).click();
    const link = page.getByRole('dialog');
    await link.getByText('关联音像资料（1 段）').waitFor();
    await link.locator('#linkForm_caseNo').fill(k.caseNo);
    await link.locator('.ant-modal-title').click();
    await link.locator('#linkForm_certNo').fill(CERT);
    await link.locator('.ant-modal-title').click();
    await link.locator('#linkForm_activity').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '查封扣押' }).click();
    await link.getByRole('button', { name: '关联', exact: true }).click();
    await link.waitFor({ state: 'hidden' });
    await eventually(async () => {
      const text = await first.innerText();
      expect(text).toContain(k.caseNo);
      expect(text).toContain('查封扣押');
      expect(text).toContain('李文静');
    });
    await noToasts(page);
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'footage-list.png') });
    await checkText(page, ['原始文件名', '开始时间', '时长', '记录仪', '执法人员', '案件', '事项', '保管', '摘要值', 'SHA-256', 'SM3', k.caseNo]);
  });

  step('the clip drawer: contact sheet, field sources, full digests, the source path, who linked it', async () => {
    const { page } = run;
    const first = firstRow();
    await first.getByRole('button', { name: CLIPS[0]! }).click();
    const drawer = page.locator('.clip-drawer');
    await drawer.getByText('元数据（标注每项的来源）').waitFor();
    await page.waitForFunction(
      () => [...document.querySelectorAll<HTMLImageElement>('.clip-sheet img')].some((i) => i.complete && i.naturalWidth > 0),
      undefined,
      {
        timeout: 60_000,
      },
    );
    const list = await callApi<{ items: { id: number; originalName: string; sha256: string; sm3: string }[] }>(page, 'footage.list', { caseId: k.id });
    expect(list.items.map((i) => i.originalName)).toEqual([CLIPS[0]]);
    const detailText = await drawer.innerText();
    expect(detailText).toContain(list.items[0]!.sha256);
    expect(detailText).toContain(list.items[0]!.sm3);
    expect(detailText).toContain('据文件名');
    expect(detailText).toContain(`5130047/DCIM/100MEDIA/${CLIPS[0]}`);
    expect(detailText).toContain(ADMIN.displayName);
    expect(detailText).toContain('有效');
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'footage-detail.png') });
    await checkText(page, ['摘要值（导入时计算）', '来源路径', '关联人', '解除关联']);
    await drawer.locator('.ant-drawer-close').click();
    await drawer.locator('.clip-detail').waitFor({ state: 'hidden' });
  });

  step('the case page lists the clip in 音像记录 with its 查封扣押 coverage', async () => {
    const { page } = run;
    await page.evaluate((id) => (location.hash = `#/cases/${id}`), k.id);
    const card = page.locator('.case-footage-card');
    await card.getByText(CLIPS[0]!).waitFor();
    await eventually(async () => expect(await loadedImages(page, '.case-footage-card .clip-thumb img')).toBe(1));
    expect(await card.innerText()).toMatch(/查封扣押（全程） · 已关联 1 段/);
    await checkText(page, ['音像记录']);
    await settle(page);
    await card.screenshot({ path: path.join(SHOTS, 'footage-case-card.png') });
  });

  step('完整性核验: never run yet; 立即核验 shows progress, then 全部一致 with the count', async () => {
    const { page } = run;
    // 完整性核验: never run yet; 立即核验 shows progress, then 全部一致 with the count.
    await page.getByRole('menuitem', { name: '音像' }).click();
    await page.getByRole('tab', { name: '完整性核验' }).click();
    await page.getByText('尚未进行过完整性核验').waitFor();
    await watchFor(page, '.fixity-panel .footage-job-progress');
    await page.getByRole('button', { name: '立即核验' }).click();
    await page.getByText(/全部一致：已核验 \d+ 个文件/).waitFor({ timeout: 120_000 });
    expect((await seen(page, '.fixity-panel .footage-job-progress')).length, 'the verify progress bar was shown').toBeGreaterThan(0);
    const last = (await callApi<{ last: FixityReport | null }>(page, 'footage.lastAudit', {})).last;
    expect(last).toMatchObject({ state: 'done', changed: 0, vanished: 0, appeared: 0, by: `${ADMIN.displayName}(${ADMIN.username})` });
    expect(last!.checked).toBeGreaterThanOrEqual(CLIPS.length);
    const panel = page.locator('.fixity-panel');
    await eventually(async () => {
      const text = await panel.innerText();
      expect(text).toContain(`全部一致：已核验 ${last!.checked} 个文件`);
      expect(text).toContain(ADMIN.displayName);
      expect(text).toContain('最近一次核验');
    });
    await noToasts(page);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'footage-audit.png') });
    await checkText(page, ['完整性核验', '立即核验', '增量核验', '核验人', '全量']);
  });

  step('到期复核 lists the unlinked clips past their term, not the evidence; no page error', async () => {
    const { page } = run;
    // 到期复核: the two unlinked March 2024 clips are past the 6 months for ordinary footage; the
    // linked one is evidence (永久) and is not listed.
    await page.getByRole('tab', { name: '到期复核' }).click();
    const due = page.locator('.retention-due .ant-table-row');
    await eventually(async () => expect((await due.allInnerTexts()).map((r) => r.match(/ZFY\S+\.MP4/)?.[0]).sort()).toEqual([CLIPS[1], CLIPS[2]]));
    expect(await page.locator('.retention-due').innerText()).toContain('2024-09-11');
    await checkText(page, ['保存期限到期、待复核的音像资料', '保存期限至']);

    expect(run.errors).toEqual([]);
  });
});
