import type { ReportBlock } from './report-model.js';

/** A table column as [title, relative width]. */
export type ColumnSpec = readonly [title: string, width: number];

/** A ruled table from column specs and rows. */
export function tableBlock(columns: readonly ColumnSpec[], rows: readonly (readonly string[])[]): ReportBlock {
  return { kind: 'table', columns: columns.map(([title, width]) => ({ title, width })), rows };
}

/**
 * A report section that is one table: its heading, then the table — or, when there are no rows and
 * `empty` is given, that sentence instead (本期间无调阅记录。). Shared by the 调阅登记表 and the
 * 评查报告 / 评查通报, which all list records this way.
 */
export function tableSection(
  heading: string,
  o: { columns: readonly ColumnSpec[]; rows: readonly (readonly string[])[]; empty?: string; level?: 1 | 2 },
): ReportBlock[] {
  const head: ReportBlock = o.level ? { kind: 'heading', text: heading, level: o.level } : { kind: 'heading', text: heading };
  if (o.rows.length === 0 && o.empty !== undefined) return [head, { kind: 'paragraph', text: o.empty }];
  return [head, tableBlock(o.columns, o.rows)];
}
