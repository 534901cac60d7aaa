import type { AppEvent } from '../../src/api/events';
import type { Transport } from './types';

/**
 * Browser against the localhost bridge (`juanzong serve`), same origin: POST /api/<op>, SSE on
 * /api/events, POST /upload, GET /media/<kind>/<id>. The bridge's own cookie authenticates the page
 * (so <img> works); calls also carry the session token as a Bearer header.
 */
export function httpTransport(): Transport {
  const listeners = new Set<(e: AppEvent) => void>();
  let source: EventSource | null = null;

  const dispatch = (raw: MessageEvent<string>) => {
    let event: AppEvent;
    try {
      event = JSON.parse(raw.data) as AppEvent;
    } catch {
      return;
    }
    for (const l of [...listeners]) l(event);
  };

  let retry: ReturnType<typeof setTimeout> | null = null;
  const ensureSource = () => {
    if (source && source.readyState !== EventSource.CLOSED) return;
    source = new EventSource('/api/events');
    source.onmessage = dispatch;
    // The bridge streams events to a signed-in session only (401 before sign-in, or once it ends):
    // try again every few seconds while anyone listens, so the stream starts after signing in.
    source.onerror = () => {
      if (source?.readyState !== EventSource.CLOSED || retry !== null) return;
      retry = setTimeout(() => {
        retry = null;
        if (listeners.size > 0) ensureSource();
      }, 3000);
    };
    // Tolerate a bridge that names its events.
    source.addEventListener('job.progress', dispatch as EventListener);
    source.addEventListener('case.changed', dispatch as EventListener);
  };

  return {
    kind: 'http',
    async call(name, input, token) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      const res = await fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}), credentials: 'same-origin' });
      // Signed in now (the answer set the session cookie): open the event stream at once.
      if (res.ok && (name === 'auth.login' || name === 'auth.setup') && listeners.size > 0) {
        source?.close();
        source = null;
        ensureSource();
      }
      return readEnvelope(res);
    },
    subscribe(listener) {
      listeners.add(listener);
      ensureSource();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
    mediaUrl: (kind, id) => `/media/${kind}/${id}`,
    stage(file, token, onProgress, signal) {
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/upload?name=${encodeURIComponent(file.name)}`);
        if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable && e.total > 0) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
        };
        xhr.onload = () => {
          onProgress(100);
          try {
            resolve(JSON.parse(xhr.responseText) as unknown);
          } catch {
            resolve({ ok: false, error: httpError(xhr.status, xhr.responseText) });
          }
        };
        xhr.onerror = () => reject(new TypeError('network error'));
        xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
        signal.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(file);
      });
    },
  };
}

async function readEnvelope(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { ok: false, error: httpError(res.status, text) };
  }
}

function httpError(status: number, body: string) {
  const snippet = body.slice(0, 200);
  return {
    code: status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : 'internal',
    message: `The local service answered HTTP ${status}${snippet ? `: ${snippet}` : ''}`,
    messageZh: `本地服务返回 HTTP ${status}${snippet ? `：${snippet}` : ''}`,
  };
}
