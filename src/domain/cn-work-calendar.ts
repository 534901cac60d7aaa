/**
 * The official working-day calendar (国务院办公厅关于部分节假日安排的通知), as a value built from data:
 * per year, the 法定节假日 weekdays off and the 调休 weekend days that are working days. The 行政处罚法
 * (Art. 85) and 行政强制法 (Art. 69) count short periods in 工作日 on this calendar, not by weekday.
 * The shipped table is resources/calendar/cn-work-calendar.json (src/calendar/ loads it and an
 * archive's override years); years not listed fall back to the weekday rule and `covers` says so.
 */
export interface CalendarYear {
  /** `MM-DD` weekdays that are days off. */
  off: readonly string[];
  /** `MM-DD` weekend days that are working days (调休上班). */
  work: readonly string[];
  source: string;
}
export type CalendarTable = Readonly<Record<number, CalendarYear>>;

/** Working days on one calendar table (the shipped one, or it with an archive's override years). */
export interface WorkCalendar {
  covers(year: number): boolean;
  isWorkingDay(day: string): boolean;
  /** The day `n` working days after `day` (the start day itself not counted). */
  addWorkingDays(day: string, n: number): string;
  /** Working days after `from` up to and including `to` (0 when `to` <= `from`). */
  workingDaysBetween(from: string, to: string): number;
  /** Years the table holds, ascending. */
  years(): number[];
  /** The source the table names for a year (e.g. 国务院办公厅关于2025年部分节假日安排的通知). */
  sourceOf(year: number): string | null;
}

function utc(day: string): Date {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const weekdayOf = (day: string) => utc(day).getUTCDay();

export function workCalendar(table: CalendarTable): WorkCalendar {
  const off = new Set(Object.entries(table).flatMap(([y, c]) => c.off.map((d) => `${y}-${d}`)));
  const work = new Set(Object.entries(table).flatMap(([y, c]) => c.work.map((d) => `${y}-${d}`)));
  const isWorkingDay = (day: string): boolean => {
    const k = day.slice(0, 10);
    if (work.has(k)) return true;
    if (off.has(k)) return false;
    const wd = weekdayOf(k);
    return wd !== 0 && wd !== 6;
  };
  return {
    covers: (year) => year in table,
    isWorkingDay,
    addWorkingDays(day, n) {
      const date = utc(day);
      let left = n;
      while (left > 0) {
        date.setUTCDate(date.getUTCDate() + 1);
        if (isWorkingDay(date.toISOString().slice(0, 10))) left--;
      }
      return date.toISOString().slice(0, 10);
    },
    workingDaysBetween(from, to) {
      const date = utc(from);
      const end = to.slice(0, 10);
      let n = 0;
      for (let guard = 0; guard < 40_000; guard++) {
        date.setUTCDate(date.getUTCDate() + 1);
        const k = date.toISOString().slice(0, 10);
        if (k > end) break;
        if (isWorkingDay(k)) n++;
      }
      return n;
    },
    years: () =>
      Object.keys(table)
        .map(Number)
        .sort((a, b) => a - b),
    sourceOf: (year) => table[year]?.source ?? null,
  };
}

/** One problem with a year's lists: the field and the reason (English, Chinese). */
export interface CalendarIssue {
  path: string;
  message: string;
  messageZh: string;
}

/**
 * Checks one year's lists: real `MM-DD` days of that year, days off only on weekdays, 调休 working
 * days only on weekends, nothing listed twice or in both lists, and at least the 元旦 day off.
 */
export function checkCalendarYear(year: number, y: { off: readonly string[]; work: readonly string[] }): CalendarIssue[] {
  const out: CalendarIssue[] = [];
  const seen = new Map<string, string>();
  for (const [list, days] of [
    ['off', y.off],
    ['work', y.work],
  ] as const) {
    days.forEach((d, i) => {
      const path = `${list}[${i}]`;
      const full = `${year}-${d}`;
      if (!/^\d{2}-\d{2}$/.test(d) || utc(full).toISOString().slice(0, 10) !== full) {
        out.push({ path, message: `${path}: "${d}" is not a day of ${year} (MM-DD)`, messageZh: `${path}：“${d}”不是 ${year} 年的有效日期（MM-DD）` });
        return;
      }
      const prior = seen.get(d);
      if (prior) out.push({ path, message: `${path}: ${full} is already listed (${prior})`, messageZh: `${path}：${full} 已在 ${prior} 中列出` });
      seen.set(d, path);
      const wd = weekdayOf(full);
      const weekend = wd === 0 || wd === 6;
      if (list === 'off' && weekend)
        out.push({ path, message: `${path}: ${full} is a weekend; list only weekdays off`, messageZh: `${path}：${full} 是周末，放假日只需列出工作日` });
      if (list === 'work' && !weekend)
        out.push({
          path,
          message: `${path}: ${full} is a weekday; list only weekends worked (调休)`,
          messageZh: `${path}：${full} 是工作日，调休上班只列周末`,
        });
    });
  }
  if (y.off.length === 0) out.push({ path: 'off', message: `off: ${year} lists no holidays`, messageZh: `off：${year} 年未列出任何法定节假日` });
  return out;
}
