import type { SealedDossierSummary } from '../../api/types-dossier.js';
import type { Db } from '../db.js';

/** Dossiers, their versions, member cases, acknowledged warnings and recorded order deviations. */
export interface DossierRow {
  id: number;
  scope: 'case' | 'batch';
  caseId: number | null;
  batchKey: string | null;
  title: string;
  createdAt: string;
}

export interface VersionRow {
  id: number;
  dossierId: number;
  versionNo: number;
  status: 'draft' | 'sealed';
  supersedesId: number | null;
  correctionReason: string | null;
  openedAt: string;
  openedBy: string;
  manualOrder: string | null;
  profileId: string | null;
  profileVersion: string | null;
  archiveYear: number | null;
  archiveSerial: number | null;
  archiveNo: string | null;
  archiveCode: string | null;
  fondsNo: string | null;
  catalogNo: string | null;
  retention: string | null;
  appraisalDue: string | null;
  checker: string | null;
  sealedAt: string | null;
  sealedBy: string | null;
  boundSha256: string | null;
}

export interface AckRow {
  caseId: number;
  key: string;
  text: string;
  reason: string;
  by: string;
  at: string;
}

export interface SealFields {
  profileId: string;
  profileVersion: string;
  profileJson: string;
  archiveYear: number;
  archiveSerial: number;
  archiveNo: string;
  archiveCode: string | null;
  fondsNo: string | null;
  catalogNo: string | null;
  retention: string;
  appraisalDue: string | null;
  checker: string | null;
  sealedAt: string;
  sealedBy: number;
  boundJson: string;
  boundSha256: string;
}

const DOSSIER_COLS = 'id, scope, case_id AS caseId, batch_key AS batchKey, title, created_at AS createdAt';
const VERSION_COLS = `v.id, v.dossier_id AS dossierId, v.version_no AS versionNo, v.status, v.supersedes_id AS supersedesId,
  v.correction_reason AS correctionReason, v.opened_at AS openedAt, ou.display_name AS openedBy, v.manual_order AS manualOrder,
  v.profile_id AS profileId, v.profile_version AS profileVersion, v.archive_year AS archiveYear, v.archive_serial AS archiveSerial,
  v.archive_no AS archiveNo, v.archive_code AS archiveCode, v.fonds_no AS fondsNo, v.catalog_no AS catalogNo, v.retention,
  v.appraisal_due AS appraisalDue, v.checker, v.sealed_at AS sealedAt, su.display_name AS sealedBy, v.bound_sha256 AS boundSha256`;
const VERSION_FROM = 'dossier_versions v JOIN users ou ON ou.id = v.opened_by LEFT JOIN users su ON su.id = v.sealed_by';

/** The SQL condition "case ? is frozen": in a dossier whose current version is sealed. */
export const CASE_SEALED_SQL = `SELECT v.dossier_id AS dossierId FROM dossier_cases dc JOIN dossier_versions v ON v.id = dc.version_id
  WHERE dc.case_id = ? AND v.status = 'sealed'
    AND v.version_no = (SELECT max(w.version_no) FROM dossier_versions w WHERE w.dossier_id = v.dossier_id)`;

export class DossierRepo {
  constructor(private readonly db: Db) {}

  byId(id: number): DossierRow | undefined {
    return this.db.prepare(`SELECT ${DOSSIER_COLS} FROM dossiers WHERE id = ?`).get(id) as DossierRow | undefined;
  }

  byCase(caseId: number): DossierRow | undefined {
    return this.db.prepare(`SELECT ${DOSSIER_COLS} FROM dossiers WHERE case_id = ?`).get(caseId) as DossierRow | undefined;
  }

