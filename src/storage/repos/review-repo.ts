import type { Db } from '../db.js';

/** Reviews (versions per assignment), their findings and the 整改 answers. */
export interface ReviewRow {
  id: number;
  assignmentId: number;
  versionNo: number;
  status: 'draft' | 'submitted';
  supersedesId: number | null;
  correctionReason: string | null;
  inspectorId: number;
  inspectorName: string;
  openedAt: string;
  submittedAt: string | null;
  total: number | null;
  grade: string | null;
  vetoed: number | null;
  sheetJson: string | null;
  sheetSha256: string | null;
}

export interface FindingRow {
  id: number;
  reviewId: number;
  seq: number;
  source: 'auto' | 'own';
  ruleId: string | null;
  itemId: string;
  decision: 'proposed' | 'accepted' | 'rejected';
  points: number;
  title: string;
  comment: string | null;
  placeKind: 'document' | 'clip' | 'case';
  documentId: number | null;
  volume: number | null;
  page: number | null;
  clipId: number | null;
  second: number | null;
  autoJson: string | null;
  createdAt: string;
  createdBy: string;
}

export interface AnswerRow {
  id: number;
  findingId: number;
  status: 'mended' | 'explained';
  answer: string;
  by: string;
  at: string;
}

export type NewFinding = Omit<FindingRow, 'id' | 'reviewId' | 'seq' | 'createdAt' | 'createdBy'>;

const REVIEW_COLS = `r.id, r.assignment_id AS assignmentId, r.version_no AS versionNo, r.status, r.supersedes_id AS supersedesId,
  r.correction_reason AS correctionReason, r.inspector_id AS inspectorId, u.display_name AS inspectorName, r.opened_at AS openedAt,
  r.submitted_at AS submittedAt, r.total, r.grade, r.vetoed, r.sheet_json AS sheetJson, r.sheet_sha256 AS sheetSha256`;
const FINDING_COLS = `f.id, f.review_id AS reviewId, f.seq, f.source, f.rule_id AS ruleId, f.item_id AS itemId, f.decision, f.points, f.title, f.comment,
  f.place_kind AS placeKind, f.document_id AS documentId, f.volume, f.page, f.clip_id AS clipId, f.second, f.auto_json AS autoJson,
  f.created_at AS createdAt, u.display_name AS createdBy`;

export class ReviewRepo {
  constructor(private readonly db: Db) {}

  versions(assignmentId: number): ReviewRow[] {
    return this.db
      .prepare(`SELECT ${REVIEW_COLS} FROM reviews r JOIN users u ON u.id = r.inspector_id WHERE r.assignment_id = ? ORDER BY r.version_no`)
      .all(assignmentId) as ReviewRow[];
  }

  byId(id: number): ReviewRow | undefined {
    return this.db.prepare(`SELECT ${REVIEW_COLS} FROM reviews r JOIN users u ON u.id = r.inspector_id WHERE r.id = ?`).get(id) as ReviewRow | undefined;
  }

  insert(r: { assignmentId: number; versionNo: number; supersedesId: number | null; reason: string | null; inspectorId: number; now: string }): number {
    const x = this.db
      .prepare(
        "INSERT INTO reviews (assignment_id, version_no, status, supersedes_id, correction_reason, inspector_id, opened_at) VALUES (?, ?, 'draft', ?, ?, ?, ?)",
      )
      .run(r.assignmentId, r.versionNo, r.supersedesId, r.reason, r.inspectorId, r.now);
    return Number(x.lastInsertRowid);
  }

  /** Seals a draft: guarded on status so a second submit changes nothing (and the trigger refuses it anyway). */
  submit(id: number, s: { now: string; total: number; grade: string; vetoed: boolean; sheetJson: string; sheetSha256: string }): boolean {
    const r = this.db
      .prepare(
        "UPDATE reviews SET status = 'submitted', submitted_at = ?, total = ?, grade = ?, vetoed = ?, sheet_json = ?, sheet_sha256 = ? WHERE id = ? AND status = 'draft'",
      )
      .run(s.now, s.total, s.grade, s.vetoed ? 1 : 0, s.sheetJson, s.sheetSha256, id);
    return r.changes === 1;
  }

  findings(reviewId: number): FindingRow[] {
    return this.db
      .prepare(`SELECT ${FINDING_COLS} FROM review_findings f JOIN users u ON u.id = f.created_by WHERE f.review_id = ? ORDER BY f.seq`)
      .all(reviewId) as FindingRow[];
  }

  finding(id: number): FindingRow | undefined {
    return this.db.prepare(`SELECT ${FINDING_COLS} FROM review_findings f JOIN users u ON u.id = f.created_by WHERE f.id = ?`).get(id) as
      FindingRow | undefined;
  }

  insertFinding(reviewId: number, f: NewFinding, by: number, now: string): number {
    const seq = (this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM review_findings WHERE review_id = ?').get(reviewId) as { n: number }).n;
    const r = this.db
      .prepare(
        `INSERT INTO review_findings (review_id, seq, source, rule_id, item_id, decision, points, title, comment, place_kind, document_id, volume, page, clip_id, second, auto_json, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        reviewId,
        seq,
        f.source,
        f.ruleId,
        f.itemId,
        f.decision,
        f.points,
        f.title,
        f.comment,
        f.placeKind,
        f.documentId,
        f.volume,
        f.page,
        f.clipId,
        f.second,
        f.autoJson,
        now,
        by,
      );
    return Number(r.lastInsertRowid);
  }

  decide(id: number, d: { decision: 'accepted' | 'rejected'; points: number; comment: string | null; itemId: string }): void {
    this.db
      .prepare('UPDATE review_findings SET decision = ?, points = ?, comment = ?, item_id = ? WHERE id = ?')
      .run(d.decision, d.points, d.comment, d.itemId, id);
  }

  removeFinding(id: number): void {
    this.db.prepare('DELETE FROM review_findings WHERE id = ?').run(id);
  }

  answers(findingIds: readonly number[]): AnswerRow[] {
    if (findingIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT a.id, a.finding_id AS findingId, a.status, a.answer, u.display_name AS by, a.at FROM review_answers a JOIN users u ON u.id = a.by_user
         WHERE a.finding_id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
      )
      .all(JSON.stringify(findingIds)) as AnswerRow[];
  }

  insertAnswer(a: { findingId: number; status: 'mended' | 'explained'; answer: string; by: number; now: string }): number {
    const r = this.db
      .prepare('INSERT INTO review_answers (finding_id, status, answer, by_user, at) VALUES (?, ?, ?, ?, ?)')
      .run(a.findingId, a.status, a.answer, a.by, a.now);
    return Number(r.lastInsertRowid);
  }
}
