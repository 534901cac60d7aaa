import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type CalendarTable, checkCalendarYear, type WorkCalendar, workCalendar } from '../domain/cn-work-calendar.js';
import { resourcesDir } from './paths.js';

/** The shipped working-day calendar (a shipped resource, below everything that binds or reviews): resources/calendar/cn-work-calendar.json, validated on load. */
const fileSchema = z.object({
  description: z.string().optional(),
  years: z.record(z.string().regex(/^\d{4}$/), z.object({ source: z.string().min(1), off: z.array(z.string()), work: z.array(z.string()) })),
});

export function calendarFile(resources: string): string {
  return path.join(resources, 'calendar', 'cn-work-calendar.json');
}

/** Reads and checks the shipped table; throws naming the file, the year and the field. */
export function loadShippedTable(resources: string = resourcesDir()): CalendarTable {
  const file = calendarFile(resources);
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const table: Record<number, CalendarTable[number]> = {};
  for (const [y, c] of Object.entries(parsed.data.years)) {
    const issues = checkCalendarYear(Number(y), c);
    if (issues.length) throw new Error(`${file}: years.${y}.${issues[0]!.message}`);
    table[Number(y)] = c;
  }
  return table;
}

const cache = new Map<string, { table: CalendarTable; calendar: WorkCalendar }>();

function cached(resources: string) {
  let c = cache.get(resources);
  if (!c) {
    const table = loadShippedTable(resources);
    c = { table, calendar: workCalendar(table) };
    cache.set(resources, c);
  }
  return c;
}

/** The shipped table for a resources folder, read once. */
export function shippedTable(resources: string = resourcesDir()): CalendarTable {
  return cached(resources).table;
}

/** The shipped calendar (without an archive's override). */
export function shippedCalendar(resources: string = resourcesDir()): WorkCalendar {
  return cached(resources).calendar;
}

/** Whether the shipped calendar has the official schedule for this year. */
export function calendarCovers(year: number): boolean {
  return shippedCalendar().covers(year);
}

/** `YYYY-MM-DD` is a working day on the shipped calendar. */
export function isWorkingDay(day: string): boolean {
  return shippedCalendar().isWorkingDay(day);
}

/** The day `n` working days after `day` on the shipped calendar (the start day not counted). */
export function addWorkingDays(day: string, n: number): string {
  return shippedCalendar().addWorkingDays(day, n);
}
