/**
 * End to end through the real localhost bridge: `juanzong demo` builds an archive with five sample
 * cases and their body-cam footage (four sealed, 青石综执罚立〔2024〕44号 left to bind, its four clips
 * linked), `juanzong serve` serves it, and the built UI runs in Chromium (playwright-core,
 * /usr/bin/chromium). The archivist opens the 卷宗 list, then the unsealed case's 卷宗 page: volumes,
 * 卷内目录 with page ranges (视听资料证据 sheets included), 备考表; reorders a document by drag
 * with a reason; acknowledges the date warning with a reason; seals (归档) with 检查人/全宗号/目录号 and
 * sees the 归档号 and 档号; opens a correction, re-seals it (same 归档号) and reads the old version; a
 * supervisor then sees the dossier without any write button. Each step is its own test (storySteps).
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { callApi, checkText, type E2eRun, eventually, noToasts, settle, SHOTS, signIn, e2eRun, storySteps } from './harness.js';

const CASE_NO = '青石综执罚立〔2024〕44号';
const CASE_TITLE = '青石镇悦家便民超市未经批准在城市设施和树木上张挂宣传品案';
/** The demo seals four sample cases and the 评查 problem case (20240001–20240005), so this one gets the next serial. */
const ARCHIVE_NO = '20240006';
const ARCHIVE_CODE = 'Z109-WS-0006';

let run: E2eRun | undefined;
let page: Page;

/** A row of the 卷内目录 on the dossier page, by its title. */
const tocRow = (title: string) => page.locator('.dz-toc-table .ant-table-row', { hasText: title });
/** The date warning the first step plants. */
const dateWarning = () => page.locator('.dz-issue', { hasText: '文书日期顺序异常' });
const sealButton = () => page.locator('button.dz-btn-seal');

