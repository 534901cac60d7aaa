import { useCallback, useEffect, useRef, useState } from 'react';
import type { ViewStartResult } from '../../../src/api/types-retrieval';
import { ClientError, invoke } from '../../bridge/client';

const FLUSH_MS = 4000;
/** How often the player asks whether the playback proxy is ready. */
const PROXY_POLL_MS = 1000;

/** The core refused access (a grant expired or was revoked): the session is over. */
const refused = (e: unknown): boolean => e instanceof ClientError && e.code === 'forbidden';
/** A jump larger than this between two time updates is a seek, not playback. */
const MAX_STEP_SEC = 1.5;

/**
 * One playback session of a clip: opened with retrieval.viewStart (the access check; a refusal comes
 * back as `error`), the stretches actually played sent with retrieval.viewProgress every few seconds,
 * closed with retrieval.viewEnd when the player goes away. `onTime(t, playing)` is fed from the
 * video's timeupdate. A refusal of viewProgress (the grant expired or was revoked mid-playback) ends
 * the session: it becomes `error`, with the core's reason. `check()` reports at once and answers
 * whether the session may go on (the player calls it on a media error, to find out why). While the
 * clip's playback proxy is being made, `start.proxy` is polled (clip.proxyStatus) until done or failed.
 */
export function useViewSession(clipId: number) {
  const [start, setStart] = useState<ViewStartResult | null>(null);
  const [error, setError] = useState<unknown>();
  const viewId = useRef<number | null>(null);
  const pending = useRef<[number, number][]>([]);
  const current = useRef<[number, number] | null>(null);
  const last = useRef<number | null>(null);
  const checkRef = useRef<() => Promise<boolean>>(async () => true);

  const take = useCallback((): [number, number][] => {
    const out = pending.current.filter(([a, b]) => b > a);
    if (current.current && current.current[1] > current.current[0]) out.push([current.current[0], current.current[1]]);
    pending.current = [];
    if (current.current) current.current = [current.current[1], current.current[1]];
    return out;
  }, []);

  useEffect(() => {
    let alive = true;
    setStart(null);
    setError(undefined);
    invoke('retrieval.viewStart', { clipId })
      .then((r) => {
        if (!alive) {
          void invoke('retrieval.viewEnd', { viewId: r.viewId, segments: [] }).catch(() => undefined);
          return;
        }
        viewId.current = r.viewId;
        setStart(r);
      })
      .catch((e: unknown) => alive && setError(e));
    // Every tick reports, with or without new stretches: a session silent for minutes is taken to be
    // left open and ends as 自动结束 (src/retrieval/stale-views.ts). If this one was ended (the machine
    // slept), a new session is opened — the access check again — and the stretches go there.
    const endRefused = (e: unknown) => {
      if (!alive || !refused(e)) return;
      viewId.current = null;
      setError(e);
    };
    const timer = setInterval(() => {
      const id = viewId.current;
      if (id === null) return;
      const segs = take();
      void invoke('retrieval.viewProgress', { viewId: id, segments: segs }).catch((e: unknown) => {
        if (refused(e)) return endRefused(e);
        return invoke('retrieval.viewStart', { clipId })
          .then((r) => {
            if (!alive || viewId.current !== id) return void invoke('retrieval.viewEnd', { viewId: r.viewId, segments: [] }).catch(() => undefined);
            viewId.current = r.viewId;
            return invoke('retrieval.viewProgress', { viewId: r.viewId, segments: segs }).then(() => undefined);
          })
          .catch(endRefused);
      });
    }, FLUSH_MS);
    checkRef.current = async () => {
      const id = viewId.current;
      if (id === null) return false;
      try {
        await invoke('retrieval.viewProgress', { viewId: id, segments: take() });
        return true;
      } catch (e) {
        endRefused(e);
        return !refused(e);
      }
    };
    return () => {
      alive = false;
      clearInterval(timer);
      const id = viewId.current;
      viewId.current = null;
      if (id !== null) void invoke('retrieval.viewEnd', { viewId: id, segments: take() }).catch(() => undefined);
      current.current = null;
      last.current = null;
    };
  }, [clipId, take]);

  const onTime = useCallback((t: number, playing: boolean) => {
    const prev = last.current;
    last.current = t;
    if (!playing || prev === null || t < prev || t - prev > MAX_STEP_SEC) {
      if (current.current && current.current[1] > current.current[0]) pending.current.push(current.current);
      current.current = playing ? [t, t] : null;
      return;
    }
    if (current.current) current.current[1] = t;
    else current.current = [prev, t];
  }, []);

  // The playback proxy is being made: ask until it is done (play it) or failed (say why).
  const making = start?.proxy?.state === 'making';
  useEffect(() => {
    if (!making) return;
    let alive = true;
    const timer = setInterval(() => {
      void invoke('clip.proxyStatus', { clipId })
        .then((p) => {
          if (!alive || (p.state !== 'done' && p.state !== 'failed')) return;
          setStart((s) => (s ? { ...s, proxy: { state: p.state === 'done' ? 'done' : 'failed', error: p.error } } : s));
        })
        .catch(() => undefined);
    }, PROXY_POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [making, clipId]);

  const check = useCallback(() => checkRef.current(), []);

  return { start, error, onTime, check };
}
