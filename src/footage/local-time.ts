/**
 * Camera times are wall-clock times in the camera's zone (Asia/Shanghai unless the archive says
 * otherwise). They are kept with their offset (2024-03-11T09:40:32+08:00) for display and as UTC
 * (2024-03-11T01:40:32Z) for sorting and comparison. Pure functions; the zone rules come from Intl.
 */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface ZonedTime {
  /** With the zone's offset at that instant, e.g. `2024-03-11T09:40:32+08:00`. */
  local: string;
  /** `2024-03-11T01:40:32Z`. */
  utc: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Whether `tz` is an IANA zone this runtime knows. */
export function isKnownZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC in minutes at an instant (+480 for Asia/Shanghai). */
export function zoneOffsetMinutes(tz: string, instant: Date): number {
  const parts = Object.fromEntries(
    formatter(tz)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant a wall-clock time in `tz` stands for (the earlier one when a clock change repeats it). */
export function wallToInstant(w: WallTime, tz: string): Date {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  let guess = naive - zoneOffsetMinutes(tz, new Date(naive)) * 60000;
  guess = naive - zoneOffsetMinutes(tz, new Date(guess)) * 60000;
  return new Date(guess);
}

export function zoned(instant: Date, tz: string): ZonedTime {
  const off = zoneOffsetMinutes(tz, instant);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + off * 60000);
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  const iso = local.toISOString().slice(0, 19);
  return { local: `${iso}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`, utc: utcIso(instant) };
}

export function utcIso(instant: Date): string {
  return instant.toISOString().slice(0, 19) + 'Z';
}

/** `YYYYMMDDhhmmss` (or date `YYYYMMDD` + time `hhmmss`) → a valid wall time, or null. */
export function parseCompact(date: string, time = ''): WallTime | null {
  const s = date + time;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return validWall({ year, month, day, hour, minute, second });
}

/**
 * An ISO date-time: with an offset or `Z` it names an instant; without one it is a wall time in `tz`.
 * `YYYY-MM-DD` alone is midnight in `tz`. Returns null when it is not a valid date-time.
 */
export function parseDateTime(s: string, tz: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) return null;
  const w = validWall({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) });
  if (!w) return null;
  const zone = m[7];
  if (!zone) return wallToInstant(w, tz);
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  if (zone === 'Z') return new Date(naive);
  const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  const off = (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3]));
  return new Date(naive - off * 60000);
}

function validWall(w: WallTime): WallTime | null {
  if (w.year < 1990 || w.year > 2100 || w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return null;
  if (w.day > new Date(Date.UTC(w.year, w.month, 0)).getUTCDate()) return null;
  return w;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
