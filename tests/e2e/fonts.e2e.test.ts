/**
 * The UI's Chinese needs no system font: Chromium runs with a fontconfig whose only font folder holds
 * one Latin-only font (Liberation Sans from pdfjs-dist; with no font at all Chromium aborts), so only the
 * renderer's bundled Noto Sans SC webfont can draw a Chinese glyph, and
 * - a character drawn without the webfont is a blank box: 卷, 宗, 档 and 案 come out identical;
 * - drawn with the webfont, each has ink and each differs from the others and from the box;
 * - the sign-in card's title 登录卷宗, screenshotted at 1366×768 and 1920×1080, shows four different
 *   glyphs, while the same title forced onto a font that does not exist shows four identical boxes;
 * - every font the page loads comes from the bridge itself (font/woff2), nothing from elsewhere;
 * - the 审计 menu entry shows only to roles that may open the audit log (audit.list): an archivist
 *   does not see it, an inspector and the administrator do.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { callApi, type E2eRun, ROOT, settle, setupAdmin, SHOTS, signIn, startE2e, storySteps } from './harness.js';

const PASSWORD = 'e2e-secret-1';
const WEBFONT = 'Noto Sans SC Variable';
const NO_FONT = 'JZ No Such Font';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

let run: E2eRun | undefined;
let page: Page;
let fontDir: string | undefined;
const previousFontconfig = process.env.FONTCONFIG_FILE;
const fontResponses: { url: string; status: number; type: string }[] = [];
const foreignRequests: string[] = [];

/** Each character drawn alone on a canvas in `family`: its ink (painted pixels) and a pixel signature. */
async function canvasGlyphs(p: Page, family: string, chars: string): Promise<{ ink: number; sig: string }[]> {
  return p.evaluate(
    async ([fam, text]) => {
      const font = `40px "${fam}"`;
      await document.fonts.load(font, text);
      return [...text].map((ch) => {
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 48;
        const ctx = canvas.getContext('2d')!;
        ctx.font = font;
        ctx.fillStyle = '#000';
        ctx.fillText(ch, 4, 40);
        const alpha = ctx.getImageData(0, 0, 48, 48).data.filter((_, i) => i % 4 === 3);
        return { ink: alpha.filter((a) => a > 0).length, sig: Array.from(alpha, (a) => a.toString(16)).join(',') };
      });
    },
    [family, chars] as const,
  );
}

interface Cell {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A PNG of the sign-in card's title and where each of its characters sits in it, in the page's
 * fonts or with the title forced onto `family`.
 */
async function titleShot(p: Page, family?: string): Promise<{ png: Buffer; cells: Cell[] }> {
  const title = p.locator('.auth-card .ant-card-head-title');
  await title.evaluate((el, fam) => {
    (el as HTMLElement).style.fontFamily = fam ? `"${fam}"` : '';
  }, family);
  await p.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(r))));
  const png = await title.screenshot();
  const cells = await title.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const out: { x: number; y: number; w: number; h: number }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < (node.textContent ?? '').length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        out.push({ x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height });
      }
    }
    return out;
  });
  await title.evaluate((el) => {
    (el as HTMLElement).style.fontFamily = '';
  });
  return { png, cells };
}

/** Grey levels of each character's cell (all cropped to the smallest cell), and the dark columns of the whole title. */
async function cellPixels(shot: { png: Buffer; cells: Cell[] }): Promise<{ cells: Uint8Array[]; darkColumns: number }> {
  const { data, info } = await sharp(shot.png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const w = Math.floor(Math.min(...shot.cells.map((c) => c.w)));
  const h = Math.floor(Math.min(...shot.cells.map((c) => c.h)));
  const cells = shot.cells.map((c) => {
    const out = new Uint8Array(w * h);
    const x0 = Math.round(c.x);
    const y0 = Math.round(c.y);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const sx = Math.min(info.width - 1, Math.max(0, x0 + x));
        const sy = Math.min(info.height - 1, Math.max(0, y0 + y));
        out[y * w + x] = data[sy * info.width + sx]!;
      }
    return out;
  });
  let darkColumns = 0;
  for (let x = 0; x < info.width; x++) {
    let dark = false;
    for (let y = 0; y < info.height && !dark; y++) dark = data[y * info.width + x]! < 128;
    if (dark) darkColumns++;
  }
  return { cells, darkColumns };
}

/** Mean absolute grey-level difference of two cells (0 = identical, 255 = opposite). */
function difference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Painted (darker than the card) pixels in a cell. */
const ink = (c: Uint8Array) => c.filter((v) => v < 200).length;

async function signOut(p: Page): Promise<void> {
  await p.locator('.app-header-right').getByRole('button', { name: '退出' }).click();
  await p.getByText('登录卷宗').waitFor();
}

const menuEntries = async (p: Page) => (await p.locator('.app-sider .ant-menu-title-content').allInnerTexts()).map((s) => s.trim());

