import { AsyncLocalStorage } from 'node:async_hooks';

/** Who started a piece of long work: a user id, or null for work no signed-in user started. */
export type JobOwner = number | null;

/**
 * The caller of the operation running now, so that a job records its owner without every use case
 * passing it down: `invoke` runs each handler inside `runAsCaller`, and `Jobs.start` reads it. An
 * ambient value on purpose — the dozen places that start jobs need not change, and a job started
 * outside any call (recovery on open) has no owner.
 */
const caller = new AsyncLocalStorage<JobOwner>();

export function runAsCaller<T>(userId: JobOwner, fn: () => Promise<T>): Promise<T> {
  return caller.run(userId, fn);
}

export function currentCaller(): JobOwner {
  return caller.getStore() ?? null;
}
