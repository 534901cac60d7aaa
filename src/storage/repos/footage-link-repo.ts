import type { Db } from '../db.js';

export interface LinkRow {
  id: number;
  clipId: number;
  caseId: number | null;
  caseNo: string | null;
  officerCertNo: string | null;
  officerName: string | null;
  activity: string | null;
  linkedAt: string;
  linkedBy: string | null;
  removedAt: string | null;
  removedBy: string | null;
  removedReason: string | null;
}

const LINK_SQL = `SELECT l.id, l.clip_id AS clipId, l.case_id AS caseId, c.case_no AS caseNo, o.cert_no AS officerCertNo, o.name AS officerName,
    l.activity, l.linked_at AS linkedAt, u1.display_name AS linkedBy, l.removed_at AS removedAt, u2.display_name AS removedBy, l.removed_reason AS removedReason
  FROM clip_links l LEFT JOIN cases c ON c.id = l.case_id LEFT JOIN officers o ON o.id = l.officer_id
  LEFT JOIN users u1 ON u1.id = l.linked_by LEFT JOIN users u2 ON u2.id = l.removed_by`;

/** Links of clips to cases (with the activity recorded), officers and activities; closed, never deleted. */
export class FootageLinkRepo {
  constructor(private readonly db: Db) {}

  officerByCertNo(certNo: string): { id: number; certNo: string; name: string } | undefined {
    return this.db.prepare('SELECT id, cert_no AS certNo, name FROM officers WHERE cert_no = ?').get(certNo) as
      { id: number; certNo: string; name: string } | undefined;
  }

  /** Registers an officer known only from the device register (a case may name them later). */
  ensureOfficer(certNo: string, name: string): number {
    const r = this.db
      .prepare('INSERT INTO officers (cert_no, name) VALUES (?, ?) ON CONFLICT(cert_no) DO UPDATE SET name = officers.name RETURNING id')
      .get(certNo, name) as { id: number };
    return r.id;
  }

  /** Adds a link unless the same one is active. Returns the new link id, or null when it existed. */
  link(l: { clipId: number; caseId: number | null; officerId: number | null; activity: string | null; by: number | null; now: string }): number | null {
    const r = this.db
      .prepare(
        `INSERT INTO clip_links (clip_id, case_id, officer_id, activity, linked_at, linked_by) VALUES (@clipId, @caseId, @officerId, @activity, @now, @by)
         ON CONFLICT DO NOTHING`,
      )
      .run(l);
    return r.changes > 0 ? Number(r.lastInsertRowid) : null;
  }

  byId(id: number): LinkRow | undefined {
    return this.db.prepare(`${LINK_SQL} WHERE l.id = ?`).get(id) as LinkRow | undefined;
  }

  close(id: number, by: number, reason: string, now: string): void {
    this.db.prepare('UPDATE clip_links SET removed_at = ?, removed_by = ?, removed_reason = ? WHERE id = ? AND removed_at IS NULL').run(now, by, reason, id);
  }

  forClip(clipId: number, activeOnly: boolean): LinkRow[] {
    return this.db.prepare(`${LINK_SQL} WHERE l.clip_id = ? ${activeOnly ? 'AND l.removed_at IS NULL' : ''} ORDER BY l.id`).all(clipId) as LinkRow[];
  }

  hasCaseLink(clipId: number): boolean {
    return this.db.prepare('SELECT 1 FROM clip_links WHERE clip_id = ? AND case_id IS NOT NULL AND removed_at IS NULL').get(clipId) !== undefined;
  }

  /** Per activity, how many active clips a case has. */
  caseActivityCounts(caseId: number): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT l.activity, count(DISTINCT l.clip_id) AS n FROM clip_links l JOIN clips c ON c.id = l.clip_id
         WHERE l.case_id = ? AND l.removed_at IS NULL AND l.activity IS NOT NULL AND c.disposal_id IS NULL GROUP BY l.activity`,
      )
      .all(caseId) as { activity: string; n: number }[];
    return new Map(rows.map((r) => [r.activity, r.n]));
  }

  /** Document kinds filed in a case (to see which activities took place). */
  caseDocumentKinds(caseId: number): Set<string> {
    return new Set(
      (this.db.prepare('SELECT DISTINCT kind FROM documents WHERE case_id = ? AND removed_at IS NULL').all(caseId) as { kind: string }[]).map((r) => r.kind),
    );
  }
}
