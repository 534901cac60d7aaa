import type { Db } from '../db.js';

export interface CalendarYearRow {
  year: number;
  off: string[];
  work: string[];
  source: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** The archive's own work-calendar years (override the shipped table year by year). */
export class CalendarRepo {
  constructor(private readonly db: Db) {}

  years(): CalendarYearRow[] {
    return (
      this.db
        .prepare(
          `SELECT w.year, w.off_days AS off, w.work_days AS work, w.source, w.updated_at AS updatedAt, u.display_name AS updatedBy
           FROM work_calendar_years w LEFT JOIN users u ON u.id = w.updated_by ORDER BY w.year`,
        )
        .all() as (Omit<CalendarYearRow, 'off' | 'work'> & { off: string; work: string })[]
    ).map((r) => ({ ...r, off: JSON.parse(r.off) as string[], work: JSON.parse(r.work) as string[] }));
  }

  year(year: number): CalendarYearRow | undefined {
    return this.years().find((y) => y.year === year);
  }

  put(y: { year: number; off: readonly string[]; work: readonly string[]; source: string; by: number | null; now: string }): void {
    this.db
      .prepare(
        `INSERT INTO work_calendar_years (year, off_days, work_days, source, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(year) DO UPDATE SET off_days = excluded.off_days, work_days = excluded.work_days, source = excluded.source,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(y.year, JSON.stringify(y.off), JSON.stringify(y.work), y.source, y.now, y.by);
  }
}
