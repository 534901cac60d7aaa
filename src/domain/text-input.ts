/**
 * Rules for text a user types or a case JSON carries (docs/SECURITY.md, "Inputs"). Pure: the
 * schemas use them, and the renderer may too.
 */

/**
 * Characters no field of ours should hold: C0/C1 controls (NUL, ESC of ANSI escapes, DEL …) except
 * tab and line breaks, bidirectional overrides and isolates (which make a name read differently
 * than it sorts), and lone UTF-16 surrogates (not text at all; they break UTF-8 files and XML).
 */
// Without the `u` flag, so that the regular expression sees UTF-16 code units and lone surrogates.
const BAD_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `s` holds none of the characters above. */
export function isCleanText(s: string): boolean {
  return !BAD_CHARS.test(s);
}

/** Zero-width and invisible formatting characters that make two equal-looking 案号 differ. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
/** `[2024]`, `［2024］`, `【2024】`, `(2024)`, `（2024）`, `〔 2024 〕` → `〔2024〕` (the year brackets of GB/T 9704). */
const YEAR_BRACKETS = /[[【(〔]\s*(\d{4})\s*[\]】)〕]/g;

/**
 * The one spelling of a 案号 that is stored and compared, so that full-width digits, zero-width
 * spaces or `[]` for `〔〕` cannot make a duplicate look new: NFKC (full-width → ASCII digits and
 * brackets), invisible characters and whitespace removed, the year's brackets made `〔〕`.
 */
export function normaliseCaseNo(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, '').replace(YEAR_BRACKETS, '〔$1〕');
}

/** Limits for free-form JSON (`extra`): deep nesting and huge objects are refused before anything recurses. */
export const JSON_LIMITS = { maxDepth: 16, maxNodes: 5000 } as const;

export type JsonProblem = 'too_deep' | 'too_big' | 'unsafe_number' | 'negative_amount' | 'bad_chars';

/** Keys that hold a sum of money (罚款金额 …): never negative. */
const MONEY_KEY = /(yuan|amount|fine)$|^fine|罚款|金额/i;

/**
 * The first problem of a free-form JSON value, with its path; iterative, so 5,000 nested levels
 * cost a loop, not the stack. Numbers must survive a round trip (|n| ≤ 2^53 − 1 for integers; a
 * longer one has already lost digits in JSON.parse: write it as a string).
 */
export function jsonProblem(value: unknown): { problem: JsonProblem; path: (string | number)[] } | null {
  const stack: { v: unknown; path: (string | number)[]; key: string }[] = [{ v: value, path: [], key: '' }];
  let nodes = 0;
  while (stack.length) {
    const { v, path, key } = stack.pop()!;
    if (++nodes > JSON_LIMITS.maxNodes) return { problem: 'too_big', path };
    if (path.length > JSON_LIMITS.maxDepth) return { problem: 'too_deep', path: path.slice(0, JSON_LIMITS.maxDepth) };
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v))) return { problem: 'unsafe_number', path };
      if (v < 0 && MONEY_KEY.test(key)) return { problem: 'negative_amount', path };
    } else if (typeof v === 'string') {
      if (!isCleanText(v)) return { problem: 'bad_chars', path };
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, path: [...path, i], key }));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!isCleanText(k)) return { problem: 'bad_chars', path: [...path, k] };
        stack.push({ v: x, path: [...path, k], key: k });
      }
    }
  }
  return null;
}

/** Years a case or document date may carry: 0000 and 9999 are typing slips, not dates. */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

export function plausibleYear(iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  return y >= DATE_YEARS.min && y <= DATE_YEARS.max;
}
