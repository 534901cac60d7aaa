import type { Migration } from '../migration.js';

/**
 * 调阅, the gaps of issue 10:
 *
 * - `documents_doc_no`: a typed 文号 is answered from an index (the search's 案号/文号 fast path,
 *   src/search/case-number.ts), as a 案号 already is from `cases.case_no` UNIQUE. Partial: most
 *   documents (笔录, photos) have no 文号.
 * - `retrieval_views.end_reason`: how a session ended — 'viewer' (the player closed it) or 'auto'
 *   (自动结束: the tab was closed or the app crashed, and the session was closed later from its last
 *   sign of life, src/retrieval/stale-views.ts). Sessions already closed were closed by their viewer.
 *   `retrieval_views_open` finds the open sessions without reading the closed ones.
 *
 * The frozen-session trigger of 0006 refuses any update of a closed session, so it is set aside for
 * the backfill and put back with its own text.
 */
export const m0009RetrievalLookups: Migration = {
  version: 9,
  name: '0009-retrieval-lookups',
  up(db) {
    const frozen = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'retrieval_views_frozen'").get() as { sql: string } | undefined;
    if (!frozen) throw new Error('migration 0009: trigger retrieval_views_frozen of 0006 is missing');
    db.exec(`
      CREATE INDEX documents_doc_no ON documents(doc_no) WHERE doc_no IS NOT NULL;
      ALTER TABLE retrieval_views ADD COLUMN end_reason TEXT CHECK (end_reason IS NULL OR end_reason IN ('viewer', 'auto'));
      DROP TRIGGER retrieval_views_frozen;
      UPDATE retrieval_views SET end_reason = 'viewer' WHERE ended_at IS NOT NULL;
      ${frozen.sql};
      CREATE INDEX retrieval_views_open ON retrieval_views(last_seen_at) WHERE ended_at IS NULL;
    `);
  },
};
