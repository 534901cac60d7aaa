/**
 * 导出 end to end through the real localhost bridge: the demo archive (four cases sealed, with
 * footage), the archivist opens a sealed dossier's page, clicks 导出, types an output folder, ticks
 * 同时生成移交包, starts, sees the progress bar and then the output folder with each volume's pages and
 * digests. The files are then read back with poppler and sha256sum. Each step is its own test.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { CaseDetail } from '../../src/api/types.js';
import { callApi, checkText, type E2eRun, eventually, settle, SHOTS, signIn, e2eRun, storySteps } from './harness.js';

/** The demo's 简易程序 case: sealed, three body-cam clips. */
const CASE_NO = '青石综执简〔2024〕137号';

let run: E2eRun | undefined;
let page: Page;
/** The output folder typed into the dialog, and the folders the export reports. */
let out = '';
let shown = '';

describe('dossier export end to end (bridge + Chromium)', () => {
  const step = storySteps();

  e2eRun({ prefix: 'jz-e2e-export-', demo: true }, (r) => ((run = r), (page = r.page)));

  step('the archivist opens a sealed dossier and its 导出 dialog, with the suggested folder beside the archive', async () => {
    await page.goto(run!.url);
    await signIn(page, 'dangan');
    const c = await callApi<CaseDetail>(page, 'case.get', { caseNo: CASE_NO });
    await page.evaluate((id) => (location.hash = `#/dossier/${id}`), c.id);
    await page.locator('.dz-sealed-banner').waitFor();
    await settle(page);

    await page.locator('.dz-btn-export').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('导出案卷').waitFor();
    out = path.join(run!.work, '导出');
    const field = dialog.locator('.dz-export-out');
    // The suggested folder sits beside the archive folder.
    await eventually(async () => expect(await field.inputValue()).toBe(path.join(path.dirname(run!.archive), 'exports')));
    await field.fill(out);
    await dialog.getByText('同时生成移交包').click();
    await checkText(page, ['导出到文件夹', '同时生成移交包', '开始导出']);
  });

  step(
    'exports with a progress bar, then shows the output folder with volumes and digests',
    async () => {
      const dialog = page.getByRole('dialog');
      // The progress bar shows while the export runs (pages done / total).
      const sawProgress = page.waitForFunction(
        () => {
          const bar = document.querySelector('.dz-export-progress');
          return !!bar?.querySelector('.ant-progress') && /正在导出/.test(bar.textContent ?? '');
        },
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      await dialog.getByRole('button', { name: '开始导出' }).click();
      await sawProgress;

      const folder = dialog.locator('.dz-export-folder');
      await folder.waitFor({ timeout: 120_000 });
      shown = (await folder.innerText()).trim();
      expect(path.dirname(shown)).toBe(out);
      await checkText(page, ['导出完成', '输出文件夹', '移交包', 'SHA-256', 'SM3']);
      await settle(page);
      await page.screenshot({ path: path.join(SHOTS, 'dossier-export.png') });
    },
    300_000,
  );

  step('the files are there: poppler reads every volume, sha256sum checks the 移交包 with its footage', async () => {
    const dialog = page.getByRole('dialog');
    const pdfs = readdirSync(shown).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    for (const f of pdfs) {
      const info = execFileSync('pdfinfo', [path.join(shown, f)], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(3);
      await checkText(page, [f]);
    }
    const bag = (await dialog.locator('.dz-export-package').innerText()).trim();
    expect(existsSync(path.join(bag, 'bagit.txt'))).toBe(true);
    execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bag });
    expect(readdirSync(path.join(bag, 'data', 'footage')).length).toBe(3);
    expect(readdirSync(out).sort()).toEqual([path.basename(shown), path.basename(bag)].sort());
  });

  step('the dialog shows the 移交包’s 四性检测 result (通过), and the report is in the bag', async () => {
    const dialog = page.getByRole('dialog');
    const result = dialog.locator('.dz-fourness-result');
    await result.waitFor();
    expect(await result.locator('.dz-fourness-verdict').innerText()).toBe('通过');
    expect(await result.locator('.dz-fourness-summary').innerText()).toMatch(/移交接收环节.*未通过 0 项/);
    const bag = (await dialog.locator('.dz-export-package').innerText()).trim();
    expect(readFileSync(path.join(bag, '四性检测报告.xml'), 'utf8')).toContain('result="通过"');
    await page.screenshot({ path: path.join(SHOTS, 'dossier-export-fourness.png') });
  });

  step('the dialog closes, and the page logged no error', async () => {
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(run!.errors).toEqual([]);
  });
});
