import type { JuanzongPreload, Transport } from './types';

/** Electron: the preload's `invoke`/`on`; media through the privileged `juanzong-media:` scheme. */
export function ipcTransport(api: JuanzongPreload): Transport {
  return {
    kind: 'ipc',
    call: (name, input, token) => api.invoke(name, input, token ?? undefined),
    subscribe: (listener) => api.on(listener),
    mediaUrl: (kind, id) => `juanzong-media://${kind}/${id}`,
    pickFolder: (purpose) => api.pickFolder(purpose),
    async stage(file, token, onProgress, signal) {
      onProgress(0);
      const data = new Uint8Array(await file.arrayBuffer());
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      onProgress(50);
      const result = await api.invoke('upload.stageBytes', { name: file.name, data }, token ?? undefined);
      onProgress(100);
      return result;
    },
  };
}
