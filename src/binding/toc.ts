import type { ProfileBinding, TocColumn } from '../domain/profile-binding.js';
import type { Entry, TocRow } from './types.js';

/** 卷内文件目录: 序号 | 文号 | 责任者 | 题名 | 日期 | 页号 | 备注, with the 页号 column as the profile says. */
export const DEFAULT_TOC_COLUMNS: Record<TocColumn, string> = {
  seq: '序号',
  docNo: '文号',
  responsible: '责任者',
  title: '题名',
  date: '日期',
  pages: '页号',
  note: '备注',
};

export function tocColumns(b: ProfileBinding): Record<TocColumn, string> {
  return { ...DEFAULT_TOC_COLUMNS, ...b.toc.columns };
}

export function pageLabel(mode: ProfileBinding['toc']['pageColumn'], start: number | null, end: number | null, last: boolean): string {
  if (start === null || end === null) return '';
  const range = start === end ? String(start) : `${start}-${end}`;
  if (mode === 'range') return range;
  if (mode === 'start-last-range' && last) return range;
  return String(start);
}

export function tocRows(b: ProfileBinding, entries: readonly Entry[]): TocRow[] {
  return entries.map((e, i) => ({
    seq: e.seq,
    docNo: e.docNo ?? '',
    responsible: e.responsible ?? '',
    title: e.title,
    date: e.date ? e.date.slice(0, 10) : '',
    pages: pageLabel(b.toc.pageColumn, e.start, e.end, i === entries.length - 1),
    note: e.note,
  }));
}
