import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, session, type BrowserWindow } from 'electron';
import type { AppCore } from '../../src/app-core.js';
import { handleAppScheme } from './app-protocol.js';
import { archiveDirFrom } from './archive-location.js';
import { loadCore } from './core-loader.js';
import { forwardEvents, registerInvokeChannel, registerPickFolderChannel } from './ipc.js';
import { handleMediaScheme } from './media-protocol.js';
import { registerPrivilegedSchemes } from './schemes.js';
import { PickedStore } from './picked-store.js';
import { SessionTokenTracker } from './session-token.js';
import { createMainWindow, guardAllWebContents, hardenSession } from './window.js';

// The Electron entry (package.json "main": dist-electron/main/main.js). Lifecycle only: one
// instance, open the archive, wire the schemes and the IPC channel, one window, close on quit.

const RENDERER_DIR = fileURLToPath(new URL('../../dist-renderer/', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

// Both must happen before 'ready', so before the first await.
registerPrivilegedSchemes();
app.enableSandbox();

let core: AppCore | null = null;
let win: BrowserWindow | null = null;
let pendingLogout: Promise<unknown> = Promise.resolve();
const tracker = new SessionTokenTracker();
const picked = new PickedStore();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win === null) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (core === null) return;
    const closing = core;
    core = null;
    event.preventDefault();
    // The core's close waits for queued thumbnails and the digest workers before the catalogue closes.
    void pendingLogout
      .catch(() => undefined)
      .then(() => closing.close())
      .catch((e: unknown) => console.error(describe(e)))
      .finally(() => app.quit());
  });
  guardAllWebContents();
  start().catch(fatal);
}

async function start(): Promise<void> {
  await app.whenReady();
  const archiveDir = archiveDirFrom(process.argv, process.env, app.getPath('documents'), process.cwd());
  try {
    await mkdir(archiveDir, { recursive: true });
    core = await loadCore({
      archiveDir,
      createIfMissing: true,
      resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : undefined,
      // Scans become searchable by themselves: OCR runs in the background after each import.
      ocr: { auto: true },
    });
  } catch (e) {
    throw new Error(`${archiveDir}\n\n${describe(e)}`, { cause: e });
  }
  hardenSession(session.defaultSession);
  handleAppScheme(RENDERER_DIR);
  handleMediaScheme(core, tracker);
  registerInvokeChannel({ core, tracker, picked, window: () => win });
  registerPickFolderChannel({ window: () => win, picked });
  openWindow(core);
}

function openWindow(c: AppCore): void {
  const w = createMainWindow(PRELOAD);
  win = w;
  const stopEvents = forwardEvents(c, w);
  w.on('closed', () => {
    stopEvents();
    if (win === w) win = null;
    // The window held the session: end it with the window, in the core as well as here.
    const token = tracker.token;
    tracker.clear();
    picked.clear();
    if (token !== undefined) pendingLogout = c.invoke('auth.logout', {}, { transport: 'ipc', sessionToken: token });
  });
}

function fatal(e: unknown): void {
  const text = `无法启动卷宗：\nJuanzong could not start:\n\n${describe(e)}`;
  console.error(text);
  // Close the catalogue cleanly if the core was opened, but never let a stuck close keep a failed app alive.
  const closing = core?.close().catch(() => undefined /* already failing */) ?? Promise.resolve();
  core = null;
  if (app.isReady()) dialog.showErrorBox('卷宗 Juanzong', text);
  void Promise.race([closing, new Promise((r) => setTimeout(r, 5000))]).finally(() => app.exit(1));
}

/** An error as text, with the Chinese message the core's errors carry. */
function describe(e: unknown): string {
  if (e instanceof Error) {
    const zh = (e as { messageZh?: unknown }).messageZh;
    return typeof zh === 'string' ? `${zh}\n${e.message}` : e.message;
  }
  return String(e);
}
