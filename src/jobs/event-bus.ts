import type { AppEvent } from '../api/events.js';

/** Fan-out of core events to transports. A failing listener never breaks the sender. */
export class EventBus {
  private readonly listeners = new Set<(e: AppEvent) => void>();

  subscribe(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: AppEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        /* a transport's problem, not the job's */
      }
    }
  }
}
