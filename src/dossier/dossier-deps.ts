import type { Archive } from '../archive/archive.js';
import type { EventBus } from '../jobs/event-bus.js';
import type { DossierOptions } from './bind-input.js';

/** What the dossier use cases are given: the archive, the event bus, and what binding needs besides the catalogue. */
export interface DossierDeps {
  archive: Archive;
  bus: EventBus;
  dossier: DossierOptions;
}
