/**
 * Large work buffers (read slots, the write buffer, the digest buffer) kept for the next volume. A
 * fresh set per volume is megabytes of garbage that V8 returns late, so a process exporting five
 * volumes in a row would grow by that much per volume. Borrow and give back; at most a few are kept.
 */
const kept: Buffer[] = [];
const MAX_KEPT = 8;

export function borrowBuffer(minBytes: number): Buffer {
  let best = -1;
  for (let i = 0; i < kept.length; i++) if (kept[i]!.length >= minBytes && (best < 0 || kept[i]!.length < kept[best]!.length)) best = i;
  if (best >= 0) return kept.splice(best, 1)[0]!;
  return Buffer.allocUnsafe(minBytes);
}

export function giveBackBuffer(buf: Buffer): void {
  if (kept.length < MAX_KEPT) kept.push(buf);
}
