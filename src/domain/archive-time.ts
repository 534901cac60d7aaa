/**
 * The archive's time zone. Dates typed without an offset, camera wall-clock times and the dates
 * printed on sheets are read in it. An archive records its zone in `meta.timezone` when it is
 * created; this is the default for archives that do not, and for a zone this runtime does not know.
 */
export const DEFAULT_ARCHIVE_TIME_ZONE = 'Asia/Shanghai';

/** True for an IANA zone name this runtime can convert with (`Asia/Shanghai`, `UTC` …). */
export function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The archive's zone from its meta table (`timezone`), or the default when unset or unknown. */
export function archiveTimeZone(meta: { get(key: string): string | null | undefined }): string {
  const tz = meta.get('timezone');
  return tz && isKnownTimeZone(tz) ? tz : DEFAULT_ARCHIVE_TIME_ZONE;
}
