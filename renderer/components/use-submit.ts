import { useCallback, useRef, useState } from 'react';

export interface SubmitOptions {
  /** Also told of a failed try (a toast, field errors), after the error is kept. */
  onError?: (e: unknown) => void;
}

/**
 * A dialog's call to the core — the renderer's one mutation path: which action is running (for its
 * button's spinner) and the error of the last try, cleared when the next one starts. `run` never
 * throws; the error is kept for ErrorAlert and handed to `onError` when one is given.
 */
export function useSubmit<A extends string = 'submit'>(opts: SubmitOptions = {}) {
  const [busy, setBusy] = useState<A | null>(null);
  const [error, setError] = useState<unknown>();
  const onError = useRef(opts.onError);
  onError.current = opts.onError;
  const run = useCallback(async (fn: () => Promise<void>, action: A = 'submit' as A) => {
    setBusy(action);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(e);
      onError.current?.(e);
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, setError, run };
}
