import type { Db } from '../db.js';
import type { Migration } from '../migration.js';

/**
 * One search over the whole archive (调阅 检索). Each kind of thing a user looks for has two FTS5
 * indexes, rowid = the thing's own id, one column per searchable field:
 *
 * - `search_<kind>` with the trigram tokenizer: any substring of ≥ 3 characters, Chinese included,
 *   through MATCH.
 * - `search_<kind>_uni`: the same fields written one character per token (unicode61), so a 1–2
 *   character query is a token or a two-token phrase — an index lookup, where LIKE on the trigram
 *   table would read every row.
 *
 * Both are contentless (the text lives in the base tables; snippets are cut from there) and kept in
 * step by AFTER triggers on every base table that feeds them, so a write and its index entries
 * commit or roll back together. `search_numbers` (1..MAX_UNI_CHARS) lets a trigger split text into
 * characters without a recursive CTE (not allowed in triggers); characters beyond it are in the
 * trigram index only.
 */
export const MAX_UNI_CHARS = 1000;

interface IndexedKind {
  kind: string;
  base: string;
  /** The row's fields, as SQL over the base row aliased `b`. */
  fields: Record<string, string>;
  /** Rows that are searchable at all (e.g. documents not removed). */
  where?: string;
}

/** The fields each kind is found by; search-repo.ts reads the same names. */
export const SEARCH_KINDS: readonly IndexedKind[] = [
  {
    kind: 'case',
    base: 'cases',
    fields: {
      case_no: 'b.case_no',
      cause: 'b.cause',
      title: 'b.title',
      parties: `(SELECT group_concat(p.name, ' ' ORDER BY p.seq) FROM parties p WHERE p.case_id = b.id)`,
      address: `(SELECT group_concat(json_extract(p.data, '$.address'), ' ' ORDER BY p.seq) FROM parties p WHERE p.case_id = b.id)`,
    },
  },
  { kind: 'officer', base: 'officers', fields: { name: 'b.name', cert_no: 'b.cert_no' } },
  { kind: 'device', base: 'devices', fields: { serial: 'b.serial', model: 'b.model', note: 'b.note' } },
  {
    kind: 'clip',
    base: 'clips',
    fields: {
      file_name: 'b.original_name',
      activity: `(SELECT group_concat(l.activity, ' ') FROM clip_links l WHERE l.clip_id = b.id AND l.removed_at IS NULL AND l.activity IS NOT NULL)`,
    },
    // A disposed clip is listed nowhere (footage.list hides it too): it leaves the index.
    where: 'b.disposal_id IS NULL',
  },
  { kind: 'document', base: 'documents', fields: { title: 'b.title', doc_no: 'b.doc_no' }, where: 'b.removed_at IS NULL' },
];

const uni = (expr: string) => `(SELECT group_concat(substr(${expr}, n, 1), ' ' ORDER BY n) FROM search_numbers WHERE n <= length(${expr}))`;

/** INSERT … SELECT of a kind's index rows, for all rows (`idExpr` null) or one. */
function fill(k: IndexedKind, idExpr: string | null): string {
  const cols = Object.keys(k.fields);
  const exprs = Object.values(k.fields);
  const where = [idExpr === null ? null : `b.id = ${idExpr}`, k.where ?? null].filter((w) => w !== null);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return `
    INSERT INTO search_${k.kind} (rowid, ${cols.join(', ')}) SELECT b.id, ${exprs.join(', ')} FROM ${k.base} b ${whereSql};
    INSERT INTO search_${k.kind}_uni (rowid, ${cols.join(', ')}) SELECT b.id, ${exprs.map(uni).join(', ')} FROM ${k.base} b ${whereSql};`;
}

function drop(k: IndexedKind, idExpr: string): string {
  return `
    DELETE FROM search_${k.kind} WHERE rowid = ${idExpr};
    DELETE FROM search_${k.kind}_uni WHERE rowid = ${idExpr};`;
}

const refresh = (k: IndexedKind, idExpr: string) => drop(k, idExpr) + fill(k, idExpr);

function byKind(kind: string): IndexedKind {
  const k = SEARCH_KINDS.find((x) => x.kind === kind);
  if (!k) throw new Error(`no search kind ${kind}`);
  return k;
}

