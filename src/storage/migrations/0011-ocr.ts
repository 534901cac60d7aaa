import type { Migration } from '../migration.js';

/**
 * Searchable scans: the OCR text of each scanned page, keyed by the stored image (its SHA-256) and
 * the page inside it, so the same scan filed twice is read once. `status` 'done' keeps the text, the
 * line boxes the PDF text layer needs, the mean confidence and whether a person should look at the
 * page (`flagged`: below the threshold, or nothing recognised); 'failed' keeps why. Derived data, not
 * evidence: the image stays what it was, and a new engine may replace a row (no append-only trigger).
 *
 * The text is searchable like everything else (0005-search): `search_scan` (trigram) and
 * `search_scan_uni` (one character a token, as far as search_numbers reaches: the first 1,000 characters of a page), rowid =
 * page_ocr.id, kept in step by triggers in the same transaction as the row.
 */
const uni = (expr: string) => `(SELECT group_concat(substr(${expr}, n, 1), ' ' ORDER BY n) FROM search_numbers WHERE n <= length(${expr}))`;
const fill = (row: 'NEW' | 'OLD') => `
  INSERT INTO search_scan (rowid, text) SELECT ${row}.id, ${row}.text WHERE ${row}.status = 'done' AND ${row}.text <> '';
  INSERT INTO search_scan_uni (rowid, text) SELECT ${row}.id, ${uni(`${row}.text`)} WHERE ${row}.status = 'done' AND ${row}.text <> '';`;
const drop = (row: 'NEW' | 'OLD') => `
  DELETE FROM search_scan WHERE rowid = ${row}.id;
  DELETE FROM search_scan_uni WHERE rowid = ${row}.id;`;
export const m0011Ocr: Migration = {
  version: 11,
  name: '0011-ocr',
  up(db) {
    db.exec(`
      CREATE TABLE page_ocr (
        id INTEGER PRIMARY KEY,
        object_sha256 TEXT NOT NULL REFERENCES objects(sha256),
        source_page INTEGER NOT NULL CHECK (source_page >= 0),
        status TEXT NOT NULL CHECK (status IN ('done','failed')),
        text TEXT NOT NULL DEFAULT '',
        lines_json TEXT NOT NULL DEFAULT '[]',
        width INTEGER,
        height INTEGER,
        confidence REAL,
        flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0,1)),
        engine TEXT NOT NULL,
        error TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (object_sha256, source_page)
      ) STRICT;
      -- From a stored picture to the document pages that show it (search filters, hits, status).
      CREATE INDEX IF NOT EXISTS document_files_object ON document_files(object_sha256);
      CREATE INDEX IF NOT EXISTS pages_file_page ON pages(file_id, source_page);
      CREATE VIRTUAL TABLE search_scan USING fts5(text, content='', contentless_delete=1, tokenize='trigram');
      CREATE VIRTUAL TABLE search_scan_uni USING fts5(text, content='', contentless_delete=1, tokenize='unicode61');
      CREATE TRIGGER page_ocr_search_ai AFTER INSERT ON page_ocr BEGIN ${fill('NEW')} END;
      CREATE TRIGGER page_ocr_search_au AFTER UPDATE OF text, status ON page_ocr BEGIN ${drop('OLD')} ${fill('NEW')} END;
      CREATE TRIGGER page_ocr_search_ad AFTER DELETE ON page_ocr BEGIN ${drop('OLD')} END;
    `);
  },
};
