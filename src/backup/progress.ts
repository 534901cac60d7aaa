/** The part of a job (src/jobs/jobs.ts) that backup and restore report to: items, bytes, cancel. */
export interface BackupProgress {
  readonly signal: AbortSignal;
  startItem(name: string, bytesTotal?: number): void;
  addBytes(n: number, name?: string): void;
  finishItem(name?: string): void;
}

export const noProgress: BackupProgress = {
  signal: new AbortController().signal,
  startItem: () => undefined,
  addBytes: () => undefined,
  finishItem: () => undefined,
};
