import { appendLines, readLines } from './append-log.js';

/**
 * The audit chain's anchor outside catalog.db: one line `seq hash` per entry, appended after each
 * commit (O_APPEND, fsync). Someone who edits catalog.db and recomputes every hash still cannot make
 * the rewritten rows match these lines, and a deleted tail leaves anchored entries with no row.
 */
export function appendAnchors(file: string, entries: readonly { seq: number; hash: string }[]): void {
  appendLines(
    file,
    entries.map((e) => `${e.seq} ${e.hash}`),
  );
}

export function readAnchors(file: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of readLines(file)) {
    const m = /^(\d+) ([0-9a-f]{64})$/.exec(line.trim());
    // The first line for a seq wins: an anchor once written is what that entry was. A later line for
    // the same seq only appears when entries were deleted and the number reused.
    if (m && !out.has(Number(m[1]))) out.set(Number(m[1]), m[2]!);
  }
  return out;
}
