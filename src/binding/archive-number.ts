import type { ProfileBinding } from '../domain/profile-binding.js';
import type { ArchiveCodeParts, BindCase } from './types.js';

/**
 * 归档号 and 档号. The 归档号 is the business serial the 立卷人 writes on the cover (default `YYYY` +
 * 4-digit serial of the 结案 year); the 档号 is the archive code composed from the profile pattern
 * (全宗号-目录号-案卷号, or DA/T 22 style) with the 全宗号/目录号 configured for the archive.
 */
type YearRule = ProfileBinding['archiveNo']['prefixYear'];

export function yearBy(rule: YearRule, c: Pick<BindCase, 'dates'>, sealedOn: string): number {
  const source = rule === 'filed' ? (c.dates.filed ?? c.dates.closed) : rule === 'closed' ? c.dates.closed : sealedOn;
  return Number(source.slice(0, 4));
}

/** The year whose serial sequence a dossier draws from, and the year printed in its number. */
export function archiveYears(b: ProfileBinding, c: Pick<BindCase, 'dates'>, sealedOn: string): { prefixYear: number; serialYear: number } {
  return { prefixYear: yearBy(b.archiveNo.prefixYear, c, sealedOn), serialYear: yearBy(b.archiveNo.serialYear, c, sealedOn) };
}

function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{([A-Za-z]+)\}/g, (_, k: string) => values[k] ?? '');
}

export function formatArchiveNo(b: ProfileBinding, prefixYear: number, serial: number): string {
  return fill(b.archiveNo.pattern, { year: String(prefixYear), serial: String(serial).padStart(b.archiveNo.serialDigits, '0') });
}

/**
 * The 档号 of one volume, or null when the pattern needs a 全宗号/目录号 the archive has not been given
 * (the archives office fills it in later, as a recorded correction).
 */
export function composeArchiveCode(
  b: ProfileBinding,
  parts: ArchiveCodeParts | null,
  extra: { retentionCode: string; archiveNo: string | null },
  volume: { index: number; count: number },
): string | null {
  if (!parts) return null;
  const serial = String(parts.serial).padStart(b.archiveNo.serialDigits, '0');
  const values: Record<string, string> = {
    fonds: parts.fondsNo ?? '',
    catalog: parts.catalogNo ?? '',
    file: parts.fileNo ?? serial,
    year: String(parts.year),
    serial,
    retention: extra.retentionCode,
    class: b.archiveCode.classCode,
    org: b.archiveCode.orgCode,
    archiveNo: extra.archiveNo ?? '',
    volume: String(volume.index),
  };
  const needed = [...b.archiveCode.pattern.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!);
  if (needed.some((k) => values[k] === '')) return null;
  const base = fill(b.archiveCode.pattern, values);
  return volume.count > 1 ? base + fill(b.archiveCode.volumeSuffix, values) : base;
}
