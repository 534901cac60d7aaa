import { randomUUID } from 'node:crypto';
import type { JobProgressEvent } from '../api/events.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from './event-bus.js';
import { currentCaller, type JobOwner } from './job-owner.js';

/** A piece of long work: progress (items, bytes, rate, ETA) and cancel. */
export class Job {
  readonly controller = new AbortController();
  private itemsDone = 0;
  private bytesDone = 0;
  private item: string | null = null;
  private readonly active = new Map<string, { bytesDone: number; bytesTotal: number }>();
  private readonly started: number;
  private lastEmit = 0;

  constructor(
    readonly id: string,
    readonly op: string,
    private readonly itemsTotal: number,
    private readonly bytesTotal: number,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    /** Who started it: only they and an administrator may cancel it or see its progress. */
    readonly ownerId: JobOwner = null,
  ) {
    this.started = clock.now().getTime();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** An item starts (`bytesTotal`: its size, when known, for its own progress). */
  startItem(name: string, bytesTotal = 0): void {
    this.item = name;
    this.active.set(name, { bytesDone: 0, bytesTotal });
    this.emit('running', true);
  }

  /** Bytes done, of the named item when several run at once. */
  addBytes(n: number, name?: string): void {
    this.bytesDone += n;
    const a = this.active.get(name ?? this.item ?? '');
    if (a) a.bytesDone += n;
    this.emit('running', false);
  }

  /** An item is done (the named one, else the one started last). */
  finishItem(name?: string): void {
    this.itemsDone++;
    this.active.delete(name ?? this.item ?? '');
    this.emit('running', true);
  }

  end(state: 'done' | 'failed' | 'cancelled'): void {
    this.emit(state, true);
  }

  private emit(state: JobProgressEvent['state'], force: boolean): void {
    const now = this.clock.now().getTime();
    if (!force && now - this.lastEmit < 200) return;
    this.lastEmit = now;
    const secs = Math.max((now - this.started) / 1000, 0.001);
    const rate = this.bytesDone / secs;
    this.bus.emit({
      type: 'job.progress',
      jobId: this.id,
      op: this.op,
      ownerId: this.ownerId,
      itemsDone: this.itemsDone,
      itemsTotal: this.itemsTotal,
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
      item: this.item,
      active: [...this.active].map(([name, a]) => ({ name, ...a })),
      bytesPerSec: Math.round(rate),
      etaSec: rate > 0 && this.bytesTotal > 0 ? Math.max(0, Math.round((this.bytesTotal - this.bytesDone) / rate)) : null,
      state,
    });
  }
}

export class Jobs {
  private readonly running = new Map<string, Job>();

  constructor(
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  start(op: string, totals: { items: number; bytes: number }, id?: string): Job {
    const job = new Job(id ?? randomUUID(), op, totals.items, totals.bytes, this.bus, this.clock, currentCaller());
    this.running.set(job.id, job);
    return job;
  }

  /** Runs `fn` as a job; the job ends as done, failed or cancelled whatever happens. */
  async run<T>(op: string, totals: { items: number; bytes: number }, id: string | undefined, fn: (job: Job) => Promise<T>): Promise<T> {
    const job = this.start(op, totals, id);
    try {
      const out = await fn(job);
      job.end('done');
      return out;
    } catch (e) {
      job.end(job.signal.aborted ? 'cancelled' : 'failed');
      throw e;
    } finally {
      this.running.delete(job.id);
    }
  }

  /** A running job (to check who may cancel it), or undefined. */
  get(id: string): Job | undefined {
    return this.running.get(id);
  }

  cancel(id: string): boolean {
    const job = this.running.get(id);
    if (!job) return false;
    job.controller.abort();
    return true;
  }
}
