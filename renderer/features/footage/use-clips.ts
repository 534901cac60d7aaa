import type { OpInput } from '../../../src/api/contract';
import type { ClipSummary } from '../../../src/api/types-footage';
import { usePagedQuery } from '../../bridge/use-query';

export type ClipQuery = Omit<OpInput<'footage.list'>, 'limit' | 'offset'>;
const CLIP_PAGE = 200;

/** footage.list a page at a time; while any loaded clip's thumbnail is pending the loaded rows are re-read. */
export function useClips(query: ClipQuery) {
  return usePagedQuery<'footage.list', ClipSummary>('footage.list', query, {
    pageSize: CLIP_PAGE,
    page: ({ offset, limit }) => ({ offset, limit }),
    items: (r) => r.items,
    total: (r) => r.total,
    idOf: (c) => c.id,
    pollWhile: (items) => items.some((c) => c.derivedState === 'pending'),
  });
}
