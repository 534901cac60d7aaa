import type { DisposalInfo } from '../../api/types-footage.js';
import type { Db } from '../db.js';

const SQL = `SELECT f.id, f.clip_id AS clipId, f.reason, f.state, f.requested_at AS requestedAt, u1.display_name AS requestedBy, f.requested_by AS requestedById,
    f.decided_at AS decidedAt, u2.display_name AS decidedBy, f.decision_note AS decisionNote
  FROM footage_disposals f JOIN users u1 ON u1.id = f.requested_by LEFT JOIN users u2 ON u2.id = f.decided_by`;

/** A disposal record as stored, with who asked (the view adds the clip's name and whether the caller asked). */
export type DisposalRow = Omit<DisposalInfo, 'clipName' | 'requestedByYou'> & { requestedById: number };

/** Disposal records: requested by an archivist, decided once by someone else. Never deleted. */
export class FootageDisposalRepo {
  constructor(private readonly db: Db) {}

  request(clipId: number, reason: string, by: number, now: string): number {
    return Number(
      this.db
        .prepare("INSERT INTO footage_disposals (clip_id, reason, state, requested_at, requested_by) VALUES (?, ?, 'requested', ?, ?)")
        .run(clipId, reason, now, by).lastInsertRowid,
    );
  }

  decide(id: number, approve: boolean, by: number, note: string | null, now: string): void {
    this.db
      .prepare('UPDATE footage_disposals SET state = ?, decided_at = ?, decided_by = ?, decision_note = ? WHERE id = ?')
      .run(approve ? 'approved' : 'rejected', now, by, note, id);
  }

  byId(id: number): DisposalRow | undefined {
    return this.db.prepare(`${SQL} WHERE f.id = ?`).get(id) as DisposalRow | undefined;
  }

  openFor(clipId: number): boolean {
    return this.db.prepare("SELECT 1 FROM footage_disposals WHERE clip_id = ? AND state = 'requested'").get(clipId) !== undefined;
  }

  list(clipId?: number): DisposalRow[] {
    return this.db.prepare(`${SQL} ${clipId ? 'WHERE f.clip_id = ?' : ''} ORDER BY f.id DESC`).all(...(clipId ? [clipId] : [])) as DisposalRow[];
  }

  /** Whether a stored object is still used by something other than this clip (then it is kept). */
  referencedElsewhere(sha256: string, clipId: number): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM document_files WHERE object_sha256 = @s UNION ALL SELECT 1 FROM pages WHERE thumb_sha256 = @s
           UNION ALL SELECT 1 FROM clips WHERE id <> @id AND disposal_id IS NULL AND @s IN (sha256, thumb_sha256, sheet_sha256) LIMIT 1`,
        )
        .get({ s: sha256, id: clipId }) !== undefined
    );
  }
}
