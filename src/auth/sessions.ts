import { randomBytes } from 'node:crypto';
import type { Clock } from '../ports/clock.js';

const IDLE_MS = 12 * 60 * 60 * 1000;

/** Signed-in sessions of this process (tokens are random, kept in memory, idle-expire after 12 h). */
export class Sessions {
  private readonly byToken = new Map<string, { userId: number; lastSeen: number }>();

  constructor(private readonly clock: Clock) {}

  create(userId: number): string {
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { userId, lastSeen: this.clock.now().getTime() });
    return token;
  }

  /** The user id of a live session, refreshing its idle timer. */
  resolve(token: string | undefined): number | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    const now = this.clock.now().getTime();
    if (now - s.lastSeen > IDLE_MS) {
      this.byToken.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s.userId;
  }

  end(token: string | undefined): void {
    if (token) this.byToken.delete(token);
  }

  endAllFor(userId: number): void {
    for (const [t, s] of this.byToken) if (s.userId === userId) this.byToken.delete(t);
  }
}
