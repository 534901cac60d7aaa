import type { ClipMarkInfo } from '../../api/types-retrieval.js';
import type { Db } from '../db.js';

const SELECT = `SELECT m.id, m.clip_id AS clipId, m.second, m.note, u.display_name AS by, m.at FROM clip_marks m JOIN users u ON u.id = m.by_user`;

/** Marks on a clip (a second and a note); never changed or deleted. */
export class RetrievalMarkRepo {
  constructor(private readonly db: Db) {}

  insert(clipId: number, second: number, note: string, by: number, at: string): number {
    return Number(
      this.db.prepare('INSERT INTO clip_marks (clip_id, second, note, by_user, at) VALUES (?, ?, ?, ?, ?)').run(clipId, second, note, by, at).lastInsertRowid,
    );
  }

  byId(id: number): ClipMarkInfo | undefined {
    return this.db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as ClipMarkInfo | undefined;
  }

  forClip(clipId: number): ClipMarkInfo[] {
    return this.db.prepare(`${SELECT} WHERE m.clip_id = ? ORDER BY m.second, m.id`).all(clipId) as ClipMarkInfo[];
  }
}
