import { describe, expect, it } from 'vitest';
import type { AppEvent, JobProgressEvent } from '../../src/api/events.js';
import { EventBus } from '../../src/jobs/event-bus.js';
import { Jobs } from '../../src/jobs/jobs.js';
import { systemClock } from '../../src/ports/clock.js';

describe('job progress', () => {
  it('reports each file in progress with its own bytes when two run at once, and drops it when done', async () => {
    const bus = new EventBus();
    const seen: JobProgressEvent[] = [];
    bus.subscribe((e: AppEvent) => {
      if (e.type === 'job.progress') seen.push(e);
    });
    const jobs = new Jobs(bus, systemClock);
    await jobs.run('footage.ingest', { items: 2, bytes: 300 }, 'job-progress-1', async (job) => {
      job.startItem('A/0001.MP4', 100);
      job.startItem('B/0001.MP4', 200);
      job.addBytes(40, 'A/0001.MP4');
      job.addBytes(150, 'B/0001.MP4');
      job.addBytes(50, 'B/0001.MP4');
      job.finishItem('B/0001.MP4');
      job.addBytes(60, 'A/0001.MP4');
      job.finishItem('A/0001.MP4');
    });
    const afterB = seen.find((e) => e.itemsDone === 1)!;
    expect(afterB.active).toEqual([{ name: 'A/0001.MP4', bytesDone: 40, bytesTotal: 100 }]);
    expect(afterB.bytesDone).toBe(240);
    const both = seen.find((e) => e.active.length === 2)!;
    expect(both.active.map((a) => a.name)).toEqual(['A/0001.MP4', 'B/0001.MP4']);
    const last = seen[seen.length - 1]!;
    expect(last).toMatchObject({ state: 'done', itemsDone: 2, bytesDone: 300, active: [] });
  });
});
