import { appendFileSync } from 'node:fs';

/**
 * Named commit boundaries, for the kill -9 fault suite (tests/faults/). With
 * `JUANZONG_FAULT_POINT=name:n` the process kills itself with SIGKILL the n-th time (1-based) it
 * passes boundary `name` — no cleanup, no `finally`, exactly what a power cut or `kill -9` does.
 * With `JUANZONG_FAULT_TRACE=FILE` every boundary passed is appended to FILE (one name a line), so a
 * test can list the boundaries of an uninterrupted run and then kill at each one.
 * Without either variable this is one property read per call.
 */
export type FaultPointName =
  /** An object or folder was renamed to its final name (src/archive/durable-file.ts `publish`). */
  | 'publish'
  /** An audited catalogue transaction committed; its audit anchors are not written yet. */
  | 'commit'
  /** The audit anchors of a committed transaction were written. */
  | 'anchor'
  /** A file was staged under tmp/ (copied and fsynced, not yet placed). */
  | 'staged'
  /** A clip's object was placed in objects/, before its catalogue row. */
  | 'ingest.placed'
  /** An export's files are complete under their hidden `.part` name, before the audit entry. */
  | 'export.written';

interface Plan {
  name: string;
  at: number;
  seen: number;
  trace: string | undefined;
}

let plan: Plan | null | undefined;

function currentPlan(): Plan | null {
  if (plan !== undefined) return plan;
  const spec = process.env.JUANZONG_FAULT_POINT ?? '';
  const trace = process.env.JUANZONG_FAULT_TRACE || undefined;
  const m = /^([a-z.]+):(\d+)$/.exec(spec);
  plan = m || trace ? { name: m?.[1] ?? '', at: m ? Number(m[2]) : 0, seen: 0, trace } : null;
  return plan;
}

/** Marks a commit boundary; see the module comment. */
export function faultPoint(name: FaultPointName): void {
  const p = currentPlan();
  if (!p) return;
  if (p.trace) appendFileSync(p.trace, name + '\n');
  if (name === p.name && ++p.seen === p.at) process.kill(process.pid, 'SIGKILL');
}
