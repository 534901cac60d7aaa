import type { SearchQueryInput } from '../api/contract-search.js';
import { SEARCH_COUNT_CAP, type SearchGroup, type SearchResult } from '../api/types-search.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { archiveTimeZone } from '../domain/archive-time.js';
import { footageProfileOf } from '../profiles/footage-section.js';
import { SearchRepo } from '../storage/repos/search-repo.js';
import { resolveFilters } from './search-filters.js';
import { hitsOf } from './search-hits.js';
import { cleanSearchText, textMatch } from './search-text.js';

/** Without text, filters list footage and cases only (documents, officers and devices are found by text). */
const BROWSABLE = new Set(['clip', 'case']);

/**
 * One search over the whole archive (调阅 检索): cases, officers, devices, clips and documents whose
 * fields contain every word, narrowed by the filters, grouped by kind with a page of hits each and a
 * capped count. Text shorter than 3 characters uses the per-character index, longer the trigram
 * index (migration 0005). No text and no filters: nothing. Reads only; `user` is who asks (every
 * role may search — see contract-search.ts).
 */
export function searchQuery(archive: Archive, _user: UserInfo, input: SearchQueryInput): SearchResult {
  const { text, words } = cleanSearchText(input.text);
  const repo = new SearchRepo(archive.db);
  const tz = archiveTimeZone(archive.meta);
  const filters = resolveFilters(input, repo, tz, () => footageProfileOf(archive.profile));
  const match = textMatch(words);
  const mode = match === null ? 'none' : match.index;
  if (match === null && (words.length > 0 || !filters.any)) return { text, mode, groups: [] };
  const kinds = match === null ? filters.kinds.filter((k) => BROWSABLE.has(k)) : filters.kinds;
  // One read transaction: the counts and the pages see the same catalogue.
  const groups = archive.db.transaction((): SearchGroup[] =>
    kinds.map((kind) => {
      const { ids, total } = repo.page(kind, match, filters.sql, input.limit, input.offset, SEARCH_COUNT_CAP);
      return {
        kind,
        total: Math.min(total, SEARCH_COUNT_CAP),
        capped: total > SEARCH_COUNT_CAP,
        hits: hitsOf(kind, ids, repo, words),
      };
    }),
  )();
  return { text, mode, groups };
}
