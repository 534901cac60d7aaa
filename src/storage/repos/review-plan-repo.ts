import type { Db } from '../db.js';

/** 评查 templates in use, plans and their drawn dossiers (assignments). */
export interface PlanRow {
  id: number;
  title: string;
  year: number;
  templateRow: number;
  templateId: string;
  templateVersion: string;
  templateName: string;
  mode: 'percent' | 'count';
  amount: number;
  seed: string;
  drawJson: string;
  createdAt: string;
  createdBy: string;
}

export interface AssignmentRow {
  id: number;
  planId: number;
  planTitle: string;
  caseId: number;
  caseNo: string;
  caseTitle: string;
  procedure: string;
  dossierId: number;
  dossierVersionId: number;
  archiveNo: string | null;
  stratum: string;
  rank: number;
  inspectorId: number | null;
  inspectorName: string | null;
  assignedAt: string | null;
  grantId: number | null;
  grantNote: string | null;
}

/** A sealed case dossier that may be drawn: the case, its dossier's current sealed version, the year. */
export interface SealedCaseRow {
  caseId: number;
  caseNo: string;
  procedure: string;
  dossierId: number;
  versionId: number;
  archiveYear: number;
  kinds: string;
}

const PLAN_COLS = `p.id, p.title, p.year, p.template_row AS templateRow, t.template_id AS templateId, t.version AS templateVersion, t.name AS templateName,
  p.mode, p.amount, p.seed, p.draw_json AS drawJson, p.created_at AS createdAt, u.display_name AS createdBy`;
const PLAN_FROM = 'review_plans p JOIN review_templates t ON t.id = p.template_row JOIN users u ON u.id = p.created_by';
const ASSIGN_COLS = `a.id, a.plan_id AS planId, p.title AS planTitle, a.case_id AS caseId, c.case_no AS caseNo, c.title AS caseTitle, c.procedure,
  a.dossier_id AS dossierId, a.dossier_version_id AS dossierVersionId, v.archive_no AS archiveNo, a.stratum, a.draw_rank AS rank,
  a.inspector_id AS inspectorId, iu.display_name AS inspectorName, a.assigned_at AS assignedAt, a.grant_id AS grantId, a.grant_note AS grantNote`;
const ASSIGN_FROM = `review_assignments a JOIN review_plans p ON p.id = a.plan_id JOIN cases c ON c.id = a.case_id
  JOIN dossier_versions v ON v.id = a.dossier_version_id LEFT JOIN users iu ON iu.id = a.inspector_id`;

export class ReviewPlanRepo {
  constructor(private readonly db: Db) {}

