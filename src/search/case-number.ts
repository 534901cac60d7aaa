import { NUMBER_SPELLINGS } from '../storage/repos/search-repo.js';

/**
 * 案号 and 文号 as people type them: an organ's abbreviation and kind (青石综执罚立, 沪城管简), the year in
 * brackets, the serial and 号 — 青石综执罚立〔2024〕44号, also with 字 / 第 (…〔2024〕字第12号). Official
 * documents use 六角括号 〔〕 (GB/T 9704); a keyboard gives [ ] ［ ］ ( ) （ ） 【 】 instead.
 * The filing-spec profiles carry no case-number pattern, so the shape is recognised here.
 */
const SHAPE = /^(\S{1,40}?)\s*[〔［[(（【]\s*((?:19|20)\d{2})\s*[〕］\])）】]\s*(字?\s*第?\s*\d{1,8}\s*号)$/u;

/** Bracket pairs a year is written in, the official one first. */
const BRACKETS: readonly [string, string][] = [
  ['〔', '〕'],
  ['[', ']'],
  ['［', '］'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
];

/**
 * The spellings to look up exactly when `words` is one whole 案号/文号 (the typed text first, then the
 * official brackets and the keyboard variants, spaces dropped), or null when it is not that shape.
 * A part of a number (综执罚立〔2024〕44号 without the town, 〔2024〕44) is not found exactly and goes
 * to the phrase match as any text does.
 */
export function caseNumberSpellings(words: readonly string[]): string[] | null {
  if (words.length !== 1) return null;
  const typed = words[0]!;
  const m = SHAPE.exec(typed);
  if (!m) return null;
  const [, organ, year, serial] = m as unknown as [string, string, string, string];
  const tail = serial.replace(/\s+/gu, '');
  const spellings = new Set([typed, ...BRACKETS.map(([l, r]) => `${organ}${l}${year}${r}${tail}`)]);
  return [...spellings].slice(0, NUMBER_SPELLINGS);
}
