import type { Archive } from '../archive/archive.js';
import type { EventBus } from '../jobs/event-bus.js';
import type { Jobs } from '../jobs/jobs.js';
import type { StagingArea } from './staging-area.js';

/** What the document use cases are given: the archive, the upload staging, the job runner and the event bus. */
export interface DocumentDeps {
  archive: Archive;
  staging: StagingArea;
  jobs: Jobs;
  bus: EventBus;
}
