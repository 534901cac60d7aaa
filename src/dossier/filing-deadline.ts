import type { FilingDeadline } from '../domain/profile-binding.js';

/**
 * The last day to file a closed case (归档期限) under the profile's rule. Working days skip Saturdays
 * and Sundays only: the official holiday calendar (with 调休 weekends) is not modelled here yet.
 */
export function filingDue(rule: FilingDeadline, closedOn: string): string {
  const [y, m, d] = closedOn.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (rule.rule === 'days-after-closing') {
    date.setUTCDate(date.getUTCDate() + rule.days);
  } else if (rule.rule === 'working-days-after-closing') {
    let left = rule.days;
    while (left > 0) {
      date.setUTCDate(date.getUTCDate() + 1);
      const wd = date.getUTCDay();
      if (wd !== 0 && wd !== 6) left--;
    }
  } else {
    return new Date(Date.UTC(y + 1, rule.month, 0)).toISOString().slice(0, 10);
  }
  return date.toISOString().slice(0, 10);
}
