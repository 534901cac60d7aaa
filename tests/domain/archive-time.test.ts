import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveTimeZone, DEFAULT_ARCHIVE_TIME_ZONE, isKnownTimeZone } from '../../src/domain/archive-time.js';

const meta = (tz: string | undefined) => ({ get: (k: string) => (k === 'timezone' ? tz : undefined) });

describe('the archive time zone', () => {
  it('is the archive’s own zone when it records a known one', () => {
    expect(archiveTimeZone(meta('Asia/Urumqi'))).toBe('Asia/Urumqi');
    expect(archiveTimeZone(meta('UTC'))).toBe('UTC');
  });

  it('is Asia/Shanghai when the archive records none, an empty one, or one this runtime does not know', () => {
    expect(DEFAULT_ARCHIVE_TIME_ZONE).toBe('Asia/Shanghai');
    expect(archiveTimeZone(meta(undefined))).toBe('Asia/Shanghai');
    expect(archiveTimeZone(meta(''))).toBe('Asia/Shanghai');
    expect(archiveTimeZone(meta('Mars/Olympus_Mons'))).toBe('Asia/Shanghai');
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
  });

  it('is spelled once in the core: no other file of src/ has the zone as a literal', () => {
    const src = path.join(import.meta.dirname, '../../src');
    const files = readdirSync(src, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'));
    const spelled = files.filter(
      (f) => f !== path.join('domain', 'archive-time.ts') && /['"`]Asia\/Shanghai['"`]/.test(readFileSync(path.join(src, f), 'utf8')),
    );
    expect(spelled).toEqual([]);
  });
});
