import { describe, expect, it } from 'vitest';
import { durationParts, formatDuration, formatDurationClock } from '../../src/domain/duration.js';

describe('formatDuration (the one duration format)', () => {
  it.each([
    [0, '0分00秒'],
    [0.49, '0分00秒'],
    [0.5, '0分01秒'],
    [5, '0分05秒'],
    [59.4, '0分59秒'],
    [59.5, '1分00秒'],
    [59.7, '1分00秒'],
    [60, '1分00秒'],
    [751, '12分31秒'],
    [3599.4, '59分59秒'],
    [3599.5, '1小时00分00秒'],
    [3723, '1小时02分03秒'],
    [36000, '10小时00分00秒'],
  ])('%s s → %s', (sec, text) => {
    expect(formatDuration(sec)).toBe(text);
  });

  it('never prints 60 seconds or 60 minutes, whatever the fraction', () => {
    for (let tenth = 0; tenth <= 2 * 36000; tenth += 7) {
      const sec = tenth / 10;
      const text = formatDuration(sec);
      expect(text, `${sec}`).not.toMatch(/(^|\D)60[分秒]/);
      const { h, m, s } = durationParts(sec);
      expect(h * 3600 + m * 60 + s, `${sec}`).toBe(Math.round(sec));
      expect(formatDurationClock(sec), `${sec}`).not.toMatch(/:60/);
    }
  });

  it('shows unknown, not a number, for missing or broken values; negatives are 0', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatDuration(-3)).toBe('0分00秒');
  });

  it('has a compact clock form for tables with the same rounding', () => {
    expect(formatDurationClock(42)).toBe('0:42');
    expect(formatDurationClock(59.7)).toBe('1:00');
    expect(formatDurationClock(751)).toBe('12:31');
    expect(formatDurationClock(3723)).toBe('1:02:03');
    expect(formatDurationClock(3599.6)).toBe('1:00:00');
    expect(formatDurationClock(null)).toBe('—');
  });
});
