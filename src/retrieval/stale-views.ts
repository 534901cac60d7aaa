import type { UserInfo } from '../api/types.js';
import type { ViewSessionInfo } from '../api/types-retrieval.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { RetrievalViewRepo } from '../storage/repos/retrieval-view-repo.js';

/**
 * A playing or paused player reports every few seconds (renderer/features/retrieval/use-view-session.ts
 * sends viewProgress every 4 s, with or without new stretches). A session silent for this long was
 * left open — the tab was closed, the app or the machine crashed — and is closed by the next sweep.
 */
export const VIEW_IDLE_MS = 10 * 60_000;

/**
 * When the same person starts another session, their earlier ones silent for this long are over
 * (a background tab's timers may run only once a minute, so not less), and so is any open session
 * of theirs on the same clip (the player was reloaded).
 */
export const VIEW_REOPEN_MS = 90_000;

/** Why a session was closed for its viewer: silent too long, or the same person started again. */
export type AutoEndWhy = 'idle' | 'reopened';

/**
 * Closes sessions left open as 自动结束: each ends at its last sign of life with the stretches it
 * recorded, audited (system) as 'retrieval.viewEnd' with `ended: 'auto'`. Without `by`, every
 * session silent for VIEW_IDLE_MS (run on core open, on every viewStart and before the log is read);
 * with `by`, that person's sessions silent for VIEW_REOPEN_MS or on `by.clipId`. Returns those closed.
 */
export function closeStaleViews(archive: Archive, now: Date, by?: { user: UserInfo; clipId: number }): ViewSessionInfo[] {
  const repo = new RetrievalViewRepo(archive.db);
  const why: AutoEndWhy = by ? 'reopened' : 'idle';
  const before = new Date(now.getTime() - (by ? VIEW_REOPEN_MS : VIEW_IDLE_MS)).toISOString();
  const find = () => repo.stale(before, by && { userId: by.user.id, clipId: by.clipId });
  // Most calls find nothing: look before opening a write transaction.
  if (find().length === 0) return [];
  return change(archive, null, () => {
    const closed = find().filter((v) => repo.autoEnd(v.id));
    return {
      value: closed.map((v) => repo.byId(v.id)!),
      audit: closed.map((v) => ({
        action: 'retrieval.viewEnd',
        targetType: 'clip',
        targetId: v.clipId,
        detail: { viewId: v.id, user: v.user, grantId: v.grantId, segments: v.segments, totalSec: v.totalSec, ended: 'auto', why, lastSeenAt: v.lastSeenAt },
      })),
    };
  });
}