  insert(d: { scope: 'case' | 'batch'; caseId: number | null; batchKey: string | null; title: string; by: number; now: string }): number {
    const r = this.db
      .prepare('INSERT INTO dossiers (scope, case_id, batch_key, title, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(d.scope, d.caseId, d.batchKey, d.title, d.now, d.by);
    return Number(r.lastInsertRowid);
  }

  /** How many 简易 batch dossiers were made for a year (batch keys are `YYYY:n`). */
  batchCount(year: string): number {
    return (this.db.prepare("SELECT count(*) AS n FROM dossiers WHERE scope = 'batch' AND batch_key LIKE ? || ':%'").get(year) as { n: number }).n;
  }

  /** The dossier holding a case in its current, sealed version (a case's own or a 简易 batch), if any. */
  sealedDossierOfCase(caseId: number): number | undefined {
    return (this.db.prepare(CASE_SEALED_SQL).get(caseId) as { dossierId: number } | undefined)?.dossierId;
  }

  /**
   * Every case whose dossier's latest version is sealed, with what a list shows of it: numbers,
   * 保管期限 (as printed, from the stored bound dossier), volumes and pages. One query, no binding.
   */
  sealedSummaries(): SealedDossierSummary[] {
    return this.db
      .prepare(
        `SELECT dc.case_id AS caseId, d.id AS dossierId, d.scope, v.version_no AS versionNo, v.archive_no AS archiveNo, v.archive_code AS archiveCode,
           coalesce(json_extract(v.bound_json, '$.retention.label'), v.retention, '') AS retention,
           (SELECT count(*) FROM dossier_volumes x WHERE x.version_id = v.id) AS volumes,
           (SELECT coalesce(sum(x.page_count), 0) FROM dossier_volumes x WHERE x.version_id = v.id) AS pages,
           v.sealed_at AS sealedAt
         FROM dossier_versions v JOIN dossiers d ON d.id = v.dossier_id JOIN dossier_cases dc ON dc.version_id = v.id
         WHERE v.status = 'sealed' AND v.version_no = (SELECT max(w.version_no) FROM dossier_versions w WHERE w.dossier_id = v.dossier_id)
         ORDER BY dc.case_id`,
      )
      .all() as SealedDossierSummary[];
  }

  versions(dossierId: number): VersionRow[] {
    return this.db.prepare(`SELECT ${VERSION_COLS} FROM ${VERSION_FROM} WHERE v.dossier_id = ? ORDER BY v.version_no`).all(dossierId) as VersionRow[];
  }

  version(id: number): VersionRow | undefined {
    return this.db.prepare(`SELECT ${VERSION_COLS} FROM ${VERSION_FROM} WHERE v.id = ?`).get(id) as VersionRow | undefined;
  }

  latest(dossierId: number): VersionRow | undefined {
    return this.db.prepare(`SELECT ${VERSION_COLS} FROM ${VERSION_FROM} WHERE v.dossier_id = ? ORDER BY v.version_no DESC LIMIT 1`).get(dossierId) as
      VersionRow | undefined;
  }

  insertVersion(v: {
    dossierId: number;
    versionNo: number;
    supersedesId: number | null;
    reason: string | null;
    manualOrder: string | null;
    by: number;
    now: string;
  }): number {
    const r = this.db
      .prepare(
        `INSERT INTO dossier_versions (dossier_id, version_no, status, supersedes_id, correction_reason, opened_at, opened_by, manual_order)
         VALUES (?, ?, 'draft', ?, ?, ?, ?, ?)`,
      )
      .run(v.dossierId, v.versionNo, v.supersedesId, v.reason, v.now, v.by, v.manualOrder);
    return Number(r.lastInsertRowid);
  }

  setManualOrder(versionId: number, json: string | null): void {
    this.db.prepare('UPDATE dossier_versions SET manual_order = ? WHERE id = ?').run(json, versionId);
  }

  seal(versionId: number, f: SealFields): void {
    this.db
      .prepare(
        `UPDATE dossier_versions SET status = 'sealed', profile_id = @profileId, profile_version = @profileVersion, profile_json = @profileJson,
          archive_year = @archiveYear, archive_serial = @archiveSerial, archive_no = @archiveNo, archive_code = @archiveCode,
          fonds_no = @fondsNo, catalog_no = @catalogNo, retention = @retention, appraisal_due = @appraisalDue, checker = @checker,
          sealed_at = @sealedAt, sealed_by = @sealedBy, bound_json = @boundJson, bound_sha256 = @boundSha256
         WHERE id = @id AND status = 'draft'`,
      )
      .run({ ...f, id: versionId });
  }

  boundJson(versionId: number): string | undefined {
    return (this.db.prepare('SELECT bound_json AS j FROM dossier_versions WHERE id = ?').get(versionId) as { j: string | null } | undefined)?.j ?? undefined;
  }

  caseIds(versionId: number): number[] {
    return (this.db.prepare('SELECT case_id AS id FROM dossier_cases WHERE version_id = ? ORDER BY seq').all(versionId) as { id: number }[]).map((r) => r.id);
  }

  setCases(versionId: number, caseIds: readonly number[]): void {
    this.db.prepare('DELETE FROM dossier_cases WHERE version_id = ?').run(versionId);
    const ins = this.db.prepare('INSERT INTO dossier_cases (version_id, case_id, seq) VALUES (?, ?, ?)');
    caseIds.forEach((id, i) => ins.run(versionId, id, i + 1));
  }

  acks(versionId: number): AckRow[] {
    return this.db
      .prepare(
        'SELECT case_id AS caseId, warning_key AS key, warning_text AS text, reason, by_name AS by, at FROM dossier_acknowledgements WHERE version_id = ? ORDER BY id',
      )
      .all(versionId) as AckRow[];
  }

  putAck(versionId: number, a: { caseId: number; key: string; text: string; reason: string; byUser: number; byName: string; at: string }): void {
    this.db
      .prepare(
        `INSERT INTO dossier_acknowledgements (version_id, case_id, warning_key, warning_text, reason, by_user, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (version_id, case_id, warning_key) DO UPDATE SET warning_text = excluded.warning_text, reason = excluded.reason,
           by_user = excluded.by_user, by_name = excluded.by_name, at = excluded.at`,
      )
      .run(versionId, a.caseId, a.key, a.text, a.reason, a.byUser, a.byName, a.at);
  }

  replaceDeviations(
    versionId: number,
    rows: readonly { caseId: number; documentId: number; profilePosition: number; actualPosition: number; reason: string | null }[],
    by: number,
    at: string,
  ): void {
    this.db.prepare('DELETE FROM dossier_deviations WHERE version_id = ?').run(versionId);
    const ins = this.db.prepare(
      'INSERT INTO dossier_deviations (version_id, case_id, document_id, profile_position, actual_position, reason, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of rows) ins.run(versionId, r.caseId, r.documentId, r.profilePosition, r.actualPosition, r.reason, by, at);
  }
}
