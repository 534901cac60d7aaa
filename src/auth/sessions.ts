import { randomBytes } from 'node:crypto';
import type { Clock } from '../ports/clock.js';

/** A session ends after this long without a call… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and, however busy, this long after it began (sign in again; docs/SECURITY.md, "Accounts"). */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

/** Signed-in sessions of this process (tokens are random, kept in memory; idle and absolute expiry). */
export class Sessions {
  private readonly byToken = new Map<string, { userId: number; created: number; lastSeen: number }>();

  constructor(private readonly clock: Clock) {}

  create(userId: number): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    this.byToken.set(token, { userId, created: now, lastSeen: now });
    return token;
  }

  /** The user id of a live session, refreshing its idle timer. */
  resolve(token: string | undefined): number | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    const now = this.clock.now().getTime();
    if (now - s.lastSeen > SESSION_IDLE_MS || now - s.created > SESSION_MAX_MS) {
      this.byToken.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s.userId;
  }

  /** The user id of a live session without refreshing it (event streams are not activity). */
  peek(token: string | undefined): number | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    const now = this.clock.now().getTime();
    return now - s.lastSeen > SESSION_IDLE_MS || now - s.created > SESSION_MAX_MS ? null : s.userId;
  }

  end(token: string | undefined): void {
    if (token) this.byToken.delete(token);
  }

  /** Ends every session of `userId` but `keep` (the one that changed the password, say). */
  endAllFor(userId: number, keep?: string): void {
    for (const [t, s] of this.byToken) if (s.userId === userId && t !== keep) this.byToken.delete(t);
  }
}
