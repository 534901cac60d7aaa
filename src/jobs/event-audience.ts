import type { AppEvent } from '../api/events.js';
import { WRITERS, type Role } from '../domain/roles.js';

/**
 * Which signed-in viewer an event may reach (the bridge's event stream, the desktop window). Job
 * progress names files: it goes to the job's owner and to administrators; progress of work no user
 * started (thumbnails after a restart) to the writers, who handle the footage. `case.changed` carries
 * only an id every role may read. Nobody who has not signed in gets any event.
 */
export function mayReceive(e: AppEvent, viewer: { id: number; role: Role }): boolean {
  switch (e.type) {
    case 'job.progress':
      return viewer.role === 'admin' || e.ownerId === viewer.id || (e.ownerId === null && WRITERS.includes(viewer.role));
    case 'case.changed':
      return true;
  }
}
