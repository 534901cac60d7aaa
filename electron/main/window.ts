import { app, BrowserWindow, type Session } from 'electron';
import { APP_ENTRY, isAppUrl } from './urls.js';

/**
 * Permissions our own page may use; everything else, and everything asked by any other origin,
 * is refused. Fullscreen only: reviewing body-camera footage full-screen is a daily task.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

/** The one window factory: sandboxed, isolated, no Node, navigation pinned to our app URL. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '卷宗 Juanzong',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  const wc = win.webContents;
  wc.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  wc.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  wc.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}

/** Session-wide rules: permission prompts answered "no" unless ours and on the short list. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin));
  // The app never downloads: exports are written by the core into a folder the user picked. A
  // download a page starts (a link, a blob: URL, a redirect) is cancelled before it reaches the disk.
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    console.warn(`download refused / 已拒绝下载: ${item.getURL().slice(0, 200)}`);
  });
}

/** Belt and braces for any web contents Electron creates (devtools included): no popups, no webviews. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
