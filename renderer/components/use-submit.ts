import { useCallback, useState } from 'react';

/**
 * A dialog's call to the core: which action is running (for its button's spinner) and the error of
 * the last try, cleared when the next one starts. `run` never throws; the error is kept for ErrorAlert.
 */
export function useSubmit<A extends string = 'submit'>() {
  const [busy, setBusy] = useState<A | null>(null);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (fn: () => Promise<void>, action: A = 'submit' as A) => {
    setBusy(action);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, setError, run };
}
