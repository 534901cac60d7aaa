import { AppError } from '../api/errors.js';
import { SEARCH_MAX_TEXT } from '../api/types-search.js';
import type { PhraseMatch } from '../storage/repos/search-repo.js';

/** Control characters (C0, DEL, C1) and the Unicode format/line separators that never belong in a search. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g;
/** What the per-character index keeps of a word (unicode61 token characters). */
const TOKEN_CHAR = /[\p{L}\p{N}]/u;

export interface SearchText {
  /** Trimmed, control characters replaced by spaces, runs of spaces collapsed. */
  text: string;
  /** Whitespace-separated words, each found anywhere in a field. */
  words: string[];
}

/**
 * Cleans what the user typed. Too long is refused (naming the length) before any other work, so a
 * pasted megabyte costs one length check; nothing left after cleaning is an empty search.
 */
export function cleanSearchText(raw: string): SearchText {
  if (raw.length > SEARCH_MAX_TEXT * 4) throw tooLong(raw.length);
  const text = raw.replace(CONTROL, ' ').replace(/\s+/gu, ' ').trim();
  const chars = [...text].length;
  if (chars > SEARCH_MAX_TEXT) throw tooLong(chars);
  return { text, words: text === '' ? [] : text.split(' ') };
}

function tooLong(n: number): AppError {
  return new AppError(
    'invalid_input',
    `search text is too long: ${n} characters (at most ${SEARCH_MAX_TEXT})`,
    `检索词过长：${n} 个字符（最多 ${SEARCH_MAX_TEXT} 个）`,
    { item: 'text' },
  );
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The FTS5 expression for the words: each word one quoted phrase (so `"`, `*`, `NEAR`, `-`, AND/OR/NOT
 * and parentheses are just text), all required. Words of ≥ 3 characters go to the trigram index; a
 * shorter word makes the whole query use the per-character index, where a word is the phrase of its
 * letters and digits. Null when no word has anything searchable (e.g. only punctuation, 1–2 chars).
 */
export function textMatch(words: readonly string[]): PhraseMatch | null {
  if (words.length === 0) return null;
  if (words.every((w) => [...w].length >= 3)) return { index: 'trigram', match: words.map(quote).join(' ') };
  const phrases = words.map((w) => [...w.toLowerCase()].filter((ch) => TOKEN_CHAR.test(ch)).join(' ')).filter((p) => p !== '');
  if (phrases.length === 0) return null;
  return { index: 'short', match: phrases.map(quote).join(' ') };
}
