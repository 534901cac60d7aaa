import type { SearchKind } from '../../api/types-search.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db.js';

/** The text part of a search, already an FTS5 expression: `trigram` on search_<kind>, `short` on search_<kind>_uni. */
export interface PhraseMatch {
  index: 'trigram' | 'short';
  match: string;
}

/** How many spellings of a 案号/文号 one exact lookup takes (a fixed count keeps one prepared statement). */
export const NUMBER_SPELLINGS = 6;

/**
 * A whole 案号/文号, answered from `cases.case_no` (UNIQUE) and `documents.doc_no` (migration 0009)
 * instead of a phrase of ~14 trigrams: its spellings (bracket variants), at most NUMBER_SPELLINGS.
 * Only for the kinds that carry such numbers (NUMBER_KINDS).
 */
export interface NumberMatch {
  index: 'number';
  values: readonly string[];
}

export type TextMatch = PhraseMatch | NumberMatch;

/** The kinds a NumberMatch looks up: a case by its 案号, documents by their 文号 or their case's 案号. */
export const NUMBER_KINDS: readonly SearchKind[] = ['case', 'document'];

const SPELLINGS = Array.from({ length: NUMBER_SPELLINGS }, (_, i) => `@n${i}`).join(', ');

/** Documents carrying the number, or of the case that does; removed documents are not searchable (as in the index). */
const NUMBER_WHERE: Partial<Record<SearchKind, string>> = {
  case: `b.case_no IN (${SPELLINGS})`,
  document: `b.removed_at IS NULL AND (b.doc_no IN (${SPELLINGS}) OR b.case_id IN (SELECT c.id FROM cases c WHERE c.case_no IN (${SPELLINGS})))`,
};

function spellingParams(values: readonly string[]): Record<string, string> {
  if (values.length === 0 || values.length > NUMBER_SPELLINGS) throw new Error(`a number lookup takes 1–${NUMBER_SPELLINGS} spellings`);
  return Object.fromEntries(Array.from({ length: NUMBER_SPELLINGS }, (_, i) => [`n${i}`, values[i] ?? values[0]!]));
}

/** Filters in catalogue terms (instants in UTC, dates as stored, ids resolved). */
export interface SearchFilterSql {
  fromUtc?: string;
  toUtc?: string;
  fromDate?: string;
  toDate?: string;
  officerId?: number;
  deviceSerial?: string;
  activity?: string;
  status?: 'open' | 'sealed';
  linked?: boolean;
}

const BASE: Record<SearchKind, string> = { case: 'cases', officer: 'officers', device: 'devices', clip: 'clips', document: 'documents', scan: 'page_ocr' };

/** A condition on the live documents a scanned page (page_ocr row `b`) belongs to (indexes of migration 0011). */
const SCAN_DOCUMENT = (cond: string) => `EXISTS (SELECT 1 FROM document_files f JOIN pages p ON p.file_id = f.id AND p.source_page = b.source_page
  JOIN documents d ON d.id = p.document_id AND d.removed_at IS NULL WHERE f.object_sha256 = b.object_sha256 AND ${cond})`;

/** The case's current dossier version is sealed (as in migration 0003's freeze triggers). */
const SEALED = (caseIdExpr: string) => `EXISTS (
  SELECT 1 FROM dossier_cases dc JOIN dossier_versions v ON v.id = dc.version_id
  WHERE dc.case_id = ${caseIdExpr} AND v.status = 'sealed'
    AND v.version_no = (SELECT max(w.version_no) FROM dossier_versions w WHERE w.dossier_id = v.dossier_id))`;

const ACTIVE_CASE_LINK = `SELECT 1 FROM clip_links l WHERE l.clip_id = b.id AND l.case_id IS NOT NULL AND l.removed_at IS NULL`;

/**
 * Clips of an officer: linked to them, or recorded on a camera while the register says they held it.
 * Driven from the officer's register entries (clips_device index), never a scan of clips.
 */
const OFFICER_CLIPS = (f: SearchFilterSql) => `b.id IN (
  SELECT c2.id FROM device_assignments a JOIN devices d ON d.id = a.device_id
    JOIN clips c2 ON c2.device_serial = d.serial AND c2.start_utc >= a.from_utc AND (a.to_utc IS NULL OR c2.start_utc < a.to_utc)
  WHERE a.officer_id = @officerId${f.fromUtc !== undefined ? ' AND c2.start_utc >= @fromUtc' : ''}${f.toUtc !== undefined ? ' AND c2.start_utc < @toUtc' : ''}
  UNION SELECT l.clip_id FROM clip_links l WHERE l.officer_id = @officerId AND l.removed_at IS NULL)`;

