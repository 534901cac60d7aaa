/**
 * The one duration format. Seconds are rounded to whole seconds FIRST and only then split into
 * hours, minutes and seconds, so 59.7 s is "1分00秒" (never "0分60秒") and 3599.5 s is "1小时00分00秒".
 * Used by the 卷内目录 title of an AV item, the PDF 视听资料证据 sheet and the print preview (which must
 * agree), and by the compact lists (`formatDurationClock`).
 */

/** Whole hours, minutes and seconds of a duration, rounded to the nearest second (negatives are 0). */
export function durationParts(seconds: number): { h: number; m: number; s: number } {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Shown when a duration is unknown (no probe yet, or not a number). */
export const UNKNOWN_DURATION = '—';

/** `12分31秒`, `0分05秒`, `1小时02分03秒`; `—` when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return UNKNOWN_DURATION;
  const { h, m, s } = durationParts(seconds);
  return h > 0 ? `${h}小时${pad2(m)}分${pad2(s)}秒` : `${m}分${pad2(s)}秒`;
}

/** `0:42`, `12:31`, `1:02:03` for tables and progress; `—` when unknown. */
export function formatDurationClock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return UNKNOWN_DURATION;
  const { h, m, s } = durationParts(seconds);
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}
