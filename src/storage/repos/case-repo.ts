import type { CaseSummary } from '../../api/types.js';
import type { CaseInput, CaseOfficer, Party } from '../../domain/case.js';
import type { Db } from '../db.js';

export interface CaseRow {
  id: number;
  caseNo: string;
  title: string;
  cause: string;
  procedure: 'general' | 'summary';
  decisionNo: string | null;
  source: string | null;
  organ: string | null;
  unit: string | null;
  filedOn: string | null;
  investigationConcludedOn: string | null;
  noticeServedOn: string | null;
  decidedOn: string | null;
  servedOn: string | null;
  executedOn: string | null;
  closedOn: string;
  extra: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

const CASE_COLS = `c.id, c.case_no AS caseNo, c.title, c.cause, c.procedure, c.decision_no AS decisionNo, c.source, c.organ, c.unit,
  c.filed_on AS filedOn, c.investigation_concluded_on AS investigationConcludedOn, c.notice_served_on AS noticeServedOn,
  c.decided_on AS decidedOn, c.served_on AS servedOn, c.executed_on AS executedOn, c.closed_on AS closedOn, c.extra,
  c.created_at AS createdAt, u.display_name AS createdBy, c.updated_at AS updatedAt`;

const SUMMARY_SQL = `SELECT c.id, c.case_no AS caseNo, c.title, c.cause, c.procedure, c.decision_no AS decisionNo,
    c.filed_on AS filedOn, c.closed_on AS closedOn, c.updated_at AS updatedAt,
    (SELECT group_concat(name, '、') FROM (SELECT name FROM parties p WHERE p.case_id = c.id ORDER BY seq)) AS partyNames,
    (SELECT count(*) FROM documents d WHERE d.case_id = c.id AND d.removed_at IS NULL) AS documentCount,
    (SELECT count(*) FROM pages pg JOIN documents d ON d.id = pg.document_id WHERE d.case_id = c.id AND d.removed_at IS NULL) AS pageCount
  FROM cases c`;

export class CaseRepo {
  constructor(private readonly db: Db) {}

  idByCaseNo(caseNo: string): number | undefined {
    return (this.db.prepare('SELECT id FROM cases WHERE case_no = ?').get(caseNo) as { id: number } | undefined)?.id;
  }

  row(id: number): CaseRow | undefined {
    return this.db.prepare(`SELECT ${CASE_COLS} FROM cases c JOIN users u ON u.id = c.created_by WHERE c.id = ?`).get(id) as CaseRow | undefined;
  }

  summary(id: number): CaseSummary | undefined {
    const r = this.db.prepare(`${SUMMARY_SQL} WHERE c.id = ?`).get(id) as (Omit<CaseSummary, 'partyNames'> & { partyNames: string | null }) | undefined;
    return r && { ...r, partyNames: splitNames(r.partyNames) };
  }