function whereFor(kind: SearchKind, f: SearchFilterSql, text: boolean): string[] {
  const w: string[] = [];
  switch (kind) {
    case 'case':
      if (f.fromDate !== undefined) w.push('b.closed_on >= @fromDate');
      if (f.toDate !== undefined) w.push('coalesce(b.filed_on, b.closed_on) <= @toDate');
      if (f.officerId !== undefined) w.push('b.id IN (SELECT case_id FROM case_officers WHERE officer_id = @officerId)');
      if (f.status !== undefined) w.push(f.status === 'sealed' ? SEALED('b.id') : `NOT ${SEALED('b.id')}`);
      break;
    case 'clip': {
      // Disposed clips are not in the search index (migration 0005); without text they are filtered here.
      if (!text) w.push('b.disposal_id IS NULL');
      // With an officer the register drives the plan; `+` keeps the planner off clips_start then.
      const t = f.officerId !== undefined ? '+b.start_utc' : 'b.start_utc';
      if (f.officerId !== undefined) w.push(OFFICER_CLIPS(f));
      if (f.fromUtc !== undefined) w.push(`${t} >= @fromUtc`);
      if (f.toUtc !== undefined) w.push(`${t} < @toUtc`);
      if (f.deviceSerial !== undefined) w.push('b.device_serial = @deviceSerial');
      if (f.activity !== undefined) w.push('EXISTS (SELECT 1 FROM clip_links l WHERE l.clip_id = b.id AND l.activity = @activity AND l.removed_at IS NULL)');
      if (f.linked !== undefined) w.push(f.linked ? `EXISTS (${ACTIVE_CASE_LINK})` : `NOT EXISTS (${ACTIVE_CASE_LINK})`);
      if (f.status !== undefined) w.push(`EXISTS (${ACTIVE_CASE_LINK} AND ${f.status === 'sealed' ? '' : 'NOT '}${SEALED('l.case_id')})`);
      break;
    }
    case 'document':
      if (f.fromDate !== undefined) w.push('b.doc_date >= @fromDate');
      if (f.toDate !== undefined) w.push('b.doc_date <= @toDate');
      if (f.officerId !== undefined) w.push('b.case_id IN (SELECT case_id FROM case_officers WHERE officer_id = @officerId)');
      if (f.status !== undefined) w.push(f.status === 'sealed' ? SEALED('b.case_id') : `NOT ${SEALED('b.case_id')}`);
      break;
    case 'scan':
      if (f.fromDate !== undefined) w.push(SCAN_DOCUMENT('d.doc_date >= @fromDate'));
      if (f.toDate !== undefined) w.push(SCAN_DOCUMENT('d.doc_date <= @toDate'));
      if (f.officerId !== undefined) w.push(SCAN_DOCUMENT('d.case_id IN (SELECT case_id FROM case_officers WHERE officer_id = @officerId)'));
      if (f.status !== undefined) w.push(SCAN_DOCUMENT(f.status === 'sealed' ? SEALED('d.case_id') : `NOT ${SEALED('d.case_id')}`));
      break;
    case 'officer':
      if (f.officerId !== undefined) w.push('b.id = @officerId');
      break;
    case 'device':
      if (f.deviceSerial !== undefined) w.push('b.serial = @deviceSerial');
      break;
  }
  return w;
}

/** Newest first without text: clips by recording time, cases by closing date, the rest by id. */
const BROWSE_ORDER: Record<SearchKind, string> = {
  case: 'b.closed_on DESC, b.id DESC',
  clip: 'b.start_utc DESC NULLS LAST, b.id DESC',
  officer: 'b.id DESC',
  device: 'b.id DESC',
  document: 'b.id DESC',
  scan: 'b.id DESC',
};

