/**
 * What every end-to-end test needs: `juanzong demo` (optional), `juanzong serve --json` on a free
 * port, Chromium through playwright-core (/usr/bin/chromium), and the small waits the UI needs.
 * Fails — never skips — when Chromium or the build is missing.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en.js';
import { zhCN } from '../../renderer/i18n/zh-CN.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';
/**
 * Where screenshots go: test-output/screenshots (ignored by git) on every e2e run, docs/screenshots
 * only when `npm run screenshots` asks for them (JUANZONG_SCREENSHOTS=docs), so a test run never
 * changes the documentation.
 */
export const SHOTS = process.env.JUANZONG_SCREENSHOTS === 'docs' ? path.join(ROOT, 'docs/screenshots') : path.join(ROOT, 'test-output/screenshots');
export const DEMO_PASSWORD = 'juanzong-demo';

export interface E2eRun {
  /** Scratch folder (removed by `stop`). */
  work: string;
  archive: string;
  url: string;
  page: Page;
  /** Page errors and console errors seen so far. */
  errors: string[];
  /** What `juanzong serve` wrote to stderr. */
  serverLog(): string;
  stop(): Promise<void>;
}

/**
 * Builds the demo archive (when `demo` is set) or an empty one, serves it and opens Chromium on a
 * 1440×900 zh-CN page. Call `stop()` in afterAll.
 */
export async function startE2e(opts: { prefix: string; demo: boolean }): Promise<E2eRun> {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Chromium to run the e2e tests`).toBe(true);
  expect(existsSync(path.join(ROOT, 'dist/src/cli/main.js')), 'dist/ is missing: run `npm run build` first').toBe(true);
  expect(existsSync(path.join(ROOT, 'dist-renderer/index.html')), 'dist-renderer/ is missing: run `npm run build` first').toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), opts.prefix));
  const archive = path.join(work, 'archive');
  let server: ChildProcessWithoutNullStreams | undefined;
  let browser: Browser | undefined;
  let log = '';
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(work, { recursive: true, force: true });
  };
  try {
    if (opts.demo) {
      const demo = spawnSync(process.execPath, [path.join(ROOT, 'bin/juanzong.js'), 'demo', '--archive', archive], {
        cwd: ROOT,
        encoding: 'utf8',
        // About 40 s on an idle machine; on a loaded CI runner (or eight builds at once) far more.
        timeout: 480_000,
      });
      expect(demo.status, `juanzong demo failed:\n${demo.stdout}\n${demo.stderr}`).toBe(0);
    }
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/juanzong.js'), 'serve', '--archive', archive, '--port', '0', '--json', '--init'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    server = child;
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const url = await readyUrl(child, () => log);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    return { work, archive, url, page, errors, serverLog: () => log, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Starts the run before the enclosing describe's tests and stops it after them: `onReady` gets the
 * run (assign it to the file's `run`/`page`). The demo build is allowed its 480 s plus start-up.
 */
export function e2eRun(opts: { prefix: string; demo: boolean }, onReady: (run: E2eRun) => void): void {
  let current: E2eRun | undefined;
  beforeAll(
    async () => {
      current = await startE2e(opts);
      onReady(current);
    },
    opts.demo ? 540_000 : 120_000,
  );
  afterAll(async () => {
    await current?.stop();
  }, 30_000);
}

/** Resolves with the URL in the one JSON line `juanzong serve --json` prints when ready. */
function readyUrl(child: ChildProcessWithoutNullStreams, log: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`juanzong serve did not report ready in 60 s\n${log()}`)), 60_000);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      let ready: { url?: unknown; port?: unknown } | null = null;
      try {
        ready = JSON.parse(line) as { url?: unknown; port?: unknown };
      } catch {
        /* reported below */
      }
      if (ready && typeof ready.url === 'string' && typeof ready.port === 'number') resolve(ready.url);
      else reject(new Error(`juanzong serve did not start: ${line}\n${log()}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`juanzong serve exited with ${String(code)}\n${log()}`));
    });
  });
}

