/**
 * The renderer's one data layer: a keyed query over the typed client.
 *
 *   useQuery(op, input, { skip?, invalidateOn?, pollWhile?, pollMs? })
 *     → { data, error, loading, refetch, setData }
 *   usePagedQuery(op, input, { pageSize, page, items, total?, idOf, invalidateOn?, pollWhile? })
 *     → { items, total, loading, error, hasMore, loadMore, refetch, update }
 *   invalidateQueries(op | (key) => boolean)   — after a mutation, every mounted query it matches re-reads.
 *
 * The key is the operation name plus its input (queryKey in query-core.ts, object keys sorted): a new
 * key asks afresh, and an answer to a key that is no longer current (or to a request overtaken by a
 * later one) is dropped, so a fast typist never sees an older search's rows. `invalidateOn` names
 * core events (['case.changed']) or is a predicate over them; a matching event re-reads the query.
 * `pollWhile(data)` re-reads every `pollMs` while it holds (thumbnails still being made).
 *
 * Paging: `page({ offset, limit, last })` turns a page request into the operation's own paging fields
 * (offset/limit, or a cursor from the last row loaded); `items(out)` picks the rows and `total(out)` the
 * total when the operation reports one (else a short page means the end). loadMore appends the next
 * page (rows with an id already loaded are replaced, not duplicated); refetch re-reads what is loaded.
 *
 * Example:
 *   const list = useQuery('case.list', { query: q || undefined }, { invalidateOn: ['case.changed'] });
 *   const clips = usePagedQuery('footage.list', filters, {
 *     pageSize: 200, page: ({ offset, limit }) => ({ offset, limit }),
 *     items: (r) => r.items, total: (r) => r.total, idOf: (c) => c.id,
 *   });
 *   <ListPage rows={clips.items} loading={clips.loading} hasMore={clips.hasMore} onLoadMore={clips.loadMore} … />
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src/api/contract';
import { ClientError, invoke, onAppEvent } from './client';
import { isInvalidatedBy, keyOp, mergePage, pageHasMore, queryKey, refreshRequest, type InvalidateOn, type PageRequest } from './query-core';

export type { InvalidateOn, PageRequest };

// Mounted queries by key, so a mutation can say "case.list is stale" without knowing who shows it.
const mounted = new Map<string, Set<() => void>>();

function register(key: string, refetch: () => void): () => void {
  let set = mounted.get(key);
  if (!set) mounted.set(key, (set = new Set()));
  set.add(refetch);
  return () => {
    set.delete(refetch);
    if (set.size === 0) mounted.delete(key);
  };
}

/** Re-reads every mounted query of operation `op`, or whose key the predicate accepts. */
export function invalidateQueries(match: OpName | ((key: string) => boolean)): void {
  const test = typeof match === 'function' ? match : (key: string) => keyOp(key) === match;
  for (const [key, set] of [...mounted]) if (test(key)) for (const fn of [...set]) fn();
}

function asClientError(e: unknown): ClientError {
  return e instanceof ClientError ? e : new ClientError({ code: 'internal', message: String(e), messageZh: String(e) });
}

/** A burst of events (a batch seal announces every case) makes one re-read, this long after the first. */
const EVENT_COALESCE_MS = 100;

/** Re-runs `bump` on matching core events while mounted. */
function useInvalidation(rule: InvalidateOn | undefined, bump: () => void): void {
  const ruleRef = useRef(rule);
  ruleRef.current = rule;
  const active = rule !== undefined;
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onAppEvent((event) => {
      if (timer === undefined && isInvalidatedBy(ruleRef.current, event)) {
        timer = setTimeout(() => {
          timer = undefined;
          bump();
        }, EVENT_COALESCE_MS);
      }
    });
    return () => {
      off();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [active, bump]);
}

/** While `on` holds (and nothing is loading), bumps after `ms`. */
function usePoll(on: boolean, loading: boolean, ms: number, bump: () => void, dep: unknown): void {
  useEffect(() => {
    if (!on || loading) return;
    const timer = setTimeout(bump, ms);
    return () => clearTimeout(timer);
  }, [on, loading, ms, bump, dep]);
}

export interface QueryOptions<T> {
  /** Do not ask (input not valid yet); data stays as it was. */
  skip?: boolean;
  invalidateOn?: InvalidateOn;
  pollWhile?: (data: T) => boolean;
  pollMs?: number;
}

export interface QueryState<T> {
  data: T | undefined;
  error: ClientError | undefined;
  loading: boolean;
  refetch: () => void;
  /** Puts a known fresh value in place (after a mutation answered with it) without a round trip. */
  setData: (update: T | ((prev: T | undefined) => T)) => void;
}

