import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput } from '../../../src/api/contract';
import type { ClipSummary } from '../../../src/api/types-footage';
import { invoke } from '../../bridge/client';

export const CLIP_PAGE = 200;
/** While thumbnails are being made, the loaded rows are re-read this often. */
const POLL_MS = 2000;

export type ClipQuery = Omit<OpInput<'footage.list'>, 'limit' | 'offset'>;

/**
 * `footage.list` read a page (limit/offset) at a time for the virtual table. Stale answers are
 * dropped; while any loaded clip's thumbnail is pending the loaded rows are refreshed.
 */
export function useClipPages(query: ClipQuery) {
  const [items, setItems] = useState<ClipSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const key = JSON.stringify(query);
  const loaded = useRef(0);
  loaded.current = items.length;
  const lastKey = useRef(key);

  useEffect(() => {
    const mine = ++seq.current;
    // A new query starts from the first page; a refresh re-reads what is loaded.
    const fresh = lastKey.current !== key;
    lastKey.current = key;
    setLoading(true);
    const limit = fresh ? CLIP_PAGE : Math.min(1000, Math.max(CLIP_PAGE, loaded.current));
    invoke('footage.list', { ...(JSON.parse(key) as ClipQuery), limit, offset: 0 })
      .then((r) => {
        if (mine !== seq.current) return;
        setItems(r.items);
        setTotal(r.total);
        setError(undefined);
      })
      .catch((e: unknown) => mine === seq.current && setError(e))
      .finally(() => mine === seq.current && setLoading(false));
  }, [key, tick]);

  const pending = items.some((c) => c.derivedState === 'pending');
  useEffect(() => {
    if (!pending || loading) return;
    const timer = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, loading, items]);

  const loadMore = useCallback(async () => {
    if (loading || items.length >= total) return;
    const mine = ++seq.current;
    setLoading(true);
    try {
      const r = await invoke('footage.list', { ...(JSON.parse(key) as ClipQuery), limit: CLIP_PAGE, offset: items.length });
      if (mine !== seq.current) return;
      setItems((prev) => [...prev, ...r.items.filter((c) => !prev.some((p) => p.id === c.id))]);
      setTotal(r.total);
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [key, loading, items.length, total]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  /** Puts fresh summaries (after link/unlink) in place without a round trip. */
  const replace = useCallback((fresh: ClipSummary[]) => setItems((prev) => prev.map((c) => fresh.find((f) => f.id === c.id) ?? c)), []);

  return { items, total, loading, error, loadMore, reload, replace, hasMore: items.length < total };
}
