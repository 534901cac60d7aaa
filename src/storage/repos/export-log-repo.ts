import type { Db } from '../db.js';

/** What the audit log says about past exports (the `dossier.export` entries), for crash recovery and fsck. */
export class ExportLogRepo {
  constructor(private readonly db: Db) {}

  /** True when the export with this id committed its audit entry. */
  committed(exportId: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM audit_log WHERE action = 'dossier.export' AND json_extract(detail, '$.exportId') = ? LIMIT 1").get(exportId) !== undefined
    );
  }

  /** Every folder an export was written to (the volume folder and the 移交包), newest first. */
  folders(): string[] {
    const rows = this.db
      .prepare(
        `SELECT json_extract(detail, '$.folder') AS f, json_extract(detail, '$.package.folder') AS p FROM audit_log
         WHERE action = 'dossier.export' AND json_valid(detail) ORDER BY seq DESC`,
      )
      .all() as { f: string | null; p: string | null }[];
    return [...new Set(rows.flatMap((r) => [r.f, r.p]).filter((x): x is string => typeof x === 'string'))];
  }
}
