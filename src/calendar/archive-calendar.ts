import { AppError } from '../api/errors.js';
import type { CalendarInfo, CalendarYearInfo } from '../api/types-calendar.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { type CalendarTable, checkCalendarYear, type WorkCalendar, workCalendar } from '../domain/cn-work-calendar.js';
import { CalendarRepo } from '../storage/repos/calendar-repo.js';
import { shippedTable } from './shipped-calendar.js';

/**
 * The archive's working-day calendar: the shipped table with the years an administrator entered in
 * this archive (a new year's 国务院 notice, or a correction) taking their place year by year.
 */
export function archiveCalendarTable(archive: Archive, resources: string): CalendarTable {
  const table: Record<number, CalendarTable[number]> = { ...shippedTable(resources) };
  for (const y of new CalendarRepo(archive.db).years()) table[y.year] = { off: y.off, work: y.work, source: y.source };
  return table;
}

export function archiveCalendar(archive: Archive, resources: string): WorkCalendar {
  return workCalendar(archiveCalendarTable(archive, resources));
}

export function calendarGet(archive: Archive, resources: string): CalendarInfo {
  const shipped = shippedTable(resources);
  const own = new Map(new CalendarRepo(archive.db).years().map((y) => [y.year, y]));
  const years = [...new Set([...Object.keys(shipped).map(Number), ...own.keys()])].sort((a, b) => a - b);
  return {
    years: years.map((year): CalendarYearInfo => {
      const o = own.get(year);
      if (o) return { year, off: o.off, work: o.work, source: o.source, origin: 'archive', updatedAt: o.updatedAt, updatedBy: o.updatedBy };
      const s = shipped[year]!;
      return { year, off: [...s.off], work: [...s.work], source: s.source, origin: 'shipped', updatedAt: null, updatedBy: null };
    }),
  };
}

export interface CalendarUpdate {
  year: number;
  off: string[];
  work: string[];
  source: string;
}

/** Enters (or replaces) one year's 法定节假日 and 调休 lists in the archive, validated and audited. */
export function calendarUpdate(archive: Archive, user: UserInfo, u: CalendarUpdate, resources: string): CalendarInfo {
  const off = [...new Set(u.off)].sort();
  const work = [...new Set(u.work)].sort();
  const issues = checkCalendarYear(u.year, { off: u.off, work: u.work });
  if (issues.length) {
    const first = issues[0]!;
    throw new AppError('invalid_input', `work calendar ${u.year}: ${first.message}`, `${u.year} 年工作日历：${first.messageZh}`, {
      item: first.path,
      details: issues,
    });
  }
  const repo = new CalendarRepo(archive.db);
  change(archive, user, () => {
    const before = repo.year(u.year) ?? shippedTable(resources)[u.year] ?? null;
    repo.put({ year: u.year, off, work, source: u.source, by: user.id, now: archive.clock.now().toISOString() });
    return {
      value: null,
      audit: [
        {
          action: 'calendar.update',
          targetType: 'calendar',
          targetId: u.year,
          before: before ? { off: before.off, work: before.work, source: before.source } : null,
          after: { off, work, source: u.source },
          detail: { year: u.year, off: off.length, work: work.length },
        },
      ],
    };
  });
  return calendarGet(archive, resources);
}
