import type { OpInput, OpName, OpOutput } from '../../src/api/contract';
import { useQuery, type QueryOptions, type QueryState } from './use-query';

export type OpState<T> = QueryState<T> & { reload: () => void };

/**
 * Deprecated alias of useQuery (use-query.ts) with `reload` for `refetch`; kept only while
 * renderer/features/review moves over. New code: useQuery / usePagedQuery.
 */
export function useOp<N extends OpName>(name: N, input: OpInput<N>, opts: QueryOptions<OpOutput<N>> = {}): OpState<OpOutput<N>> {
  const q = useQuery(name, input, opts);
  return { ...q, reload: q.refetch };
}
