/** Calendar dates are kept as ISO strings: `YYYY-MM-DD`, optionally with a local time `THH:mm`. */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map((v) => (v === undefined ? 0 : Number(v)));
  if (mo! < 1 || mo! > 12 || d! < 1) return false;
  const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  if (d! > days) return false;
  if (h! > 23 || mi! > 59) return false;
  return true;
}

/** The date part (`YYYY-MM-DD`) of an ISO date or date-time. */
export function datePart(value: string): string {
  return value.slice(0, 10);
}

export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}
