/**
 * HTTP Range parsing for the media scheme (RFC 9110 §14). Pure: no Electron, no I/O, so it is
 * shared by the HTTP bridge and the Electron media scheme (tests/unit/electron-range.test.ts).
 *
 * Only a single `bytes=` range is honoured. A header we cannot parse, another unit, or several
 * ranges are ignored and the whole file is sent with 200 — the RFC lets a server do that, and
 * <video>/<img>/pdf.js only ever ask for one range.
 */
export type RangeAnswer = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes[ \t]*=[ \t]*(\d*)[ \t]*-[ \t]*(\d*)[ \t]*$/i;

/** `end` is inclusive, as in Content-Range. `size` is the file's length in bytes. */
export function parseRange(header: string | null | undefined, size: number, opts: { strict?: boolean } = {}): RangeAnswer {
  if (header === null || header === undefined || header.trim() === '') return { kind: 'full' };
  // Strict (original footage): a header we cannot honour exactly is refused with 416 rather than
  // answered with the whole file, so a client never streams a 1 GB original it did not ask for.
  const ignored: RangeAnswer = opts.strict ? { kind: 'unsatisfiable' } : { kind: 'full' };
  const m = SINGLE_RANGE.exec(header.trim());
  if (!m) return ignored;
  const first = m[1] ?? '';
  const last = m[2] ?? '';
  if (first === '' && last === '') return ignored;

  if (first === '') {
    // Suffix range: the last N bytes.
    const n = toInt(last);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }

  const start = toInt(first);
  let end = last === '' ? size - 1 : toInt(last);
  if (last !== '' && end < start) return ignored; // syntactically invalid
  if (start >= size) return { kind: 'unsatisfiable' };
  if (end >= size) end = size - 1;
  return { kind: 'partial', start, end };
}

/** The Content-Range value for a 206 answer. */
export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

/** The Content-Range value for a 416 answer. */
export function unsatisfiedRange(size: number): string {
  return `bytes */${size}`;
}

/** Digits only (the pattern ensures it); absurdly long numbers saturate instead of losing precision. */
function toInt(digits: string): number {
  return Math.min(Number(digits), Number.MAX_SAFE_INTEGER);
}
