/**
 * The official working-day calendar (国务院办公厅关于部分节假日安排的通知), as data: the 法定节假日 days
 * off and the 调休 weekend days that are working days. The 行政处罚法 (Art. 85) and the filing rules
 * count short periods in 工作日 on this calendar, not by weekday. Years not listed fall back to the
 * weekday rule; `calendarCovers` tells callers (so a notice can say so) — extend the table each
 * December when the State Council publishes the next year.
 */

/** Per year: days off (beyond ordinary weekends) and weekend days that are working days (调休上班). */
export const WORK_CALENDAR: CalendarTable = {
  2023: {
    source: '国务院办公厅关于2023年部分节假日安排的通知',
    off: [
      '01-02',
      '01-23',
      '01-24',
      '01-25',
      '01-26',
      '01-27',
      '04-05',
      '05-01',
      '05-02',
      '05-03',
      '06-22',
      '06-23',
      '09-29',
      '10-02',
      '10-03',
      '10-04',
      '10-05',
      '10-06',
    ],
    work: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  },
  2024: {
    source: '国务院办公厅关于2024年部分节假日安排的通知',
    off: [
      '01-01',
      '02-12',
      '02-13',
      '02-14',
      '02-15',
      '02-16',
      '04-04',
      '04-05',
      '05-01',
      '05-02',
      '05-03',
      '06-10',
      '09-16',
      '09-17',
      '10-01',
      '10-02',
      '10-03',
      '10-04',
      '10-07',
    ],
    work: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    source: '国务院办公厅关于2025年部分节假日安排的通知',
    off: [
      '01-01',
      '01-28',
      '01-29',
      '01-30',
      '01-31',
      '02-03',
      '02-04',
      '04-04',
      '05-01',
      '05-02',
      '05-05',
      '06-02',
      '10-01',
      '10-02',
      '10-03',
      '10-06',
      '10-07',
      '10-08',
    ],
    work: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    off: [
      '01-01',
      '01-02',
      '02-16',
      '02-17',
      '02-18',
      '02-19',
      '02-20',
      '02-23',
      '04-06',
      '05-01',
      '05-04',
      '05-05',
      '06-19',
      '09-25',
      '10-01',
      '10-02',
      '10-05',
      '10-06',
      '10-07',
    ],
    work: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

export interface CalendarYear {
  off: readonly string[];
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
  /** Years the table holds (for notices: "2027 not in the calendar"). */
  years(): number[];
}

function utc(day: string): Date {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function workCalendar(table: CalendarTable): WorkCalendar {
  const off = new Set(Object.entries(table).flatMap(([y, c]) => c.off.map((d) => `${y}-${d}`)));
  const work = new Set(Object.entries(table).flatMap(([y, c]) => c.work.map((d) => `${y}-${d}`)));
  const isWorkingDay = (day: string): boolean => {
    const k = day.slice(0, 10);
    if (work.has(k)) return true;
    if (off.has(k)) return false;
    const wd = utc(k).getUTCDay();
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
      for (let guard = 0; guard < 20_000; guard++) {
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
  };
}

/** The calendar as shipped (without an archive's override). */
export const SHIPPED_CALENDAR: WorkCalendar = workCalendar(WORK_CALENDAR);

/** Whether the calendar has the official schedule for this year. */
export function calendarCovers(year: number): boolean {
  return SHIPPED_CALENDAR.covers(year);
}

/** `YYYY-MM-DD` is a working day: a 调休 working weekend, or a weekday that is not a 法定节假日. */
export function isWorkingDay(day: string): boolean {
  return SHIPPED_CALENDAR.isWorkingDay(day);
}

/** The day `n` working days after `day` (the start day itself not counted), `YYYY-MM-DD`. */
export function addWorkingDays(day: string, n: number): string {
  return SHIPPED_CALENDAR.addWorkingDays(day, n);
}
