import type { SearchField, SearchMatch } from '../api/types-search.js';

const KEEP = /[\p{L}\p{N}]/u;
const CONTEXT = 16;

/** Where `word` occurs in `value`, case-insensitively: exactly, or else ignoring punctuation and spaces (as the per-character index does). */
function find(value: string, word: string): [number, number] | null {
  const v = value.toLowerCase();
  const w = word.toLowerCase();
  const exact = v.indexOf(w);
  if (exact >= 0) return [exact, exact + w.length];
  // Letters and digits only, remembering where each came from.
  const pos: number[] = [];
  let kept = '';
  for (let i = 0; i < v.length;) {
    const cp = v.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (KEEP.test(ch)) {
      for (let k = 0; k < ch.length; k++) pos.push(i + k);
      kept += ch;
    }
    i += ch.length;
  }
  const target = [...w].filter((ch) => KEEP.test(ch)).join('');
  if (target === '') return null;
  const at = kept.indexOf(target);
  if (at < 0) return null;
  return [pos[at]!, pos[at + target.length - 1]! + 1];
}

/**
 * The field's match for the words: a snippet around the first match (… where cut) with every
 * matched stretch marked, or null when no word occurs in it.
 */
export function matchField(field: SearchField, value: string | null, words: readonly string[]): SearchMatch | null {
  if (value === null || value === '') return null;
  const hits = words.map((w) => find(value, w)).filter((h): h is [number, number] => h !== null);
  if (hits.length === 0) return null;
  hits.sort((a, b) => a[0] - b[0]);
  const first = hits[0]!;
  let start = Math.max(0, first[0] - CONTEXT);
  let end = Math.min(value.length, Math.max(first[1], start + CONTEXT * 3));
  // Never cut a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(value[start]!)) start--;
  if (end < value.length && /[\udc00-\udfff]/.test(value[end]!)) end++;
  const pre = start > 0 ? '…' : '';
  const snippet = pre + value.slice(start, end) + (end < value.length ? '…' : '');
  const marks = hits.filter((h) => h[0] >= start && h[1] <= end).map((h): [number, number] => [h[0] - start + pre.length, h[1] - start + pre.length]);
  return { field, snippet, marks };
}
