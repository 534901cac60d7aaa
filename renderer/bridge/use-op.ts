import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src/api/contract';
import { ClientError, invoke } from './client';

export interface OpState<T> {
  data: T | undefined;
  error: ClientError | undefined;
  loading: boolean;
  reload: () => void;
  setData: (update: T | ((prev: T | undefined) => T)) => void;
}

/**
 * Runs a read operation when the component mounts and whenever `key` (a serialisable view of the
 * input) changes. Stale answers are dropped.
 */
export function useOp<N extends OpName>(name: N, input: OpInput<N>, opts: { skip?: boolean } = {}): OpState<OpOutput<N>> {
  const [data, setDataState] = useState<OpOutput<N>>();
  const [error, setError] = useState<ClientError>();
  const [loading, setLoading] = useState(!opts.skip);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  const seq = useRef(0);

  useEffect(() => {
    if (opts.skip) {
      setLoading(false);
      return;
    }
    const mine = ++seq.current;
    setLoading(true);
    invoke(name, JSON.parse(key) as OpInput<N>)
      .then((v) => {
        if (mine !== seq.current) return;
        setDataState(v);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof ClientError ? e : new ClientError({ code: 'internal', message: String(e), messageZh: String(e) }));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, [name, key, tick, opts.skip]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((update: OpOutput<N> | ((prev: OpOutput<N> | undefined) => OpOutput<N>)) => {
    setDataState((prev) => (typeof update === 'function' ? (update as (p: OpOutput<N> | undefined) => OpOutput<N>)(prev) : update));
  }, []);
  return { data, error, loading, reload, setData };
}
