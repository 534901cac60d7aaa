/**
 * Searchable scans (issue 13) end to end through the real localhost bridge and Chromium, on the demo
 * archive (whose build already read its scans): the archivist 孙丽娟 (dangan) types a phrase that is
 * printed only inside a scanned page — the catalogue confirms it is in no case, party, document or
 * file name, only in page_ocr — and gets a 扫描页文字 result that opens its case; the case's OCR panel
 * shows 已识别 N / 共 M 页; opening the page shows its recognised text with the phrase; 识别文字 on a
 * case already read finishes with nothing new; a page with no legible text is listed under
 * 需人工查看 and opens with that tag. Screenshots: ocr-panel.png, ocr-page-text.png.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect } from 'vitest';
import { checkText, e2eRun, eventually, noToasts, openSignedIn, settle, SHOTS, storySteps, type E2eRun } from './harness.js';

/** Printed in the body of the 案件调查终结报告 of the two 烟花爆竹 cases (resources/sample/cases.json), nowhere in their metadata. */
const WORD = '销售记录复印件';
const CASE_NO = '青石综执罚立〔2024〕6号';
const CASE_TITLE = '冯玉成未经许可经营烟花爆竹案';
const REPORT = '冯玉成未经许可经营烟花爆竹案调查终结报告';
/** A case not bound into a dossier, so a document can be added to it. */
const OPEN_CASE_NO = '青石综执罚立〔2024〕44号';
const SMUDGE_TITLE = '现场照片（字迹无法辨认）';
/** Tables that hold what a person typed or imported as metadata (not the text read from scans). */
const METADATA_TABLES = ['cases', 'parties', 'case_officers', 'officers', 'documents', 'document_files', 'clips', 'devices', 'dossiers'];

let run: E2eRun;
let page: Page;
let caseId = 0;

function catalog(): Database.Database {
  return new Database(path.join(run.archive, 'catalog.db'), { readonly: true, fileMustExist: true });
}

/** A scan with no legible text: off-white paper, a few specks (the engine finds nothing, so the page is flagged). */
async function makeSmudgedScan(file: string): Promise<string> {
  const speck = (left: number, top: number) => ({ input: { create: { width: 3, height: 3, channels: 3 as const, background: '#9a9a9a' } }, left, top });
  await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#f4f2ea' } })
    .composite([speck(200, 300), speck(900, 640), speck(480, 1210), speck(1010, 1500)])
    .jpeg({ quality: 85 })
    .toFile(file);
  return file;
}

const panel = (): Locator => page.locator('.ocr-panel');
const SUMMARY = /已识别 (\d+) \/ 共 (\d+) 页，待识别 (\d+)，需人工查看 (\d+) 页/;

async function summary(): Promise<{ done: number; pages: number; pending: number; flagged: number }> {
  const m = SUMMARY.exec(await panel().locator('.ocr-summary').innerText());
  expect(m, 'the OCR panel shows 已识别 N / 共 M 页').not.toBeNull();
  const [done, pages, pending, flagged] = m!.slice(1).map(Number) as [number, number, number, number];
  return { done, pages, pending, flagged };
}