export interface CaseSearchRow {
  id: number;
  caseNo: string;
  title: string;
  cause: string;
  closedOn: string;
  sealed: number;
  hasDossier: number;
}
export interface PartySearchRow {
  caseId: number;
  name: string;
  address: string | null;
}
export interface OfficerSearchRow {
  id: number;
  name: string;
  certNo: string;
  post: string | null;
}
export interface DeviceSearchRow {
  id: number;
  serial: string;
  model: string | null;
  note: string | null;
}
export interface ClipSearchRow {
  id: number;
  originalName: string;
  kind: 'video' | 'audio' | 'photo';
  startLocal: string | null;
  durationSec: number | null;
  deviceSerial: string | null;
  hasThumb: number;
  derivedState: 'pending' | 'done' | 'failed' | 'none';
}
export interface ClipLinkSearchRow {
  clipId: number;
  caseId: number | null;
  caseNo: string | null;
  activity: string | null;
}
export interface ScanSearchRow {
  id: number;
  text: string;
  documentId: number;
  caseId: number;
  caseNo: string;
  title: string;
  pageId: number;
  page: number;
}
export interface DocumentSearchRow {
  id: number;
  caseId: number;
  caseNo: string;
  title: string;
  docNo: string | null;
  date: string | null;
}

/** Prepared statements per catalogue connection: a search runs a dozen, each typed keystroke again. */
const STATEMENTS = new WeakMap<Db, Map<string, Statement>>();

/** SQL of the archive-wide search (调阅 检索) over the indexes of migration 0005. */
export class SearchRepo {
  constructor(private readonly db: Db) {}

