/** DTOs of the working-day calendar (工作日历): the shipped years and the archive's own. */
export interface CalendarYearInfo {
  year: number;
  off: string[];
  work: string[];
  source: string;
  /** 'shipped': from the release; 'archive': entered in this archive (overrides a shipped year). */
  origin: 'shipped' | 'archive';
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface CalendarInfo {
  years: CalendarYearInfo[];
}
