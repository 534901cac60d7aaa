/**
 * The typed client: one `invoke(name, input)` over whichever transport this window has — the
 * Electron preload when `window.juanzong` exists, else the localhost HTTP bridge.
 */
import type { OpInput, OpName, OpOutput } from '../../src/api/contract';
import type { AppEvent } from '../../src/api/events';
import type { StagedUpload } from '../../src/api/types';
import { ClientError, unwrapEnvelope } from './envelope';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';
import { getSessionToken } from './session';
import type { MediaKind, Transport } from './types';

export { ClientError };

let transport: Transport | null = null;
function current(): Transport {
  transport ??= typeof window !== 'undefined' && window.juanzong ? ipcTransport(window.juanzong) : httpTransport();
  return transport;
}

/** Replaces the transport (tests, storybook-like previews). */
export function setTransport(t: Transport): void {
  transport = t;
}

export function transportKind(): Transport['kind'] {
  return current().kind;
}

let onUnauthenticated: (() => void) | null = null;
/** Called when any non-public operation reports that the session is gone. */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

function unwrap<T>(raw: unknown, publicOp: boolean): T {
  return unwrapEnvelope<T>(raw, publicOp ? undefined : () => onUnauthenticated?.());
}

function networkError(e: unknown): ClientError {
  if (e instanceof ClientError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new ClientError({
    code: 'io_error',
    message: `Cannot reach the Juanzong service (${detail})`,
    messageZh: `无法连接卷宗服务（${detail}）`,
  });
}

const PUBLIC_OPS: ReadonlySet<OpName> = new Set<OpName>(['auth.status', 'auth.setup', 'auth.login']);

export async function invoke<N extends OpName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
  let raw: unknown;
  try {
    raw = await current().call(name, input, getSessionToken());
  } catch (e) {
    throw networkError(e);
  }
  return unwrap<OpOutput<N>>(raw, PUBLIC_OPS.has(name));
}

/** Subscribes to core events (job progress, case changes). Returns the unsubscribe function. */
export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return current().subscribe(listener);
}

/** URL of a page thumbnail or a stored file, usable as <img src> or fetch(). */
export function mediaUrl(kind: MediaKind, id: number): string {
  return current().mediaUrl(kind, id);
}

/** Whether this window can show the system's folder chooser (Electron yes; a browser tab no: type the path). */
export function canPickFolder(): boolean {
  return current().pickFolder !== undefined;
}

/** The system's folder chooser; null when cancelled or not available. */
export async function pickFolder(purpose: 'ingest' | 'export'): Promise<string | null> {
  return (await current().pickFolder?.(purpose)) ?? null;
}

/** Uploads one file into the archive's staging area, reporting progress in percent. */
export async function stageFile(file: File, onProgress: (percent: number) => void, signal: AbortSignal): Promise<StagedUpload> {
  let raw: unknown;
  try {
    raw = await current().stage(file, getSessionToken(), onProgress, signal);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') {
      throw new ClientError({ code: 'cancelled', message: `Upload of ${file.name} cancelled`, messageZh: `已取消上传 ${file.name}`, item: file.name });
    }
    throw networkError(e);
  }
  return unwrap<StagedUpload>(raw, false);
}

/** A job id for operations that report progress (`jobId` in the input). */
export function newJobId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
