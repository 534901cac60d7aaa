import type { Segment } from '../api/types-retrieval.js';

/** At most this many separate stretches are kept per session (a pathological client cannot grow a row without bound). */
export const MAX_SEGMENTS = 2000;

/**
 * The union of watched stretches, sorted, touching or overlapping ones joined, each clamped to
 * [0, duration] when the clip's duration is known; empty and reversed stretches dropped. Seconds are
 * rounded to hundredths.
 */
export function mergeSegments(segments: readonly Segment[], durationSec: number | null): [number, number][] {
  const max = durationSec !== null && durationSec > 0 ? durationSec : Infinity;
  const clean = segments
    .map(([a, b]) => [round(Math.max(0, Math.min(a, max))), round(Math.max(0, Math.min(b, max)))] as [number, number])
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const s of clean) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1] + 0.05) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out.slice(0, MAX_SEGMENTS);
}

/** Seconds covered by merged segments. */
export function totalOf(segments: readonly Segment[]): number {
  return round(segments.reduce((n, [a, b]) => n + (b - a), 0));
}

/** `01:05–02:10`, for logs and the 登记表. */
export function formatSegments(segments: readonly Segment[]): string {
  return segments.map(([a, b]) => `${clock(a)}–${clock(b)}`).join('，');
}

export function clock(sec: number): string {
  const s = Math.floor(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(r).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
