import { AppError } from '../api/errors.js';
import type { Archive } from '../archive/archive.js';
import { archiveTimeZone } from '../domain/archive-time.js';
import { parseDateTime } from '../footage/local-time.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The archive's time zone (dates without an offset are read in it). */
export function archiveZone(archive: Archive): string {
  return archiveTimeZone(archive.meta);
}

/**
 * A user-typed date or date-time as an instant. `YYYY-MM-DD` is the start of that day in the
 * archive's zone, or its end (the next midnight) when `endOfDay` — "until 2026-12-31" includes the 31st.
 */
export function instantOf(archive: Archive, s: string, field: string, endOfDay = false): Date {
  const t = s.trim();
  const d = parseDateTime(t, archiveZone(archive));
  if (!d) throw new AppError('invalid_input', `${field}: ${s} is not a valid date-time`, `${field}：${s} 不是有效的日期时间`, { item: field });
  return endOfDay && DATE_ONLY.test(t) ? new Date(d.getTime() + 86_400_000) : d;
}