describe('dossier page end to end (demo archive + bridge + Chromium)', () => {
  const step = storySteps();

  // The demo (sample cases, body-cam footage, four seals) takes about 40 s; the harness allows 480 s.
  e2eRun({ prefix: 'jz-e2e-dossier-', demo: true }, (r) => ((run = r), (page = r.page)));

  step('signs in; a dating slip the checks must catch goes in through the bridge', async () => {
    await page.goto(run!.url);
    await page.getByText('登录卷宗').waitFor();
    await signIn(page, 'dangan');

    // A realistic slip the checks must catch: the 调查终结报告 dated the day after the decision. The
    // case page has no document editing yet, so it goes through the bridge with the archivist's session.
    const detail = await callApi<{ id: number; documents: { id: number; kind: string }[] }>(page, 'case.get', { caseNo: CASE_NO });
    const report = detail.documents.find((d) => d.kind === 'DCZJBG');
    expect(report, '调查终结报告 in the sample case').toBeDefined();
    await callApi(page, 'document.update', { id: report!.id, date: '2024-08-30' });
  });

  step('卷宗 list: four sealed sample cases with their 归档号, the last one 未立卷', async () => {
    await page.locator('.app-sider').getByText('卷宗', { exact: true }).click();
    await page.getByRole('heading', { name: '卷宗', exact: true }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: CASE_NO });
    await eventually(async () => expect(await row.innerText()).toContain('未立卷'));
    await eventually(async () => {
      const sealedRows = await page.locator('.ant-table-row', { hasText: '已归档' }).count();
      expect(sealedRows).toBe(5); // four sealed samples and the 评查 problem dossier (src/demo/review-problem-case.ts)
    });
    expect(await page.locator('.ant-table-row', { hasText: '20240001' }).count()).toBe(1);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'dossier-list.png') });
  });

  step('the 卷宗 page of the unsealed case: 目录 with page ranges, 视听资料证据 sheets, 备考表', async () => {
    const row = page.locator('.ant-table-row', { hasText: CASE_NO });
    await row.getByRole('link', { name: CASE_NO }).click();
    await page.waitForURL(/#\/dossier\/\d+$/);
    await page.getByRole('heading', { name: `卷宗 · ${CASE_TITLE}` }).waitFor();
    const toc = page.locator('.dz-toc-table');
    await toc.locator('.ant-table-row').first().waitFor();
    // 13 documents and, since the demo links body-cam footage to the case, one 视听资料证据 sheet per clip (4).
    expect(await toc.locator('.ant-table-row').count()).toBe(17);
    expect(await tocRow('青石镇悦家便民超市擅自悬挂横幅现场检查笔录').locator('.dz-pages').innerText()).toBe('2-3');
    const avRows = toc.locator('.ant-table-row', { hasText: '视听资料证据：' });
    expect(await avRows.count()).toBe(4);
    expect(await avRows.locator('.dz-pages').allInnerTexts()).toEqual(['11', '12', '13', '14']);
    expect(await tocRow('青石镇悦家便民超市不予行政处罚决定书').locator('.dz-pages').innerText()).toBe('19-20');
    await checkText(page, [
      '未立卷',
      '卷内文件目录',
      '序号',
      '文号',
      '责任者',
      '题名',
      '日期',
      '页号',
      '备注',
      '卷内备考表',
      '本卷共有卷内文件 17 件（文书 13 件、视听资料 4 件），共 23 页',
      '其中视听资料证据说明页 4 页，对应音像文件 4 段',
      '立卷人',
      '立卷时间',
      '检查人',
      '案件名称',
      '保管期限',
      '永久',
    ]);
  });

  step('the date warning blocks 归档 until acknowledged', async () => {
    const warning = dateWarning();
    await warning.waitFor();
    expect(await warning.innerText()).toContain('警告');
    expect(await sealButton().innerText()).toBe('归档');
    expect(await sealButton().isDisabled()).toBe(true);
  });

  step('调整顺序 moves a document with a reason, and the 目录 shows the move', async () => {
    // 调整顺序: move the photos below the 询问笔录 with the row's ↓ button (a drag works too, but
    // synthetic HTML5 drag-and-drop is timing-sensitive on a loaded machine); the move needs a reason.
    expect(await page.locator('button.dz-btn-reorder').innerText()).toBe('调整顺序');
    await page.locator('button.dz-btn-reorder').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.dz-reorder-row[data-doc-id]').first().waitFor();
    const photos = dialog.locator('.dz-reorder-row[data-doc-id]', { hasText: '擅自悬挂横幅及改正情况照片' });
    const DOWN = '下移';
    for (let i = 0; i < 2; i++) {
      const before = await dialog.locator('.dz-reorder-row[data-doc-id] .dz-reorder-title').allInnerTexts();
      await photos.getByRole('button', { name: DOWN }).click();
      await eventually(async () => expect(await dialog.locator('.dz-reorder-row[data-doc-id] .dz-reorder-title').allInnerTexts()).not.toEqual(before));
    }
    await eventually(async () => {
      const titles = await dialog.locator('.dz-reorder-row[data-doc-id] .dz-reorder-title').allInnerTexts();
      expect(titles.indexOf('擅自悬挂横幅及改正情况照片（5张）')).toBe(titles.indexOf('邵春燕询问笔录') + 1);
    });
    expect(await dialog.locator('.dz-reorder-row.is-moved').count()).toBe(1);
    await dialog.getByRole('button', { name: '保存顺序' }).click();
    await dialog.getByText('还有 1 份调整了位置的文书未说明原因').waitFor();
    await photos.getByRole('textbox').fill('照片随复查笔录后的询问一并说明改正情况');
    await page.screenshot({ path: path.join(SHOTS, 'dossier-reorder.png') });
    await dialog.getByRole('button', { name: '保存顺序' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => expect(await tocRow('擅自悬挂横幅及改正情况照片').innerText()).toContain('顺序调整（原第 4 位）'));
    expect(await tocRow('擅自悬挂横幅及改正情况照片').locator('.dz-pages').innerText()).toBe('9-10');
    await page.locator('.dz-issue.is-deviation', { hasText: '由规范顺序第 4 位调至第 6 位' }).waitFor();
  });

  step('acknowledging the warning with a reason records it in the 备考表 and unlocks 归档', async () => {
    const warning = dateWarning();
    await warning.getByRole('textbox').fill('调查终结报告补签日期有误，以审批表为准');
    await warning.getByRole('button', { name: '确认' }).click();
    await eventually(async () => expect(await page.locator('.dz-issue', { hasText: '文书日期顺序异常' }).innerText()).toContain('已确认'));
    await eventually(async () => expect(await page.locator('.dz-statement').first().innerText()).toContain('说明：调查终结报告补签日期有误，以审批表为准'));
    expect(await page.locator('.dz-statement').first().innerText()).toContain('原因：照片随复查笔录后的询问一并说明改正情况');
    await eventually(async () => expect(await sealButton().isDisabled()).toBe(false));
    await page.evaluate(() => window.scrollTo(0, 0));
    await noToasts(page);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'dossier-bind.png'), fullPage: true });
  });

  step('归档 with 检查人/全宗号/目录号: 归档号 and 档号 shown, frozen, no write button but 更正', async () => {
    // The confirmation lists what will be frozen; 检查人, 全宗号, 目录号 are optional inputs.
    await sealButton().click();
    const sealDialog = page.getByRole('dialog');
    await sealDialog.getByText('归档后将冻结以下内容').waitFor();
    expect(await sealDialog.innerText()).toContain('17 件 23 页');
    expect(await sealDialog.innerText()).toContain('13 件文书、4 件视听资料，共 23 页');
    await sealDialog.locator('#sealForm_checker').fill('周立新（大队长）');
    await sealDialog.locator('#sealForm_fondsNo').fill('Z109');
    await sealDialog.locator('#sealForm_catalogNo').fill('WS');
    await sealDialog.getByRole('button', { name: '确认归档' }).click();
    await sealDialog.waitFor({ state: 'hidden' });

    // Sealed: 归档号 and 档号 shown, frozen, no write buttons but 更正.
    const banner = page.locator('.dz-sealed-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`归档号 ${ARCHIVE_NO}`);
    expect(await banner.innerText()).toContain(`档号 ${ARCHIVE_CODE}`);
    expect(await banner.innerText()).toContain('卷宗已冻结');
    expect(await page.locator('.dz-summary .dz-archive-no').innerText()).toBe(ARCHIVE_NO);
    expect(await page.locator('.dz-summary .dz-archive-code').innerText()).toBe(ARCHIVE_CODE);
    expect(await page.locator('.dz-state-tag').innerText()).toBe('已归档');
    expect(await page.locator('button.dz-btn-reorder').count()).toBe(0);
    expect(await page.locator('button.dz-btn-seal').count()).toBe(0);
    expect(await page.locator('.dz-ack-form').count()).toBe(0);
    expect(await page.locator('button.dz-btn-correct').innerText()).toBe('更正');
    const beikao = await page.locator('.dz-beikao-desc').first().innerText();
    expect(beikao).toContain('周立新（大队长）');
    await checkText(page, ['已归档封存', '卷内文件目录', '卷内备考表', '顺序调整（原第 4 位）', '已确认', ARCHIVE_NO, ARCHIVE_CODE]);

    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await noToasts(page);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'dossier-page.png'), fullPage: true });
  });

  step('print preview: A4 sheets from the page model, numbers where the profile stamps them', async () => {
    // Print preview: A4 sheets from the page model, numbers where the profile stamps them.
    await page.getByRole('tab', { name: /打印预览/ }).click();
    const sheets = page.locator('.dz-sheet');
    await sheets.first().waitFor();
    expect(await sheets.count()).toBe(27); // 封面, 目录, 23 numbered pages (19 scanned, 4 视听资料证据 sheets), 备考表, 卷底
    expect(await page.locator('.dz-sheet-av-sheet').count()).toBe(4);
    expect(await page.locator('.dz-sheet-cover').innerText()).toContain('行政处罚案卷');
    expect(await page.locator('.dz-sheet-cover').innerText()).toContain(`档号：${ARCHIVE_CODE}`);
    expect(await page.locator('.dz-sheet-toc').innerText()).toContain('卷内文件目录');
    expect(await page.locator('.dz-sheet-beikao').innerText()).toContain('本卷情况说明');
    expect(await page.locator('.dz-sheet-cover .dz-stamp').count()).toBe(0);
    expect(await page.locator('.dz-sheet[data-page-number="1"] .dz-stamp-top-right').innerText()).toBe('1');
    expect(await page.locator('.dz-sheet[data-page-number="19"] .dz-stamp-top-right').innerText()).toBe('19');
    expect(await page.locator('.dz-sheet[data-page-number="23"] .dz-stamp-top-right').innerText()).toBe('23');
    await page.getByText('仅打印表格页（不含扫描件）').click();
    // Every sheet but the scans: 封面, 目录, the 4 generated 视听资料证据 sheets, 备考表, 卷底.
    await eventually(async () => expect(await sheets.count()).toBe(8));
    expect(await page.locator('.dz-sheet-av-sheet').count()).toBe(4);
    expect(await page.locator('.dz-sheet-document').count()).toBe(0);
    await page.getByText('75%', { exact: true }).click();
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'dossier-preview.png') });
    await page.getByRole('tab', { name: /卷宗结构/ }).click();
  });

  step('更正 opens a new version; re-sealing keeps the 归档号; the old version stays readable', async () => {
    // 更正: a new version; re-sealing keeps the 归档号; the old version stays readable.
    await page.locator('button.dz-btn-correct').click();
    const correctDialog = page.getByRole('dialog');
    await correctDialog.locator('#correctForm_reason').fill('档案室复核：补记检查人');
    await correctDialog.getByRole('button', { name: '创建更正版本' }).click();
    await correctDialog.waitFor({ state: 'hidden' });
    await eventually(async () => expect(await page.locator('.dz-state-tag').innerText()).toBe('更正中'));
    await page.getByText('第 2 版更正中').waitFor();
    await page.locator('button.dz-btn-seal').click();
    const resealDialog = page.getByRole('dialog');
    await resealDialog.getByText(`沿用 ${ARCHIVE_NO}`).waitFor();
    await resealDialog.locator('#sealForm_checker').fill('周立新（大队长）');
    await resealDialog.locator('#sealForm_fondsNo').fill('Z109');
    await resealDialog.locator('#sealForm_catalogNo').fill('WS');
    await resealDialog.getByRole('button', { name: '确认归档' }).click();
    await resealDialog.waitFor({ state: 'hidden' });
    await eventually(async () => expect(await page.locator('.dz-sealed-banner').innerText()).toContain(`归档号 ${ARCHIVE_NO}`));
    await page.locator('.dz-version-select').click();
    await page.locator('.ant-select-item-option', { hasText: '第 1 版' }).click();
    await page.getByText('正在查看第 1 版（已由第 2 版更正），只读。').waitFor();
    expect(await page.getByText('更正原因：档案室复核：补记检查人').count()).toBe(1);
    expect(await page.locator('button.dz-btn-correct').count()).toBe(0);
    await page.getByRole('button', { name: '返回当前版本' }).click();
    await page.locator('.dz-sealed-banner').waitFor();
  });

  step('a supervisor (领导) sees everything, without the write buttons; no page error', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByText('登录卷宗').waitFor();
    await signIn(page, 'lingdao');
    await page.locator('.app-sider').getByText('卷宗', { exact: true }).click();
    await page.locator('.ant-table-row', { hasText: CASE_NO }).getByRole('link', { name: CASE_NO }).click();
    await page.locator('.dz-sealed-banner').waitFor();
    expect(await page.locator('.dz-toc-table .ant-table-row').count()).toBe(17);
    for (const cls of ['dz-btn-reorder', 'dz-btn-seal', 'dz-btn-correct']) expect(await page.locator(`button.${cls}`).count(), cls).toBe(0);
    expect(await page.locator('.dz-ack-form').count()).toBe(0);
    await checkText(page, ['已归档', ARCHIVE_NO, ARCHIVE_CODE, '卷内文件目录', '卷内备考表']);

    expect(run!.errors).toEqual([]);
  });
});
