import type { OfficerStatus } from '../../domain/officer.js';
import type { Db } from '../db.js';

export interface OfficerRow {
  id: number;
  certNo: string;
  name: string;
  post: string | null;
  unit: string | null;
  registeredAt: string | null;
  registeredBy: string | null;
  caseCount: number;
}

export interface CertificateRow {
  id: number;
  officerId: number;
  certNo: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface StatusRow {
  id: number;
  officerId: number;
  status: OfficerStatus;
  from: string;
  reason: string | null;
  createdAt: string;
  createdBy: string | null;
}

const OFFICER_SQL = `SELECT o.id, o.cert_no AS certNo, o.name, o.post, o.unit, o.registered_at AS registeredAt, u.display_name AS registeredBy,
    (SELECT count(DISTINCT co.case_id) FROM case_officers co WHERE co.officer_id = o.id) AS caseCount
  FROM officers o LEFT JOIN users u ON u.id = o.registered_by`;

/** The officer register: officers (by 执法证号), their certificates and status history (both append-only). */
export class OfficerRepo {
  constructor(private readonly db: Db) {}

  byId(id: number): OfficerRow | undefined {
    return this.db.prepare(`${OFFICER_SQL} WHERE o.id = ?`).get(id) as OfficerRow | undefined;
  }

  byCertNo(certNo: string): OfficerRow | undefined {
    return this.db.prepare(`${OFFICER_SQL} WHERE o.cert_no = ?`).get(certNo) as OfficerRow | undefined;
  }

  /** Every officer, or those whose name or 执法证号 contains `query`. */
  list(query?: string): OfficerRow[] {
    if (!query) return this.db.prepare(`${OFFICER_SQL} ORDER BY o.name, o.cert_no`).all() as OfficerRow[];
    const q = `%${query.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    return this.db
      .prepare(`${OFFICER_SQL} WHERE o.name LIKE ? ESCAPE '\\' OR o.cert_no LIKE ? ESCAPE '\\' ORDER BY o.name, o.cert_no`)
      .all(q, q) as OfficerRow[];
  }

  insert(o: { certNo: string; name: string; post: string | null; unit: string | null; by: number | null; now: string }): number {
    const r = this.db
      .prepare('INSERT INTO officers (cert_no, name, post, unit, registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(o.certNo, o.name, o.post, o.unit, o.now, o.by);
    return Number(r.lastInsertRowid);
  }

  /** Enters an officer already known from cases into the register (sets the registration and the given fields). */
  register(id: number, o: { name: string; post: string | null; unit: string | null; by: number | null; now: string }): void {
    this.db
      .prepare('UPDATE officers SET name = ?, post = ?, unit = ?, registered_at = ?, registered_by = ? WHERE id = ?')
      .run(o.name, o.post, o.unit, o.now, o.by, id);
  }

  update(id: number, o: { name: string; post: string | null; unit: string | null }): void {
    this.db.prepare('UPDATE officers SET name = ?, post = ?, unit = ? WHERE id = ?').run(o.name, o.post, o.unit, id);
  }

  addCertificate(c: {
    officerId: number;
    certNo: string;
    issuer: string;
    validFrom: string;
    validTo: string;
    note: string | null;
    by: number | null;
    now: string;
  }): number {
    const r = this.db
      .prepare(
        'INSERT INTO officer_certificates (officer_id, cert_no, issuer, valid_from, valid_to, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(c.officerId, c.certNo, c.issuer, c.validFrom, c.validTo, c.note, c.now, c.by);
    return Number(r.lastInsertRowid);
  }

  addStatus(s: { officerId: number; status: OfficerStatus; from: string; reason: string | null; by: number | null; now: string }): number {
    const r = this.db
      .prepare('INSERT INTO officer_status (officer_id, status, from_day, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.officerId, s.status, s.from, s.reason, s.now, s.by);
    return Number(r.lastInsertRowid);
  }

  certificates(officerId: number): CertificateRow[] {
    return this.db
      .prepare(
        `SELECT c.id, c.officer_id AS officerId, c.cert_no AS certNo, c.issuer, c.valid_from AS validFrom, c.valid_to AS validTo, c.note,
           c.created_at AS createdAt, u.display_name AS createdBy
         FROM officer_certificates c LEFT JOIN users u ON u.id = c.created_by WHERE c.officer_id = ? ORDER BY c.valid_from, c.id`,
      )
      .all(officerId) as CertificateRow[];
  }

  statuses(officerId: number): StatusRow[] {
    return this.db
      .prepare(
        `SELECT s.id, s.officer_id AS officerId, s.status, s.from_day AS "from", s.reason, s.created_at AS createdAt, u.display_name AS createdBy
         FROM officer_status s LEFT JOIN users u ON u.id = s.created_by WHERE s.officer_id = ? ORDER BY s.from_day, s.id`,
      )
      .all(officerId) as StatusRow[];
  }
}
