import { randomUUID } from 'node:crypto';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import type { EventBus } from '../jobs/event-bus.js';
import type { Jobs } from '../jobs/jobs.js';
import { createOcrEngine, type OcrEngine } from './engine.js';
import { withOcrCache } from './ocr-cache.js';
import { runOcr, type OcrRunOptions, type OcrRunResult } from './run-ocr.js';

/**
 * The core's OCR: one run at a time (a second request waits for the first), the engine's workers
 * started on first use. With `auto`, a run starts by itself in the background after documents are
 * added (a finished document.add or case.register job, or a `case.changed` event; debounced) and once when the archive opens, so scans become
 * searchable without anyone asking; tests and the CLI leave it off and run OCR when they mean to.
 */
export interface OcrService {
  run(user: UserInfo | null, o?: OcrRunOptions): Promise<OcrRunResult>;
  /** The background run now in progress, if any (its job id, for job.cancel). */
  readonly backgroundJobId: string | null;
  close(): Promise<void>;
}

export function createOcrService(o: { archive: Archive; jobs: Jobs; bus: EventBus; auto?: boolean; workers?: number; engine?: OcrEngine }): OcrService {
  const base = o.engine ?? createOcrEngine(o.workers !== undefined ? { workers: o.workers } : {});
  const cacheDir = process.env.JUANZONG_OCR_CACHE;
  const engine = cacheDir ? withOcrCache(base, cacheDir) : base;
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  let background: string | null = null;
  let timer: NodeJS.Timeout | null = null;

  const run = (user: UserInfo | null, opts: OcrRunOptions = {}): Promise<OcrRunResult> => {
    const next = chain.then(() => runOcr(o.archive, o.jobs, engine, user, opts));
    chain = next.catch(() => undefined);
    return next;
  };
  const inBackground = () => {
    if (closed || background) return;
    background = randomUUID();
    run(null, { jobId: background })
      .catch(() => undefined) // a failed page is recorded as such; anything else waits for the next run
      .finally(() => (background = null));
  };
  const unsubscribe = o.auto
    ? o.bus.subscribe((e) => {
        // New scans come with a finished document.add / case.register job; case.changed covers the rest.
        const imported = e.type === 'job.progress' && e.state === 'done' && (e.op === 'document.add' || e.op === 'case.register');
        if (closed || (!imported && e.type !== 'case.changed')) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(inBackground, 2000);
        timer.unref();
      })
    : () => undefined;
  if (o.auto) setImmediate(inBackground);

  return {
    run,
    get backgroundJobId() {
      return background;
    },
    async close() {
      closed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      if (background) o.jobs.cancel(background);
      await chain;
      await engine.close();
    },
  };
}