/**
 * Waits until no antd spinner is showing and every finite animation (the spinner's fade-out, a
 * table's row transition) has finished — awaited, not slept — for tidy screenshots.
 */
export async function settle(p: Page): Promise<void> {
  await p.waitForFunction(
    () =>
      !document.querySelector('.ant-spin-spinning, .ant-spin-blur') &&
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/**
 * The steps of one end-to-end story, each its own test so each fails on its own. The steps share
 * the page and run in order; once one fails, the later ones are skipped (they would only fail on
 * the state it left), and the report names the step that broke.
 */
export function storySteps(): (name: string, fn: () => Promise<void>, timeoutMs?: number) => void {
  let broken: string | null = null;
  return (name, fn, timeoutMs = 180_000) =>
    it(
      name,
      async (ctx) => {
        if (broken !== null) ctx.skip(`skipped: the earlier step "${broken}" failed`);
        try {
          await fn();
        } catch (e) {
          broken = name;
          throw e;
        }
      },
      timeoutMs,
    );
}

/** Retries an assertion until it passes or `ms` runs out (the UI updates asynchronously). */
export async function eventually(check: () => Promise<void>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Waits for antd's toasts to go, so they are not in the screenshot. */
export async function noToasts(p: Page): Promise<void> {
  await p
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

/** Signs in on the login screen (demo password unless given). */
export async function signIn(p: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码').fill(password);
  await p.getByRole('button', { name: '登录', exact: true }).click();
  await p.locator('.app-user').waitFor();
}

/** An account for the first-run screen. */
export interface AdminAccount {
  username: string;
  displayName: string;
  password: string;
}

/** On a new archive: opens the app, fills 创建管理员账户 and signs in as that administrator. */
export async function setupAdmin(p: Page, url: string, admin: AdminAccount): Promise<void> {
  await p.goto(url);
  await p.getByText('创建管理员账户').first().waitFor();
  await p.getByLabel('用户名').fill(admin.username);
  await p.getByLabel('姓名').fill(admin.displayName);
  await p.getByLabel('密码', { exact: true }).fill(admin.password);
  await p.getByLabel('确认密码').fill(admin.password);
  await p.getByRole('button', { name: '创建并登录' }).click();
  await p.locator('.app-user').waitFor();
}

/** Opens the app on the login screen and signs in (demo password unless given). */
export async function openSignedIn(p: Page, url: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await p.goto(url);
  await p.getByText('登录卷宗').waitFor();
  await signIn(p, username, password);
}

/** Calls the bridge with the page's session (for data changes the test needs but does not exercise). */
export async function callApi<T>(p: Page, op: string, input: unknown): Promise<T> {
  const res = await p.evaluate(
    async ([name, body]) => {
      const token = sessionStorage.getItem('juanzong.session');
      const r = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return (await r.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [op, input] as const,
  );
  if (!res.ok) throw new Error(`${op} failed: ${JSON.stringify(res.error)}`);
  return res.value as T;
}

/** The dictionary keys that must never reach the screen. */
const KEYS = new Set([...Object.keys(zhCN), ...Object.keys(en)]);
const NAMESPACES = new Set([...KEYS].map((k) => k.split('.')[0]!));
export function rawKeysIn(text: string): string[] {
  const found = text.match(/\b[a-z]+(?:\.[a-zA-Z]+)+\b/g) ?? [];
  return found.filter((s) => KEYS.has(s) || NAMESPACES.has(s.split('.')[0]!));
}

/** The page shows every label and no raw dictionary key. */
export async function checkText(p: Page, labels: string[]): Promise<void> {
  const text = await p.evaluate(() => document.body.innerText);
  for (const label of labels) expect(text, `label ${label}`).toContain(label);
  expect(rawKeysIn(text)).toEqual([]);
}
