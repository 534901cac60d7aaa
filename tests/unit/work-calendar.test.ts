import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarCovers, isWorkingDay, shippedTable } from '../../src/calendar/shipped-calendar.js';

const WORK_CALENDAR = shippedTable();

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

describe('the official working-day calendar', () => {
  it('knows 法定节假日 on weekdays and 调休 working weekends, 2023–2026', () => {
    for (const y of [2023, 2024, 2025, 2026]) expect(calendarCovers(y)).toBe(true);
    expect(calendarCovers(2031)).toBe(false);
    // 国庆 2024: Tuesday 10-01 off, Sunday 09-29 and Saturday 10-12 worked.
    expect(isWorkingDay('2024-10-01')).toBe(false);
    expect(isWorkingDay('2024-09-29')).toBe(true);
    expect(isWorkingDay('2024-10-12')).toBe(true);
    // 春节 2026: nine days off from Sunday 02-15; Saturdays 02-14 and 02-28 worked.
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23']) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    // Ordinary days, and years beyond the table, follow the weekday rule.
    expect(isWorkingDay('2024-11-20')).toBe(true);
    expect(isWorkingDay('2024-11-23')).toBe(false);
    expect(isWorkingDay('2031-03-08')).toBe(false);
  });

  it('lists only weekdays as extra days off and only weekends as working weekends', () => {
    for (const [y, c] of Object.entries(WORK_CALENDAR)) {
      for (const d of c.off) expect([1, 2, 3, 4, 5], `${y}-${d} off`).toContain(weekday(`${y}-${d}`));
      for (const d of c.work) expect([0, 6], `${y}-${d} worked`).toContain(weekday(`${y}-${d}`));
    }
    // Each year has between 8 and 14 weekday holidays (11 法定节假日 days, some on weekends, plus bridging days).
    for (const y of [2023, 2024, 2025, 2026]) {
      let off = 0;
      let worked = 0;
      for (let t = Date.UTC(y, 0, 1); t < Date.UTC(y + 1, 0, 1); t += 86_400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        const weekend = weekday(day) === 0 || weekday(day) === 6;
        if (!weekend && !isWorkingDay(day)) off++;
        if (weekend && isWorkingDay(day)) worked++;
      }
      expect(off, String(y)).toBeGreaterThanOrEqual(13);
      expect(off, String(y)).toBeLessThanOrEqual(19);
      expect(worked, String(y)).toBeGreaterThanOrEqual(4);
      expect(worked, String(y)).toBeLessThanOrEqual(8);
    }
  });

  it('counts periods in working days, not counting the start day', () => {
    expect(addWorkingDays('2024-09-27', 10)).toBe('2024-10-16');
    expect(addWorkingDays('2025-01-24', 5)).toBe('2025-02-07');
    expect(addWorkingDays('2024-11-18', 0)).toBe('2024-11-18');
  });
});
