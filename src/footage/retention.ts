import type { RetentionInfo } from '../api/types-footage.js';
import type { FootageProfile } from './footage-profile.js';

/**
 * Retention of a clip (pure). Evidence — linked to a case — is kept for good (永久) unless the profile
 * gives months; ordinary footage is kept at least `ordinaryMonths` from its start (or from its ingest
 * when the start is unknown), after which it is due for review, never deleted without approval.
 */
export function retentionOf(o: {
  evidence: boolean;
  startLocal: string | null;
  ingestedAt: string;
  rules: FootageProfile['retention'];
  today: string;
}): RetentionInfo {
  const months = o.evidence ? (o.rules.evidence === 'permanent' ? null : o.rules.evidence) : o.rules.ordinaryMonths;
  if (months === null) return { class: 'evidence', keepUntil: null, due: false };
  const keepUntil = addMonths((o.startLocal ?? o.ingestedAt).slice(0, 10), months);
  return { class: o.evidence ? 'evidence' : 'ordinary', keepUntil, due: keepUntil <= o.today };
}

/** `YYYY-MM-DD` + n calendar months (the 31st becomes the month's last day). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