describe('searchable scans (文字识别) end to end (bridge + Chromium, demo archive)', () => {
  const step = storySteps();

  e2eRun({ prefix: 'jz-ocr-e2e-', demo: true }, (r) => ((run = r), (page = r.page)));

  step(`the demo catalogue has “${WORD}” only in the text read from scans`, async () => {
    const db = catalog();
    try {
      const pages = db
        .prepare(
          `SELECT c.id AS caseId, c.case_no AS caseNo, d.title AS title FROM page_ocr r
           JOIN document_files f ON f.object_sha256 = r.object_sha256
           JOIN pages p ON p.file_id = f.id AND p.source_page = r.source_page
           JOIN documents d ON d.id = p.document_id JOIN cases c ON c.id = d.case_id
           WHERE r.status = 'done' AND instr(r.text, ?) > 0`,
        )
        .all(WORD) as { caseId: number; caseNo: string; title: string }[];
      expect(pages).toContainEqual(expect.objectContaining({ caseNo: CASE_NO, title: REPORT }));
      caseId = pages.find((p) => p.caseNo === CASE_NO)!.caseId;
      for (const table of METADATA_TABLES) {
        const rows = JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all());
        expect(rows.includes(WORD), `${WORD} in ${table}`).toBe(false);
      }
    } finally {
      db.close();
    }
  });

  step('signs in as the archivist (dangan)', async () => {
    await openSignedIn(page, run.url, 'dangan');
    expect(await page.locator('.app-user').innerText()).toContain('孙丽娟');
  });

  step('调阅 · 检索 finds the phrase only as 扫描页文字, marked, and opens its case', async () => {
    const base = run.url.split('?')[0]!;
    await page.goto(`${base}#/retrieval?tab=search`);
    const box = page.locator('.search-panel input[type="search"], .search-panel .ant-input-search input').first();
    await box.fill(WORD);
    const scans = page.locator('.search-group-scan');
    await scans.locator('mark', { hasText: WORD }).first().waitFor();
    expect(await scans.innerText()).toContain('扫描页文字');
    expect(await page.locator('.search-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['scan']);
    const hit = scans.locator('.ant-table-row', { hasText: CASE_NO });
    expect(await hit.innerText()).toContain(REPORT);
    expect(await hit.innerText()).toContain('第 1 页');
    // 打开该页 opens the case with the matched page's recognised text.
    await hit.getByRole('button', { name: '打开该页' }).click();
    await page.getByRole('heading', { name: CASE_TITLE }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/cases/${caseId}\\?page=\\d+`));
    const opened = page.locator('.ocr-page-modal');
    await opened.locator('.ocr-text-body').waitFor();
    expect(await opened.locator('.ocr-text-body').innerText()).toContain(WORD);
    await page.keyboard.press('Escape');
    await opened.waitFor({ state: 'hidden' });
  });

  step('the case page’s OCR panel shows how many of its scanned pages are read', async () => {
    await panel().locator('.ocr-summary').waitFor();
    const db = catalog();
    let scanPages: number;
    try {
      scanPages = (
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM pages p JOIN documents d ON d.id = p.document_id AND d.removed_at IS NULL
             JOIN document_files f ON f.id = p.file_id WHERE d.case_id = ? AND f.media_type LIKE 'image/%'`,
          )
          .get(caseId) as { n: number }
      ).n;
    } finally {
      db.close();
    }
    expect(scanPages).toBeGreaterThan(0);
    expect(await summary()).toEqual({ done: scanPages, pages: scanPages, pending: 0, flagged: 0 });
    expect(await panel().getByRole('button', { name: '识别文字' }).isEnabled()).toBe(true);
  });

  step('opening the report’s page shows its recognised text with the phrase and its confidence', async () => {
    await page.locator('.ant-table-row', { hasText: REPORT }).first().click();
    const thumb = page.locator('.ant-table-expanded-row .thumb-card').first();
    await thumb.getByRole('button', { name: /文字/ }).click();
    const modal = page.locator('.ocr-page-modal');
    await modal.locator('.ocr-text-body').waitFor();
    expect(await modal.locator('.ant-modal-title').innerText()).toBe(`${REPORT} · 第 1 页`);
    const text = await modal.locator('.ocr-page-text').innerText();
    expect(text).toContain('已识别');
    expect(text).toMatch(/置信度 \d+\.\d%/);
    expect(text).not.toContain('需人工查看');
    expect(await modal.locator('.ocr-text-body').innerText()).toContain(WORD);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'ocr-page-text.png') });
    await modal.getByRole('button', { name: /close|关闭/i }).click();
    await modal.waitFor({ state: 'detached' });
  });

  step('识别文字 on a case already read finishes with no new page and no error', async () => {
    const before = await summary();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/ocr.run'));
    await panel().getByRole('button', { name: '识别文字' }).click();
    expect((await answered).status()).toBe(200);
    await panel().locator('.ocr-last-run', { hasText: '所有扫描页都已识别，本次没有新页面' }).waitFor();
    expect(await panel().locator('.ant-alert-error').count()).toBe(0);
    expect(await summary()).toEqual(before);
    await panel().scrollIntoViewIfNeeded();
    await noToasts(page);
    await settle(page);
    await panel().screenshot({ path: path.join(SHOTS, 'ocr-panel.png') });
  });

  step('a scan with nothing legible is read, listed under 需人工查看, and opens with that tag', async () => {
    await page.goto(`${run.url.split('?')[0]!}#/cases`);
    const row = page.locator('.ant-table-row', { hasText: OPEN_CASE_NO });
    await row.getByRole('link', { name: OPEN_CASE_NO }).click();
    await panel().locator('.ocr-summary').waitFor();
    const scan = await makeSmudgedScan(path.join(run.work, 'smudged-p1.jpg'));
    await page.getByRole('button', { name: '添加文书' }).click();
    const dialog = page.getByRole('dialog');
    await eventually(async () => {
      if ((await dialog.locator('#docForm_title').inputValue()) === '') {
        await dialog.locator('#docForm_kind').click();
        await dialog.locator('#docForm_kind').fill('现场照片');
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^现场照片/ })
          .first()
          .click({ timeout: 5000 });
      }
      expect(await dialog.locator('#docForm_title').inputValue()).not.toBe('');
    }, 30_000);
    await dialog.locator('#docForm_title').fill(SMUDGE_TITLE);
    const date = dialog.locator('#docForm_date');
    await date.click();
    await date.fill('2024-08-20');
    await date.press('Enter');
    await dialog.locator('input[type=file]').setInputFiles(scan);
    await dialog.locator('.ant-upload-list-item-done').first().waitFor();
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });

    // The page may be read by the background run (it starts two seconds after an import) or by this
    // click; either way the run finishes without an error and the page ends up flagged.
    await panel().getByRole('button', { name: '识别文字' }).click();
    await panel().locator('.ocr-last-run').waitFor({ timeout: 120_000 });
    expect(await panel().locator('.ant-alert-error').count()).toBe(0);
    const flagged = panel().locator('.ocr-flagged .ant-table-row', { hasText: SMUDGE_TITLE });
    await flagged.waitFor({ timeout: 60_000 });
    expect(await flagged.innerText()).toContain('第 1 页');
    await eventually(async () => expect((await summary()).flagged).toBeGreaterThanOrEqual(1));
    expect((await summary()).pending).toBe(0);

    await flagged.click();
    const modal = page.locator('.ocr-page-modal');
    await modal.locator('.ocr-page-text').waitFor();
    expect(await modal.locator('.ant-modal-title').innerText()).toBe(`${SMUDGE_TITLE} · 第 1 页`);
    await modal.locator('.ocr-flagged-tag', { hasText: '需人工查看' }).waitFor();
    expect(page.url()).toMatch(/[?&]page=\d+/);
    await modal.getByRole('button', { name: /close|关闭/i }).click();
    await modal.waitFor({ state: 'detached' });
  });

  step('the pages show their labels, no raw dictionary key and no page error', async () => {
    await checkText(page, ['扫描页文字识别', '识别文字', '需人工查看的页面', '待识别']);
    expect(run.errors).toEqual([]);
  });
});
