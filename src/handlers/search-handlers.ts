import type { SearchOpName } from '../api/contract-search.js';
import { searchQuery } from '../search/search-query.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

export function searchHandlers(deps: HandlerDeps): HandlerMap<SearchOpName> {
  return {
    'search.query': async (input, ctx) => searchQuery(deps.archive, userOf(ctx), input),
  };
}
