import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgressEvent } from '../../src/api/events';
import { invoke, newJobId, onAppEvent } from './client';

export interface JobState {
  id: string;
  progress: JobProgressEvent | null;
  /** Items (file names) in the order the job started them; those not in `progress.active` are finished. */
  items: string[];
  cancelling: boolean;
}

/** How many started items are kept for display (a camera dump may hold thousands of files). */
const KEEP_ITEMS = 200;

/**
 * A long operation's progress: subscribes to `job.progress` from mount (so the first events are not
 * missed), `begin()` makes the job id to pass in the input, `cancel()` calls `job.cancel`.
 */
export function useJob() {
  const [job, setJob] = useState<JobState | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      onAppEvent((e) => {
        if (e.type !== 'job.progress' || e.jobId !== current.current) return;
        setJob((j) => {
          if (!j || j.id !== e.jobId) return j;
          const started = [e.item, ...e.active.map((a) => a.name)].filter((n): n is string => n !== null && !j.items.includes(n));
          const items = started.length ? [...j.items, ...new Set(started)].slice(-KEEP_ITEMS) : j.items;
          return { ...j, progress: e, items };
        });
      }),
    [],
  );

  const begin = useCallback((): string => {
    const id = newJobId();
    current.current = id;
    setJob({ id, progress: null, items: [], cancelling: false });
    return id;
  }, []);

  const end = useCallback(() => {
    current.current = null;
    setJob(null);
  }, []);

  const cancel = useCallback(async () => {
    const id = current.current;
    if (!id) return;
    setJob((j) => (j ? { ...j, cancelling: true } : j));
    await invoke('job.cancel', { jobId: id });
  }, []);

  return { job, begin, end, cancel };
}
