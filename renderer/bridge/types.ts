/** Types shared by the transports. Everything from src/ is imported as types only. */
import type { OpName, OpResult } from '../../src/api/contract';
import type { AppEvent } from '../../src/api/events';
import type { StagedUpload } from '../../src/api/types';
import type { MediaKind } from '../../src/app-core';

export type { MediaKind };

/** What the Electron preload exposes on `window.juanzong` (nothing else crosses the bridge). */
export interface JuanzongPreload {
  invoke(name: string, input: unknown, sessionToken?: string): Promise<OpResult<OpName>>;
  on(listener: (event: AppEvent) => void): () => void;
  /** The system's folder chooser; resolves to the chosen folder, or null when cancelled. */
  pickFolder(purpose: 'ingest' | 'export'): Promise<string | null>;
}

declare global {
  interface Window {
    juanzong?: JuanzongPreload;
  }
}

/** One way of reaching the core: Electron IPC or the localhost HTTP bridge. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  /** Returns the raw result envelope (or something malformed, which the client turns into an error). */
  call(name: OpName, input: unknown, sessionToken: string | null): Promise<unknown>;
  subscribe(listener: (event: AppEvent) => void): () => void;
  mediaUrl(kind: MediaKind, id: number): string;
  /** Stages one file for `document.add`; resolves to the raw result envelope. */
  stage(file: File, sessionToken: string | null, onProgress: (percent: number) => void, signal: AbortSignal): Promise<unknown>;
  /** The system's folder chooser (Electron only: a browser page cannot learn a local path). */
  pickFolder?(purpose: 'ingest' | 'export'): Promise<string | null>;
}

export type StageResult = StagedUpload;
