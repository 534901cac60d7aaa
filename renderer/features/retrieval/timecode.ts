/** `mm:ss.t` (or `h:mm:ss.t`) for a position in seconds. */
export function timecode(sec: number): string {
  const s = Math.max(0, sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s - h * 3600 - m * 60;
  const ss = r.toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}

/** `00:00–00:03, 00:05–00:09` for watched stretches. */
export function segmentsText(segs: readonly (readonly [number, number])[]): string {
  const c = (n: number) => {
    const s = Math.floor(n);
    return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  };
  return segs.map(([a, b]) => `${c(a)}–${c(b)}`).join('，') || '—';
}

/** One frame of the clip in seconds, from its probed frame rate (25 when unknown). */
export function frameSeconds(frameRate: number | null | undefined): number {
  return frameRate && Number.isFinite(frameRate) && frameRate > 0 ? 1 / frameRate : 1 / 25;
}

export interface InOut {
  in: number | null;
  out: number | null;
}

/** The in/out points after setting one of them at `sec`: the other is dropped when it no longer lies on its side. */
export function withPoint(p: InOut, which: 'in' | 'out', sec: number): InOut {
  if (which === 'in') return { in: sec, out: p.out !== null && p.out > sec ? p.out : null };
  return { in: p.in !== null && p.in < sec ? p.in : null, out: sec };
}