  /** The statement for `sql`, prepared once per connection (the set of shapes is small and fixed). */
  private st(sql: string): Statement {
    let m = STATEMENTS.get(this.db);
    if (!m) STATEMENTS.set(this.db, (m = new Map()));
    let s = m.get(sql);
    if (!s) m.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** One page of ids of a kind, in display order, and the match count up to `cap` (+1 tells "more"). */
  page(kind: SearchKind, text: TextMatch | null, f: SearchFilterSql, limit: number, offset: number, cap: number): { ids: number[]; total: number } {
    const q = this.sql(kind, text, f);
    const params: Record<string, unknown> = { ...q.params, limit, offset, cap: cap + 1 };
    const ids = (this.st(`SELECT ${q.id} AS id FROM ${q.from} ${q.where} ORDER BY ${q.order} LIMIT @limit OFFSET @offset`).all(params) as { id: number }[]).map(
      (r) => r.id,
    );
    const total = (this.st(`SELECT count(*) AS n FROM (SELECT 1 FROM ${q.from} ${q.where} LIMIT @cap)`).get(params) as { n: number }).n;
    return { ids, total };
  }

  /** The query plan of `page` (tests assert the indexes it uses). */
  plan(kind: SearchKind, text: TextMatch | null, f: SearchFilterSql): string[] {
    const q = this.sql(kind, text, f);
    const sql = `EXPLAIN QUERY PLAN SELECT ${q.id} AS id FROM ${q.from} ${q.where} ORDER BY ${q.order} LIMIT 20`;
    return (this.db.prepare(sql).all(q.params) as { detail: string }[]).map((r) => r.detail);
  }

  /**
   * The FROM/WHERE/ORDER of a page. With text and no filter on the base table the index alone
   * answers (ids are its rowids); with filters it is joined to the base rows by primary key.
   */
  private sql(
    kind: SearchKind,
    text: TextMatch | null,
    f: SearchFilterSql,
  ): { id: string; from: string; where: string; order: string; params: Record<string, unknown> } {
    const where = whereFor(kind, f, text !== null);
    const params: Record<string, unknown> = { ...f };
    delete params.linked;
    delete params.status;
    if (!text) return { id: 'b.id', from: `${BASE[kind]} b`, where: where.length ? `WHERE ${where.join(' AND ')}` : '', order: BROWSE_ORDER[kind], params };
    if (text.index === 'number') {
      const exact = NUMBER_WHERE[kind];
      if (exact === undefined) throw new Error(`no number lookup for ${kind}`);
      Object.assign(params, spellingParams(text.values));
      return { id: 'b.id', from: `${BASE[kind]} b`, where: `WHERE ${[exact, ...where].join(' AND ')}`, order: 'b.id DESC', params };
    }
    const t = text.index === 'trigram' ? `search_${kind}` : `search_${kind}_uni`;
    params.match = text.match;
    const from = where.length ? `${t} s JOIN ${BASE[kind]} b ON b.id = s.rowid` : `${t} s`;
    return { id: 's.rowid', from, where: `WHERE ${[`${t} MATCH @match`, ...where].join(' AND ')}`, order: 's.rowid DESC', params };
  }

  /** Whether a case or a (not removed) document carries one of the spellings exactly: two index probes. */
  numberExists(values: readonly string[]): boolean {
    const p = spellingParams(values);
    return (
      (
        this.st(
          `SELECT EXISTS (SELECT 1 FROM cases WHERE case_no IN (${SPELLINGS}))
        OR EXISTS (SELECT 1 FROM documents WHERE doc_no IN (${SPELLINGS}) AND removed_at IS NULL) AS found`,
        ).get(p) as { found: number }
      ).found === 1
    );
  }

  officerIdByCertNo(certNo: string): number | undefined {
    return (this.st('SELECT id FROM officers WHERE cert_no = ?').get(certNo) as { id: number } | undefined)?.id;
  }

  cases(ids: readonly number[]): CaseSearchRow[] {
    return this.byIds(
      ids,
      (list) => `SELECT b.id, b.case_no AS caseNo, b.title, b.cause, b.closed_on AS closedOn, ${SEALED('b.id')} AS sealed,
        EXISTS (SELECT 1 FROM dossier_cases dc WHERE dc.case_id = b.id) AS hasDossier FROM cases b WHERE b.id IN (${list})`,
    );
  }

  parties(caseIds: readonly number[]): PartySearchRow[] {
    return this.byIds(
      caseIds,
      (list) => `SELECT case_id AS caseId, name, json_extract(data, '$.address') AS address FROM parties WHERE case_id IN (${list}) ORDER BY case_id, seq`,
    );
  }

  officers(ids: readonly number[]): OfficerSearchRow[] {
    return this.byIds(ids, (list) => `SELECT id, name, cert_no AS certNo, post FROM officers WHERE id IN (${list})`);
  }

  devices(ids: readonly number[]): DeviceSearchRow[] {
    return this.byIds(ids, (list) => `SELECT id, serial, model, note FROM devices WHERE id IN (${list})`);
  }

  clips(ids: readonly number[]): ClipSearchRow[] {
    return this.byIds(
      ids,
      (list) => `SELECT id, original_name AS originalName, kind, start_local AS startLocal, duration_sec AS durationSec, device_serial AS deviceSerial,
        thumb_sha256 IS NOT NULL AS hasThumb, derived_state AS derivedState FROM clips WHERE id IN (${list})`,
    );
  }

  clipLinks(clipIds: readonly number[]): ClipLinkSearchRow[] {
    return this.byIds(
      clipIds,
      (list) => `SELECT l.clip_id AS clipId, l.case_id AS caseId, c.case_no AS caseNo, l.activity FROM clip_links l LEFT JOIN cases c ON c.id = l.case_id
        WHERE l.clip_id IN (${list}) AND l.removed_at IS NULL AND (l.case_id IS NOT NULL OR l.activity IS NOT NULL) ORDER BY l.id`,
    );
  }

  /** Scanned pages by page_ocr id: the text and the first live document page that shows that picture. */
  scans(ids: readonly number[]): ScanSearchRow[] {
    return this.byIds(
      ids,
      (list) => `SELECT r.id, r.text, d.id AS documentId, d.case_id AS caseId, c.case_no AS caseNo, d.title, p.id AS pageId, p.seq AS page
        FROM page_ocr r JOIN document_files f ON f.object_sha256 = r.object_sha256
        JOIN pages p ON p.file_id = f.id AND p.source_page = r.source_page
        JOIN documents d ON d.id = p.document_id AND d.removed_at IS NULL JOIN cases c ON c.id = d.case_id
        WHERE r.id IN (${list}) GROUP BY r.id HAVING p.id = MIN(p.id)`,
    );
  }

  documents(ids: readonly number[]): DocumentSearchRow[] {
    return this.byIds(
      ids,
      (list) => `SELECT d.id, d.case_id AS caseId, c.case_no AS caseNo, d.title, d.doc_no AS docNo, d.doc_date AS date
        FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id IN (${list})`,
    );
  }

  /** Runs a by-ids query; ids are integers from our own page query, bound as parameters. */
  private byIds<T>(ids: readonly number[], sql: (list: string) => string): T[] {
    if (ids.length === 0) return [];
    return this.st(sql(ids.map(() => '?').join(', '))).all(...ids) as T[];
  }
}
