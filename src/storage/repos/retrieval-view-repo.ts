import type { Segment, ViewSessionInfo } from '../../api/types-retrieval.js';
import type { Db } from '../db.js';

interface Raw {
  id: number;
  clip_id: number;
  clip_name: string;
  user_id: number;
  user_name: string;
  grant_id: number | null;
  via_proxy: number;
  started_at: string;
  last_seen_at: string;
  ended_at: string | null;
  segments: string;
  total_sec: number;
  end_reason: 'viewer' | 'auto' | null;
}

const SELECT = `SELECT v.*, c.original_name AS clip_name, u.display_name AS user_name
  FROM retrieval_views v JOIN clips c ON c.id = v.clip_id JOIN users u ON u.id = v.user_id`;

function row(r: Raw): ViewSessionInfo {
  return {
    id: r.id,
    clipId: r.clip_id,
    clipName: r.clip_name,
    userId: r.user_id,
    user: r.user_name,
    grantId: r.grant_id,
    mode: r.grant_id === null ? 'live' : 'grant',
    viaProxy: r.via_proxy === 1,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    endReason: r.ended_at === null ? null : (r.end_reason ?? 'viewer'),
    lastSeenAt: r.last_seen_at,
    segments: JSON.parse(r.segments) as Segment[],
    totalSec: r.total_sec,
  };
}

export interface ViewFilter {
  clipId?: number;
  userId?: number;
  from?: string;
  to?: string;
}

/** Playback sessions: opened, their segments grown while open, frozen once closed. Never deleted. */
export class RetrievalViewRepo {
  constructor(private readonly db: Db) {}

  open(v: { userId: number; clipId: number; grantId: number | null; viaProxy: boolean; at: string }): number {
    return Number(
      this.db
        .prepare('INSERT INTO retrieval_views (user_id, clip_id, grant_id, via_proxy, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(v.userId, v.clipId, v.grantId, v.viaProxy ? 1 : 0, v.at, v.at).lastInsertRowid,
    );
  }

  update(id: number, segments: readonly Segment[], totalSec: number, at: string, end: boolean): void {
    this.db
      .prepare(`UPDATE retrieval_views SET segments = ?, total_sec = ?, last_seen_at = ?${end ? ", ended_at = ?, end_reason = 'viewer'" : ''} WHERE id = ?`)
      .run(JSON.stringify(segments), totalSec, at, ...(end ? [at] : []), id);
  }

  /**
   * Open sessions with no sign of life since `before` (ISO instant), or — with `userId` — that user's
   * open sessions not seen since `before` or on `clipId`. Served by retrieval_views_open (0009).
   */
  stale(before: string, user?: { userId: number; clipId: number }): ViewSessionInfo[] {
    const where = user
      ? 'v.ended_at IS NULL AND v.user_id = @userId AND (v.last_seen_at < @before OR v.clip_id = @clipId)'
      : 'v.ended_at IS NULL AND v.last_seen_at < @before';
    return (this.db.prepare(`${SELECT} WHERE ${where} ORDER BY v.id`).all({ before, ...user }) as Raw[]).map(row);
  }

  /** Closes an open session as 自动结束, at its last sign of life, with the segments it has. */
  autoEnd(id: number): boolean {
    return this.db.prepare("UPDATE retrieval_views SET ended_at = last_seen_at, end_reason = 'auto' WHERE id = ? AND ended_at IS NULL").run(id).changes === 1;
  }

  byId(id: number): ViewSessionInfo | undefined {
    const r = this.db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as Raw | undefined;
    return r && row(r);
  }

  list(f: ViewFilter = {}, limit = 5000): ViewSessionInfo[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (cond: string, v: string | number | undefined): void => {
      if (v === undefined) return;
      where.push(cond);
      args.push(v);
    };
    add('v.clip_id = ?', f.clipId);
    add('v.user_id = ?', f.userId);
    add('v.started_at >= ?', f.from);
    add('v.started_at < ?', f.to);
    return (
      this.db
        .prepare(`${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY v.started_at DESC, v.id DESC LIMIT ?`)
        .all(...args, limit) as Raw[]
    ).map(row);
  }
}
