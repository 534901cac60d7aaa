import type { Db } from '../db.js';

/** What the 长期保存环节 四性检测 reads from the catalogue: issued 归档号, sealed versions, the database's own check. */
export interface SealedVersionRow {
  id: number;
  dossierId: number;
  versionNo: number;
  archiveNo: string;
  archiveCode: string | null;
  sealedAt: string;
  boundJson: string;
  boundSha256: string | null;
}

export class FournessRepo {
  constructor(private readonly db: Db) {}

  /** Issued 归档号 serials per year, in order. */
  serials(): { year: number; serial: number; archiveNo: string }[] {
    return this.db.prepare('SELECT year, serial, archive_no AS archiveNo FROM archive_numbers ORDER BY year, serial').all() as {
      year: number;
      serial: number;
      archiveNo: string;
    }[];
  }

  /** The last serial each year's counter handed out. */
  counters(): Map<number, number> {
    const rows = this.db.prepare('SELECT year, last_serial AS last FROM archive_serials').all() as { year: number; last: number }[];
    return new Map(rows.map((r) => [r.year, r.last]));
  }

  sealedVersions(): SealedVersionRow[] {
    return this.db
      .prepare(
        `SELECT id, dossier_id AS dossierId, version_no AS versionNo, archive_no AS archiveNo, archive_code AS archiveCode,
                sealed_at AS sealedAt, bound_json AS boundJson, bound_sha256 AS boundSha256
           FROM dossier_versions WHERE status = 'sealed' ORDER BY id`,
      )
      .all() as SealedVersionRow[];
  }

  /** PRAGMA integrity_check: 'ok', or the problems SQLite names. */
  integrity(): string[] {
    return (this.db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check);
  }

  /** How many audit entries name each action on a dossier (the seal must be there). */
  sealedDossiersWithoutSealEntry(): number[] {
    return (
      this.db
        .prepare(
          `SELECT DISTINCT v.dossier_id AS id FROM dossier_versions v WHERE v.status = 'sealed' AND NOT EXISTS (
             SELECT 1 FROM audit_log a WHERE a.target_type = 'dossier' AND a.target_id = CAST(v.dossier_id AS TEXT) AND a.action IN ('dossier.seal', 'dossier.sealBatch', 'dossier.correct'))`,
        )
        .all() as { id: number }[]
    ).map((r) => r.id);
  }
}
