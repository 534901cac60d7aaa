import type { Archive } from '../archive/archive.js';
import type { EventBus } from '../jobs/event-bus.js';
import type { Jobs } from '../jobs/jobs.js';
import type { FootageServices } from './services.js';

/** What the footage use cases are given: the archive, the footage services, the job runner and the event bus. */
export interface FootageDeps {
  archive: Archive;
  footage: FootageServices;
  jobs: Jobs;
  bus: EventBus;
}