/** One read operation, asked on mount and whenever its key changes. */
export function useQuery<N extends OpName>(op: N, input: OpInput<N>, opts: QueryOptions<OpOutput<N>> = {}): QueryState<OpOutput<N>> {
  type T = OpOutput<N>;
  const [data, setDataState] = useState<T>();
  const [error, setError] = useState<ClientError>();
  const [loading, setLoading] = useState(!opts.skip);
  const [tick, setTick] = useState(0);
  const key = queryKey(op, input);
  const inputRef = useRef(input);
  inputRef.current = input;
  const seq = useRef(0);
  const skip = opts.skip === true;

  useEffect(() => {
    if (skip) {
      setLoading(false);
      return;
    }
    const mine = ++seq.current;
    setLoading(true);
    invoke(op, inputRef.current)
      .then((v) => {
        if (mine !== seq.current) return;
        setDataState(v);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setError(asClientError(e));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, [op, key, tick, skip]);
  // A query unmounted or re-keyed mid-flight: its answer is stale.
  useEffect(() => () => void ++seq.current, [key]);

  const refetch = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => register(key, refetch), [key, refetch]);
  useInvalidation(opts.invalidateOn, refetch);
  const polling = data !== undefined && opts.pollWhile !== undefined && opts.pollWhile(data);
  usePoll(polling, loading, opts.pollMs ?? 2000, refetch, data);

  const setData = useCallback((update: T | ((prev: T | undefined) => T)) => {
    setDataState((prev) => (typeof update === 'function' ? (update as (p: T | undefined) => T)(prev) : update));
  }, []);
  return { data, error, loading, refetch, setData };
}

/** The operation's input without the fields paging supplies. */
export interface PagedOptions<N extends OpName, Item> {
  pageSize: number;
  /** The operation's paging fields for a page request (offset/limit, or a cursor from `last`). */
  page: (req: PageRequest<Item>) => Partial<OpInput<N>>;
  items: (out: OpOutput<N>) => Item[];
  total?: (out: OpOutput<N>) => number;
  idOf: (item: Item) => string | number;
  /** Largest page the operation accepts (a refetch re-reads all loaded rows in one page). */
  maxLimit?: number;
  invalidateOn?: InvalidateOn;
  pollWhile?: (items: Item[]) => boolean;
  pollMs?: number;
}

export interface PagedState<Item> {
  items: Item[];
  /** The operation's total, or the rows loaded when it reports none. */
  total: number;
  loading: boolean;
  error: ClientError | undefined;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  refetch: () => void;
  /** Replaces loaded rows in place (e.g. fresh summaries after link/unlink). */
  update: (fn: (items: Item[]) => Item[]) => void;
}

/** A read operation read a page at a time ("load more" or a virtual table's near-end). */
export function usePagedQuery<N extends OpName, Item>(op: N, input: OpInput<N>, opts: PagedOptions<N, Item>): PagedState<Item> {
  const [items, setItems] = useState<Item[]>([]);
  const [total, setTotal] = useState<number | undefined>();
  const [lastPage, setLastPage] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ClientError>();
  const [tick, setTick] = useState(0);
  const key = queryKey(op, input);
  const inputRef = useRef(input);
  inputRef.current = input;
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const seq = useRef(0);
  const lastKey = useRef(key);
  const { pageSize } = opts;

  const ask = useCallback(
    (req: PageRequest<Item>) => {
      const o = optsRef.current;
      return invoke(op, { ...inputRef.current, ...o.page(req) }).then((out) => ({ rows: o.items(out), total: o.total?.(out) }));
    },
    [op],
  );

  useEffect(() => {
    const mine = ++seq.current;
    // A new key starts from the first page; a refetch re-reads what is loaded.
    const fresh = lastKey.current !== key;
    lastKey.current = key;
    const loaded = fresh ? 0 : itemsRef.current.length;
    const req = refreshRequest<Item>(loaded, pageSize, optsRef.current.maxLimit ?? 1000);
    setLoading(true);
    ask(req)
      .then((r) => {
        if (mine !== seq.current) return;
        setItems(r.rows);
        setTotal(r.total);
        // What a short answer means is judged against one page, however many rows were re-read.
        setLastPage(r.rows.length >= req.limit ? pageSize : r.rows.length);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setError(asClientError(e));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, [key, tick, pageSize, ask]);
  useEffect(() => () => void ++seq.current, [key]);

  const hasMore = pageHasMore(items.length, lastPage, pageSize, total);
  const loadMore = useCallback(async () => {
    if (loading || !hasMore) return;
    const mine = ++seq.current;
    const loaded = itemsRef.current;
    setLoading(true);
    try {
      const r = await ask({ offset: loaded.length, limit: pageSize, last: loaded[loaded.length - 1] });
      if (mine !== seq.current) return;
      setItems((prev) => mergePage(prev, r.rows, optsRef.current.idOf));
      setTotal(r.total);
      setLastPage(r.rows.length);
    } catch (e) {
      if (mine === seq.current) setError(asClientError(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [loading, hasMore, ask, pageSize]);

  const refetch = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => register(key, refetch), [key, refetch]);
  useInvalidation(opts.invalidateOn, refetch);
  const polling = opts.pollWhile !== undefined && opts.pollWhile(items);
  usePoll(polling, loading, opts.pollMs ?? 2000, refetch, items);
  const update = useCallback((fn: (rows: Item[]) => Item[]) => setItems(fn), []);

  return { items, total: total ?? items.length, loading, error, hasMore, loadMore, refetch, update };
}
