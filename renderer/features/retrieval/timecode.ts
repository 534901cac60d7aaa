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
