import type { Db } from '../db.js';

export interface RefusalRow {
  id: number;
  userId: number;
  userName: string;
  clipId: number;
  need: 'view' | 'copy';
  at: string;
  why: string;
}

const SELECT = `SELECT f.id, f.user_id AS userId, u.display_name AS userName, f.clip_id AS clipId, f.need, f.at, f.why
  FROM retrieval_refusals f JOIN users u ON u.id = f.user_id`;

/** Refused 调阅 attempts: written once, never changed or deleted. */
export class RetrievalRefusalRepo {
  constructor(private readonly db: Db) {}

  insert(userId: number, clipId: number, need: 'view' | 'copy', at: string, why: string): number {
    return Number(
      this.db.prepare('INSERT INTO retrieval_refusals (user_id, clip_id, need, at, why) VALUES (?, ?, ?, ?, ?)').run(userId, clipId, need, at, why)
        .lastInsertRowid,
    );
  }

  list(f: { clipId?: number; userId?: number; from?: string; to?: string } = {}): RefusalRow[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (cond: string, v: string | number | undefined): void => {
      if (v === undefined) return;
      where.push(cond);
      args.push(v);
    };
    add('f.clip_id = ?', f.clipId);
    add('f.user_id = ?', f.userId);
    add('f.at >= ?', f.from);
    add('f.at < ?', f.to);
    return this.db.prepare(`${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY f.id DESC LIMIT 5000`).all(...args) as RefusalRow[];
  }
}