  list(f: { query?: string; procedure?: string; year?: number }): CaseSummary[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (f.query) {
      where.push("c.search_text LIKE @q ESCAPE '\\'");
      params.q = `%${f.query.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    }
    if (f.procedure) {
      where.push('c.procedure = @procedure');
      params.procedure = f.procedure;
    }
    if (f.year) {
      where.push('substr(c.closed_on, 1, 4) = @year');
      params.year = String(f.year);
    }
    const sql = `${SUMMARY_SQL} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY c.closed_on DESC, c.id DESC`;
    return (this.db.prepare(sql).all(params) as (Omit<CaseSummary, 'partyNames'> & { partyNames: string | null })[]).map((r) => ({
      ...r,
      partyNames: splitNames(r.partyNames),
    }));
  }

  parties(caseId: number): Party[] {
    return (this.db.prepare('SELECT data FROM parties WHERE case_id = ? ORDER BY seq').all(caseId) as { data: string }[]).map(
      (r) => JSON.parse(r.data) as Party,
    );
  }

  officers(caseId: number): CaseOfficer[] {
    return (
      this.db
        .prepare(
          'SELECT co.name, o.cert_no AS certNo, co.post, co.roles FROM case_officers co JOIN officers o ON o.id = co.officer_id WHERE co.case_id = ? ORDER BY co.seq',
        )
        .all(caseId) as { name: string; certNo: string; post: string | null; roles: string }[]
    ).map((r) => ({ name: r.name, certNo: r.certNo, post: r.post, roles: JSON.parse(r.roles) as string[] }));
  }

  insert(c: CaseInput, by: number, now: string): number {
    const r = this.db
      .prepare(
        `INSERT INTO cases (case_no, title, cause, procedure, decision_no, source, organ, unit, filed_on, investigation_concluded_on,
          notice_served_on, decided_on, served_on, executed_on, closed_on, extra, search_text, created_at, created_by, updated_at)
         VALUES (@caseNo, @title, @cause, @procedure, @decisionNo, @source, @organ, @unit, @filed, @investigationConcluded,
          @noticeServed, @decision, @served, @executed, @closed, @extra, @searchText, @now, @by, @now)`,
      )
      .run({ ...flat(c), by, now });
    const id = Number(r.lastInsertRowid);
    this.writeChildren(id, c);
    return id;
  }

  update(id: number, c: CaseInput, now: string): void {
    this.db
      .prepare(
        `UPDATE cases SET case_no = @caseNo, title = @title, cause = @cause, procedure = @procedure, decision_no = @decisionNo,
          source = @source, organ = @organ, unit = @unit, filed_on = @filed, investigation_concluded_on = @investigationConcluded,
          notice_served_on = @noticeServed, decided_on = @decision, served_on = @served, executed_on = @executed,
          closed_on = @closed, extra = @extra, search_text = @searchText, updated_at = @now WHERE id = @id`,
      )
      .run({ ...flat(c), now, id });
    this.db.prepare('DELETE FROM parties WHERE case_id = ?').run(id);
    this.db.prepare('DELETE FROM case_officers WHERE case_id = ?').run(id);
    this.writeChildren(id, c);
  }

  touch(id: number, now: string): void {
    this.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(now, id);
  }

  private writeChildren(caseId: number, c: CaseInput): void {
    const party = this.db.prepare('INSERT INTO parties (case_id, seq, type, name, id_number, credit_code, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
    c.parties.forEach((p, i) => {
      party.run(
        caseId,
        i + 1,
        p.type,
        p.name,
        p.type === 'person' ? (p.idNumber ?? null) : null,
        p.type === 'organisation' ? (p.creditCode ?? null) : null,
        JSON.stringify(p),
      );
    });
    const upsertOfficer = this.db.prepare(
      `INSERT INTO officers (cert_no, name, post) VALUES (?, ?, ?)
       ON CONFLICT(cert_no) DO UPDATE SET name = excluded.name, post = coalesce(excluded.post, officers.post) RETURNING id`,
    );
    const link = this.db.prepare('INSERT INTO case_officers (case_id, officer_id, seq, name, post, roles) VALUES (?, ?, ?, ?, ?, ?)');
    c.officers.forEach((o, i) => {
      const { id } = upsertOfficer.get(o.certNo, o.name, o.post ?? null) as { id: number };
      link.run(caseId, id, i + 1, o.name, o.post ?? null, JSON.stringify(o.roles));
    });
  }
}

function flat(c: CaseInput) {
  const d = c.dates;
  return {
    caseNo: c.caseNo,
    title: c.title,
    cause: c.cause,
    procedure: c.procedure,
    decisionNo: c.decisionNo ?? null,
    source: c.source ?? null,
    organ: c.organ ?? null,
    unit: c.unit ?? null,
    filed: d.filed ?? null,
    investigationConcluded: d.investigationConcluded ?? null,
    noticeServed: d.noticeServed ?? null,
    decision: d.decision ?? null,
    served: d.served ?? null,
    executed: d.executed ?? null,
    closed: d.closed,
    extra: c.extra ? JSON.stringify(c.extra) : null,
    searchText: [c.caseNo, c.title, c.cause, c.decisionNo ?? '', ...c.parties.map((p) => p.name), ...c.officers.map((o) => `${o.name} ${o.certNo}`)].join(' '),
  };
}

function splitNames(s: string | null): string[] {
  return s ? s.split('、') : [];
}
