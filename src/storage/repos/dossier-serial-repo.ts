import type { Db } from '../db.js';

/**
 * The yearly 归档号 serial. `allocate` steps the year's counter by one and `issue` records the number
 * at that step; both run inside the sealing transaction (IMMEDIATE, so two processes take turns), so a
 * rolled-back seal leaves no gap and a committed one is never reused. Triggers refuse any other change.
 */
export interface IssuedNumber {
  year: number;
  serial: number;
  archiveNo: string;
  dossierId: number;
  subject: string;
  issuedAt: string;
}

export class DossierSerialRepo {
  constructor(private readonly db: Db) {}

  allocate(year: number): number {
    const r = this.db
      .prepare(
        'INSERT INTO archive_serials (year, last_serial) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last_serial = last_serial + 1 RETURNING last_serial AS serial',
      )
      .get(year) as { serial: number };
    return r.serial;
  }

  last(year: number): number {
    return (this.db.prepare('SELECT last_serial AS s FROM archive_serials WHERE year = ?').get(year) as { s: number } | undefined)?.s ?? 0;
  }

  issue(n: IssuedNumber): void {
    this.db
      .prepare('INSERT INTO archive_numbers (year, serial, archive_no, dossier_id, subject, issued_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(n.year, n.serial, n.archiveNo, n.dossierId, n.subject, n.issuedAt);
  }

  ofDossier(dossierId: number): IssuedNumber | undefined {
    return this.db
      .prepare(
        'SELECT year, serial, archive_no AS archiveNo, dossier_id AS dossierId, subject, issued_at AS issuedAt FROM archive_numbers WHERE dossier_id = ?',
      )
      .get(dossierId) as IssuedNumber | undefined;
  }

  byArchiveNo(archiveNo: string): IssuedNumber | undefined {
    return this.db
      .prepare(
        'SELECT year, serial, archive_no AS archiveNo, dossier_id AS dossierId, subject, issued_at AS issuedAt FROM archive_numbers WHERE archive_no = ?',
      )
      .get(archiveNo) as IssuedNumber | undefined;
  }

  list(year?: number): IssuedNumber[] {
    const sql = `SELECT year, serial, archive_no AS archiveNo, dossier_id AS dossierId, subject, issued_at AS issuedAt FROM archive_numbers
      ${year === undefined ? '' : 'WHERE year = ?'} ORDER BY year, serial`;
    return (year === undefined ? this.db.prepare(sql).all() : this.db.prepare(sql).all(year)) as IssuedNumber[];
  }
}
