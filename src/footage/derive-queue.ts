import type { Archive } from '../archive/archive.js';
import type { Jobs } from '../jobs/jobs.js';
import { FootageRepo } from '../storage/repos/footage-repo.js';
import { deriveImages } from './derive.js';

/**
 * The queued background step after an ingest: thumbnails and contact sheets, two clips at a time, as
 * a `footage.derive` job with progress. The catalogue holds each clip's state (pending / done /
 * failed / none), so whatever a closed app left pending is picked up by the next `footage.derive`.
 */
export class DeriveQueue {
  private readonly queue: number[] = [];
  private readonly queued = new Set<number>();
  private active = 0;
  private waiters: (() => void)[] = [];
  private job: ReturnType<Jobs['start']> | null = null;
  private done = 0;
  private failed = 0;

  constructor(
    private readonly archive: Archive,
    private readonly jobs: Jobs,
    private readonly concurrency = 2,
  ) {}

  enqueue(ids: readonly number[]): void {
    for (const id of ids) {
      if (this.queued.has(id)) continue;
      this.queued.add(id);
      this.queue.push(id);
    }
    if (!this.job && this.queue.length) this.job = this.jobs.start('footage.derive', { items: this.queue.length, bytes: 0 });
    this.pump();
  }

  /** Queues every clip still pending in the catalogue. */
  enqueuePending(): void {
    this.enqueue(new FootageRepo(this.archive.db).pendingDerived());
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<{ done: number; failed: number }> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve({ done: this.done, failed: this.failed });
    return new Promise((r) => this.waiters.push(() => r({ done: this.done, failed: this.failed })));
  }

  pending(): number {
    return this.queue.length + this.active;
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length) {
      const id = this.queue.shift()!;
      this.active++;
      void this.one(id).finally(() => {
        this.active--;
        this.queued.delete(id);
        this.job?.finishItem();
        if (this.queue.length) this.pump();
        else if (this.active === 0) {
          this.job?.end('done');
          this.job = null;
          const w = this.waiters;
          this.waiters = [];
          for (const f of w) f();
        }
      });
    }
  }

  private async one(id: number): Promise<void> {
    const repo = new FootageRepo(this.archive.db);
    const clip = repo.byId(id);
    if (!clip || clip.derivedState !== 'pending') return;
    this.job?.startItem(clip.originalName);
    const now = () => this.archive.clock.now().toISOString();
    try {
      const d = await deriveImages(this.archive.store.pathOf(clip.sha256), clip.kind, clip.durationSec, { width: clip.width, height: clip.height });
      const thumb = d.thumb ? await this.archive.store.putBytes(d.thumb, `${clip.originalName} thumbnail`) : null;
      const sheet = d.sheet ? await this.archive.store.putBytes(d.sheet, `${clip.originalName} contact sheet`) : null;
      repo.setDerived(id, {
        thumb: thumb && { sha256: thumb.sha256, size: thumb.size },
        sheet: sheet && { sha256: sheet.sha256, size: sheet.size },
        state: thumb ? 'done' : 'none',
        error: null,
        now: now(),
      });
      this.done++;
    } catch (e) {
      this.failed++;
      try {
        repo.setDerived(id, { thumb: null, sheet: null, state: 'failed', error: String((e as Error).message ?? e).slice(0, 500), now: now() });
      } catch {
        /* the archive was closed meanwhile: the clip stays pending and the next derive takes it */
      }
    }
  }
}
