/** Events pushed from the core to every transport (IPC `on`, bridge SSE). */
export interface JobProgressEvent {
  type: 'job.progress';
  jobId: string;
  op: string;
  /** The user who started the job (null: the system); the bridge sends it only to them and to administrators. */
  ownerId: number | null;
  itemsDone: number;
  itemsTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** The item being worked on (a file name): the one started last. */
  item: string | null;
  /** Every item in progress (ingest and audits work on two files at once), with its own bytes. */
  active: { name: string; bytesDone: number; bytesTotal: number }[];
  bytesPerSec: number;
  etaSec: number | null;
  state: 'running' | 'done' | 'failed' | 'cancelled';
}

export interface CaseChangedEvent {
  type: 'case.changed';
  caseId: number;
}

export type AppEvent = JobProgressEvent | CaseChangedEvent;