describe('the bundled CJK webfont, with the system fonts hidden (bridge + Chromium)', () => {
  const step = storySteps();

  beforeAll(async () => {
    // A fontconfig whose one folder holds a Latin-only font: Chromium (which inherits this environment)
    // finds no system font with Chinese in it.
    fontDir = mkdtempSync(path.join(tmpdir(), 'jz-e2e-fonts-conf-'));
    const latin = path.join(fontDir, 'latin');
    mkdirSync(latin);
    copyFileSync(path.join(ROOT, 'node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf'), path.join(latin, 'LiberationSans-Regular.ttf'));
    const conf = path.join(fontDir, 'fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${latin}</dir>\n  <cachedir>${path.join(fontDir, 'cache')}</cachedir>\n</fontconfig>\n`,
    );
    process.env.FONTCONFIG_FILE = conf;
    run = await startE2e({ prefix: 'jz-e2e-fonts-', demo: false });
    page = run.page;
    const origin = new URL(run.url).origin;
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreignRequests.push(url);
    });
    page.on('response', (r) => {
      if (r.request().resourceType() === 'font') fontResponses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
    });
  }, 120_000);

  afterAll(async () => {
    await run?.stop();
    if (previousFontconfig === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = previousFontconfig;
    if (fontDir) rmSync(fontDir, { recursive: true, force: true });
  }, 30_000);

  step('first run: the administrator signs in and adds an archivist and an inspector', async () => {
    await setupAdmin(page, run!.url, { username: 'admin', displayName: '王管理', password: PASSWORD });
    await callApi(page, 'user.create', { username: 'arch', displayName: '孙档案', role: 'archivist', password: PASSWORD });
    await callApi(page, 'user.create', { username: 'insp', displayName: '周评查', role: 'inspector', password: PASSWORD });
  });

  step('without the webfont a character is a blank box; with it, 卷宗档案 are four different glyphs', async () => {
    const boxes = await canvasGlyphs(page, NO_FONT, '卷宗档案');
    // No system font draws Chinese here: every character comes out the same box (or nothing).
    expect(new Set(boxes.map((b) => b.sig)).size, 'system CJK fonts are hidden').toBe(1);
    const glyphs = await canvasGlyphs(page, WEBFONT, '卷宗档案');
    expect(await page.evaluate((fam) => document.fonts.check(`16px "${fam}"`, '卷宗'), WEBFONT), 'the webfont is loaded for 卷宗').toBe(true);
    const loaded = await page.evaluate((fam) => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === fam && f.status === 'loaded').length, WEBFONT);
    expect(loaded).toBeGreaterThan(0);
    for (const g of glyphs) {
      expect(g.ink, 'a glyph has ink').toBeGreaterThan(150);
      expect(g.sig, 'a glyph is not the box').not.toBe(boxes[0]!.sig);
    }
    expect(new Set(glyphs.map((g) => g.sig)).size, 'four characters, four glyphs').toBe(4);
  });

  for (const size of SIZES) {
    step(`the sign-in title 登录卷宗 shows Chinese glyphs, not boxes, at ${size.width}×${size.height}`, async () => {
      await page.setViewportSize(size);
      await page.locator('.app-header-right').waitFor();
      await signOut(page);
      await page.evaluate(() => document.fonts.ready);
      await settle(page);
      await page.screenshot({ path: path.join(SHOTS, `fonts-login-${size.width}x${size.height}.png`) });

      const webfont = await cellPixels(await titleShot(page));
      const boxed = await cellPixels(await titleShot(page, NO_FONT));
      expect(webfont.cells).toHaveLength(4);
      expect(boxed.cells).toHaveLength(4);
      // As boxes the four characters look alike; in the webfont each differs from every other.
      for (let i = 0; i < 4; i++)
        for (let j = i + 1; j < 4; j++) {
          expect(difference(boxed.cells[i]!, boxed.cells[j]!), `box ${i} vs box ${j}`).toBeLessThan(2);
          expect(difference(webfont.cells[i]!, webfont.cells[j]!), `glyph ${i} vs glyph ${j}`).toBeGreaterThan(8);
        }
      for (const c of webfont.cells) expect(ink(c), 'each glyph has ink').toBeGreaterThan(20);
      // Glyph strokes, not four box outlines: most columns of a 16px CJK glyph carry a dark stroke.
      expect(webfont.darkColumns, 'dark columns of 登录卷宗').toBeGreaterThan(30);
      await signIn(page, 'admin', PASSWORD);
    });
  }

  step('the fonts come from the bridge as font/woff2; nothing is fetched from elsewhere', async () => {
    expect(fontResponses.length, 'the page loaded its webfont slices').toBeGreaterThan(0);
    for (const f of fontResponses) {
      expect(f.status, f.url).toBe(200);
      expect(f.type, f.url).toBe('font/woff2');
    }
    expect(foreignRequests).toEqual([]);
    // The few tiny slices the bundler inlines as data: URLs load too (the page's CSP allows them).
    expect(run!.errors.filter((e) => /font/i.test(e))).toEqual([]);
  });

  step('审计 is in the menu only for roles that may open the audit log', async () => {
    expect(await menuEntries(page)).toContain('审计');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await signOut(page);
      await signIn(page, 'arch', PASSWORD);
      await settle(page);
      const entries = await menuEntries(page);
      expect(entries).toContain('案件');
      expect(entries).toContain('卷宗');
      expect(entries, 'an archivist may not call audit.list').not.toContain('审计');
      await page.screenshot({ path: path.join(SHOTS, `fonts-archivist-${size.width}x${size.height}.png`) });
      await signOut(page);
      await signIn(page, 'insp', PASSWORD);
      expect(await menuEntries(page), 'an inspector reads the audit log').toContain('审计');
    }
    expect(run!.errors).toEqual([]);
  });
});