/**
 * Triggers on a table that feeds kind `k`; `idOf(row)` is the indexed row's id; an update touches
 * the index only when one of `updateOf` is set (a clip's thumbnail being made does not).
 */
function triggers(
  table: string,
  k: IndexedKind,
  idOf: (row: 'OLD' | 'NEW') => string,
  updateOf: readonly string[],
  when?: (row: 'OLD' | 'NEW') => string,
): string {
  const w = (row: 'OLD' | 'NEW') => (when ? `WHEN ${when(row)}` : '');
  const wu = when ? `WHEN ${when('OLD')} OR ${when('NEW')}` : '';
  return `
    CREATE TRIGGER ${table}_search_${k.kind}_ai AFTER INSERT ON ${table} ${w('NEW')}
      BEGIN ${refresh(k, idOf('NEW'))} END;
    CREATE TRIGGER ${table}_search_${k.kind}_au AFTER UPDATE OF ${updateOf.join(', ')} ON ${table} ${wu}
      BEGIN ${refresh(k, idOf('OLD'))} ${idOf('OLD') === 'OLD.id' ? '' : refresh(k, idOf('NEW'))} END;
    CREATE TRIGGER ${table}_search_${k.kind}_ad AFTER DELETE ON ${table} ${w('OLD')}
      BEGIN ${refresh(k, idOf('OLD'))} END;`;
}

/**
 * Empties and refills every search index from the base tables (the same statements as the
 * migration's backfill). For a repair, or after a bulk load made with the search triggers set aside.
 * Run it inside a transaction.
 */
export function rebuildSearchIndex(db: Db): void {
  const clear = SEARCH_KINDS.map(
    (k) => `INSERT INTO search_${k.kind} (search_${k.kind}) VALUES ('delete-all');
    INSERT INTO search_${k.kind}_uni (search_${k.kind}_uni) VALUES ('delete-all');`,
  );
  db.exec(clear.join('\n') + SEARCH_KINDS.map((k) => fill(k, null)).join('\n'));
}

export const m0005Search: Migration = {
  version: 5,
  name: '0005-search',
  up(db) {
    const tables = SEARCH_KINDS.map((k) => {
      const cols = Object.keys(k.fields).join(', ');
      return `
        CREATE VIRTUAL TABLE search_${k.kind} USING fts5(${cols}, content='', contentless_delete=1, tokenize='trigram');
        CREATE VIRTUAL TABLE search_${k.kind}_uni USING fts5(${cols}, content='', contentless_delete=1, tokenize='unicode61');`;
    }).join('\n');
    db.exec(`
      CREATE TABLE search_numbers (n INTEGER PRIMARY KEY) STRICT;
      WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${MAX_UNI_CHARS}) INSERT INTO search_numbers (n) SELECT n FROM s;
      CREATE TRIGGER search_numbers_fixed BEFORE UPDATE ON search_numbers
        BEGIN SELECT RAISE(ABORT, 'search_numbers is fixed'); END;
      CREATE TRIGGER search_numbers_no_delete BEFORE DELETE ON search_numbers
        BEGIN SELECT RAISE(ABORT, 'search_numbers is fixed'); END;
      ${tables}
      ${triggers('cases', byKind('case'), (r) => `${r}.id`, ['case_no', 'cause', 'title'])}
      ${triggers('parties', byKind('case'), (r) => `${r}.case_id`, ['case_id', 'name', 'data'])}
      ${triggers('officers', byKind('officer'), (r) => `${r}.id`, ['name', 'cert_no'])}
      ${triggers('devices', byKind('device'), (r) => `${r}.id`, ['serial', 'model', 'note'])}
      ${triggers('clips', byKind('clip'), (r) => `${r}.id`, ['original_name', 'disposal_id'])}
      ${triggers(
        'clip_links',
        byKind('clip'),
        (r) => `${r}.clip_id`,
        ['clip_id', 'activity', 'removed_at'],
        (r) => `${r}.activity IS NOT NULL`,
      )}
      ${triggers('documents', byKind('document'), (r) => `${r}.id`, ['title', 'doc_no', 'removed_at'])}
      ${SEARCH_KINDS.map((k) => fill(k, null)).join('\n')}
    `);
  },
};