  /** The stored row of a template version, inserting it the first time it is used. */
  templateRow(t: { id: string; version: string; name: string; json: string; sha256: string; now: string }): { row: number; sha256: string } {
    const got = this.db.prepare('SELECT id, sha256 FROM review_templates WHERE template_id = ? AND version = ?').get(t.id, t.version) as
      { id: number; sha256: string } | undefined;
    if (got) return { row: got.id, sha256: got.sha256 };
    const r = this.db
      .prepare('INSERT INTO review_templates (template_id, version, name, json, sha256, loaded_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(t.id, t.version, t.name, t.json, t.sha256, t.now);
    return { row: Number(r.lastInsertRowid), sha256: t.sha256 };
  }

  templateJson(row: number): string | undefined {
    return (this.db.prepare('SELECT json FROM review_templates WHERE id = ?').get(row) as { json: string } | undefined)?.json;
  }

  /** Case dossiers whose current version is sealed, with the 归档年度 and the case's document kinds. */
  sealedCases(year: number): SealedCaseRow[] {
    return this.db
      .prepare(
        `SELECT c.id AS caseId, c.case_no AS caseNo, c.procedure, v.dossier_id AS dossierId, v.id AS versionId, v.archive_year AS archiveYear,
           coalesce((SELECT group_concat(kind, ',') FROM documents dd WHERE dd.case_id = c.id AND dd.removed_at IS NULL), '') AS kinds
         FROM dossier_versions v JOIN dossier_cases dc ON dc.version_id = v.id JOIN cases c ON c.id = dc.case_id
         WHERE v.status = 'sealed' AND v.archive_year = ?
           AND v.version_no = (SELECT max(w.version_no) FROM dossier_versions w WHERE w.dossier_id = v.dossier_id)
         ORDER BY c.case_no`,
      )
      .all(year) as SealedCaseRow[];
  }

  insertPlan(p: {
    title: string;
    year: number;
    templateRow: number;
    mode: string;
    amount: number;
    seed: string;
    drawJson: string;
    now: string;
    by: number;
  }): number {
    const r = this.db
      .prepare('INSERT INTO review_plans (title, year, template_row, mode, amount, seed, draw_json, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(p.title, p.year, p.templateRow, p.mode, p.amount, p.seed, p.drawJson, p.now, p.by);
    return Number(r.lastInsertRowid);
  }

  insertAssignment(a: { planId: number; caseId: number; dossierId: number; versionId: number; stratum: string; rank: number }): number {
    const r = this.db
      .prepare('INSERT INTO review_assignments (plan_id, case_id, dossier_id, dossier_version_id, stratum, draw_rank) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.planId, a.caseId, a.dossierId, a.versionId, a.stratum, a.rank);
    return Number(r.lastInsertRowid);
  }

  plan(id: number): PlanRow | undefined {
    return this.db.prepare(`SELECT ${PLAN_COLS} FROM ${PLAN_FROM} WHERE p.id = ?`).get(id) as PlanRow | undefined;
  }

  plans(): PlanRow[] {
    return this.db.prepare(`SELECT ${PLAN_COLS} FROM ${PLAN_FROM} ORDER BY p.id DESC`).all() as PlanRow[];
  }

  assignments(planId: number): AssignmentRow[] {
    return this.db.prepare(`SELECT ${ASSIGN_COLS} FROM ${ASSIGN_FROM} WHERE a.plan_id = ? ORDER BY a.draw_rank`).all(planId) as AssignmentRow[];
  }

  assignment(id: number): AssignmentRow | undefined {
    return this.db.prepare(`SELECT ${ASSIGN_COLS} FROM ${ASSIGN_FROM} WHERE a.id = ?`).get(id) as AssignmentRow | undefined;
  }

  ofInspector(userId: number): AssignmentRow[] {
    return this.db
      .prepare(`SELECT ${ASSIGN_COLS} FROM ${ASSIGN_FROM} WHERE a.inspector_id = ? ORDER BY a.plan_id DESC, a.draw_rank`)
      .all(userId) as AssignmentRow[];
  }

  ofCase(caseId: number): AssignmentRow[] {
    return this.db.prepare(`SELECT ${ASSIGN_COLS} FROM ${ASSIGN_FROM} WHERE a.case_id = ? ORDER BY a.plan_id DESC`).all(caseId) as AssignmentRow[];
  }

  caseHasClips(caseId: number): boolean {
    return this.db.prepare('SELECT 1 FROM clip_links WHERE case_id = ? AND removed_at IS NULL LIMIT 1').get(caseId) !== undefined;
  }

  /** A clip linked to the case (now or when sealed), with its name and length. */
  caseClip(caseId: number, clipId: number): { id: number; fileName: string; durationSec: number | null } | undefined {
    return this.db
      .prepare(
        'SELECT c.id, c.original_name AS fileName, c.duration_sec AS durationSec FROM clips c WHERE c.id = ? AND EXISTS (SELECT 1 FROM clip_links l WHERE l.clip_id = c.id AND l.case_id = ?)',
      )
      .get(clipId, caseId) as { id: number; fileName: string; durationSec: number | null } | undefined;
  }

  assign(id: number, a: { inspectorId: number; now: string; by: number; grantId: number | null; grantNote: string | null }): void {
    this.db
      .prepare('UPDATE review_assignments SET inspector_id = ?, assigned_at = ?, assigned_by = ?, grant_id = ?, grant_note = ? WHERE id = ?')
      .run(a.inspectorId, a.now, a.by, a.grantId, a.grantNote, id);
  }
}
