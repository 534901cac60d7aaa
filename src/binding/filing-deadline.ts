import { addWorkingDays } from '../resources/work-calendar.js';
import type { FilingDeadline } from '../domain/profile-binding.js';

/**
 * The last day to file a closed case (归档期限) under the profile's rule. Working days follow the
 * official calendar (法定节假日 off, 调休 weekends worked; resources/calendar/, src/resources/work-calendar.ts).
 */
export function filingDue(rule: FilingDeadline, closedOn: string): string {
  const [y, m, d] = closedOn.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (rule.rule === 'days-after-closing') {
    date.setUTCDate(date.getUTCDate() + rule.days);
  } else if (rule.rule === 'working-days-after-closing') {
    return addWorkingDays(closedOn, rule.days);
  } else {
    return new Date(Date.UTC(y + 1, rule.month, 0)).toISOString().slice(0, 10);
  }
  return date.toISOString().slice(0, 10);
}
