// The sandboxed preload (compiled to CommonJS: a .cts file, since sandboxed preloads cannot be ES
// modules). It exposes `window.juanzong` with three functions and nothing else. The channel names
// repeat electron/main/ipc-channels.ts: a sandboxed preload can require only 'electron'
// (tests/unit/shell-shared-facts.test.ts ties the copies).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const INVOKE_CHANNEL = 'juanzong:invoke';
const EVENT_CHANNEL = 'juanzong:event';
const PICK_FOLDER_CHANNEL = 'juanzong:pick-folder';

contextBridge.exposeInMainWorld('juanzong', {
  /** Calls one contract operation; resolves to `{ ok: true, value }` or `{ ok: false, error }`. */
  invoke(name: string, input: unknown, sessionToken?: string): Promise<unknown> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, { name, input, sessionToken });
  },
  /** Shows the system's folder chooser (for an ingest source or an export target); the chosen path or null. */
  pickFolder(purpose: string): Promise<unknown> {
    return ipcRenderer.invoke(PICK_FOLDER_CHANNEL, purpose === 'export' ? 'export' : 'ingest');
  },
  /** Listens to core events (job progress, changes); returns the unsubscribe function. */
  on(listener: (event: unknown) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('juanzong.on needs a function');
    // Never hand the IpcRendererEvent (it carries `sender`) to the page: only the payload.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
});
