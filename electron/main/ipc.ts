import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ErrorPayload } from '../../src/api/errors.js';
import type { AppCore } from '../../src/app-core.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL, PICK_FOLDER_CHANNEL } from './ipc-channels.js';
import { isAppUrl } from './urls.js';
import type { PickedStore } from './picked-store.js';
import type { SessionTokenTracker } from './session-token.js';

/**
 * Registers 'juanzong:invoke', the only IPC handler of the app. It checks who is asking (our
 * window's main frame, showing our app URL) and that the name is a string; the core validates the
 * input and the caller's role itself. The `{ ok, value } | { ok, error }` result goes back unchanged.
 */
export function registerInvokeChannel(deps: {
  core: AppCore;
  tracker: SessionTokenTracker;
  picked: PickedStore;
  window: () => BrowserWindow | null;
}): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, request: unknown) => {
    if (!isOurMainFrame(event, deps.window())) {
      return failure('forbidden', 'Request refused: it does not come from the Juanzong window.', '请求被拒绝：并非来自卷宗主窗口。');
    }
    if (typeof request !== 'object' || request === null) return badRequest('request');
    const { name, input, sessionToken } = request as { name?: unknown; input?: unknown; sessionToken?: unknown };
    if (typeof name !== 'string' || name.length === 0 || name.length > 100) return badRequest('name');
    if (sessionToken !== undefined && sessionToken !== null && typeof sessionToken !== 'string') return badRequest('sessionToken');
    // The renderer's token if it sends one, else the one we hold (it survives a page reload).
    const token = typeof sessionToken === 'string' ? sessionToken : deps.tracker.token;
    let result: unknown;
    try {
      // Local paths are accepted only as picked in the system chooser this session (src/auth/picked-paths.ts).
      const pickedPaths = deps.picked.snapshot();
      result = await deps.core.invoke(
        name,
        input,
        token === undefined ? { transport: 'ipc', pickedPaths } : { transport: 'ipc', sessionToken: token, pickedPaths },
      );
    } catch (e) {
      // invoke() promises never to throw; if it does, the renderer still gets an envelope.
      const msg = e instanceof Error ? e.message : String(e);
      result = failure('internal', `Internal error: ${msg}`, `内部错误：${msg}`);
    }
    deps.tracker.observe(name, result, token);
    if (name === 'auth.logout') deps.picked.clear();
    return result;
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/**
 * 'juanzong:pick-folder': the system's folder chooser, for an ingest source (a camera or a disc,
 * read only) or an export target (may be created). Only our main frame may ask; the answer is a path
 * the user chose, or null.
 */
export function registerPickFolderChannel(deps: { window: () => BrowserWindow | null; picked: PickedStore }): () => void {
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event, purpose: unknown) => {
    const win = deps.window();
    if (!isOurMainFrame(event, win) || win === null) return null;
    const exporting = purpose === 'export';
    const r = await dialog.showOpenDialog(win, {
      title: exporting ? '选择导出文件夹 Choose the export folder' : '选择记录仪或光盘文件夹 Choose the camera or disc folder',
      properties: exporting ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
    });
    const chosen = r.canceled ? undefined : r.filePaths[0];
    if (chosen === undefined) return null;
    deps.picked.add(exporting ? 'export' : 'ingest', chosen);
    return chosen;
  });
  return () => ipcMain.removeHandler(PICK_FOLDER_CHANNEL);
}

/** Pushes every core event to the window; returns the unsubscribe function. */
export function forwardEvents(core: AppCore, win: BrowserWindow): () => void {
  return core.subscribe((e) => {
    if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(EVENT_CHANNEL, e);
  });
}

function isOurMainFrame(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (win === null || win.isDestroyed()) return false;
  const wc = win.webContents;
  const frame = event.senderFrame;
  if (event.sender.id !== wc.id || frame === null || frame.parent !== null) return false;
  const main = wc.mainFrame;
  return frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url);
}

function badRequest(field: string): { ok: false; error: ErrorPayload } {
  return failure('invalid_input', `Malformed IPC request (${field}).`, `IPC 请求格式错误（${field}）。`, field);
}

function failure(code: ErrorPayload['code'], message: string, messageZh: string, item?: string): { ok: false; error: ErrorPayload } {
  const error: ErrorPayload = { code, message, messageZh };
  if (item !== undefined) error.item = item;
  return { ok: false, error };
}
