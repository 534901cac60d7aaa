import type { SearchQueryInput } from '../api/contract-search.js';
import { SEARCH_COUNT_CAP, type SearchGroup, type SearchHit, type SearchResult } from '../api/types-search.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { archiveTimeZone } from '../domain/archive-time.js';
import { footageProfileOf } from '../profiles/footage-section.js';
import { NUMBER_KINDS, type NumberMatch, SearchRepo } from '../storage/repos/search-repo.js';
import { caseNumberSpellings } from './case-number.js';
import { resolveFilters } from './search-filters.js';
import { hitsOf } from './search-hits.js';
import { cleanSearchText, textMatch } from './search-text.js';
import { matchField } from './snippet.js';

/** Without text, filters list footage and cases only (documents, officers and devices are found by text). */
const BROWSABLE = new Set(['clip', 'case']);

/**
 * One search over the whole archive (调阅 检索): cases, officers, devices, clips and documents whose
 * fields contain every word, narrowed by the filters, grouped by kind with a page of hits each and a
 * capped count. Text shorter than 3 characters uses the per-character index, longer the trigram
 * index (migration 0005). A whole 案号/文号 that the catalogue carries is looked up exactly instead
 * (mode `number`: the case, its documents and documents with that 文号; the other kinds by phrase). No text and no filters: nothing. Reads only; `user` is who asks (every
 * role may search — see contract-search.ts).
 */
export function searchQuery(archive: Archive, _user: UserInfo, input: SearchQueryInput): SearchResult {
  const { text, words } = cleanSearchText(input.text);
  const repo = new SearchRepo(archive.db);
  const tz = archiveTimeZone(archive.meta);
  const filters = resolveFilters(input, repo, tz, () => footageProfileOf(archive.profile));
  const match = textMatch(words);
  if (match === null && (words.length > 0 || !filters.any)) return { text, mode: 'none', groups: [] };
  const kinds = match === null ? filters.kinds.filter((k) => BROWSABLE.has(k)) : filters.kinds;
  // One read transaction: the counts and the pages see the same catalogue.
  return archive.db.transaction((): SearchResult => {
    const number = numberMatch(repo, words);
    const groups = kinds.map((kind): SearchGroup => {
      const byNumber = number !== null && NUMBER_KINDS.includes(kind);
      const { ids, total } = repo.page(kind, byNumber ? number : match, filters.sql, input.limit, input.offset, SEARCH_COUNT_CAP);
      const hits = hitsOf(kind, ids, repo, words);
      return {
        kind,
        total: Math.min(total, SEARCH_COUNT_CAP),
        capped: total > SEARCH_COUNT_CAP,
        hits: byNumber ? hits.map((h) => withCaseNumber(h, words)) : hits,
      };
    });
    return { text, mode: number !== null ? 'number' : match === null ? 'none' : match.index, groups };
  })();
}

/**
 * A whole 案号/文号 that a case or document carries exactly: looked up by index (see NumberMatch);
 * anything else (a part of a number, a number nothing carries) goes to the phrase match.
 */
function numberMatch(repo: SearchRepo, words: readonly string[]): NumberMatch | null {
  const values = caseNumberSpellings(words);
  return values !== null && repo.numberExists(values) ? { index: 'number', values } : null;
}

/** A document found as one of the case's (by the case's 案号) says so: its case number matched. */
function withCaseNumber(hit: SearchHit, words: readonly string[]): SearchHit {
  if (hit.kind !== 'document' || hit.matches.length > 0) return hit;
  const m = matchField('case_no', hit.caseNo, words);
  return m ? { ...hit, matches: [m] } : hit;
}
