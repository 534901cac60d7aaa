import type { ProfileBinding, Sheet } from '../domain/profile-binding.js';
import type { Entry, EntryPart, NumberedPage, SheetInfo } from './types.js';

/**
 * Volume split and page numbers. A volume takes whole 目录 entries until the next would pass the
 * split size (counted in numbered pages); an entry longer than the split size gets a volume of its
 * own. Inside a volume numbers start at 1 and go to every page that bears content — front or back —
 * and to every drawn sheet the profile does not list as unnumbered; blank pages get none.
 */
export function contentPages(e: Pick<Entry, 'parts'>): number {
  return e.parts.reduce((n, p) => n + p.pages.filter((pg) => !pg.blank).length, 0);
}

export function splitVolumes<E extends Pick<Entry, 'parts'>>(entries: readonly E[], splitAt: number): E[][] {
  const out: E[][] = [];
  let cur: E[] = [];
  let pages = 0;
  for (const e of entries) {
    const n = contentPages(e);
    if (cur.length > 0 && pages + n > splitAt) {
      out.push(cur);
      cur = [];
      pages = 0;
    }
    cur.push(e);
    pages += n;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export function tocPageCount(b: ProfileBinding, rows: number): number {
  return Math.max(1, Math.ceil(rows / b.toc.rowsPerPage));
}

export interface Numbered {
  entries: Entry[];
  sheets: SheetInfo[];
  pageCount: number;
  blankPages: number;
}

/** Numbers one volume's pages; returns new entries (seq from 1) with page numbers, start and end. */
export function numberVolume(b: ProfileBinding, entries: readonly Entry[]): Numbered {
  const unnumbered = new Set<Sheet>(b.numbering.unnumberedSheets);
  let next = 1;
  let blankPages = 0;
  const sheet = (s: Sheet, pages: number): SheetInfo => {
    const numbered = !unnumbered.has(s);
    const info = { sheet: s, pages, numbered, firstNumber: numbered ? next : null };
    if (numbered) next += pages;
    return info;
  };
  const sheets: SheetInfo[] = [sheet('cover', 1), sheet('toc', tocPageCount(b, entries.length))];
  const out = entries.map((e, i): Entry => {
    const parts = e.parts.map((p): EntryPart => {
      const pages = p.pages.map((pg): NumberedPage => {
        if (pg.blank) {
          blankPages++;
          return { ...pg, number: null };
        }
        return { ...pg, number: next++ };
      });
      const nums = pages.map((x) => x.number).filter((x): x is number => x !== null);
      return { ...p, pages, start: nums[0] ?? null, end: nums[nums.length - 1] ?? null };
    });
    const starts = parts.map((p) => p.start).filter((x): x is number => x !== null);
    const ends = parts.map((p) => p.end).filter((x): x is number => x !== null);
    return { ...e, seq: i + 1, parts, start: starts[0] ?? null, end: ends[ends.length - 1] ?? null };
  });
  sheets.push(sheet('beikao', 1));
  if (b.numbering.backCover) sheets.push(sheet('backCover', 1));
  return { entries: out, sheets, pageCount: next - 1, blankPages };
}
