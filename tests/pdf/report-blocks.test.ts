import { describe, expect, it } from 'vitest';
import { tableBlock, tableSection } from '../../src/pdf/report/report-blocks.js';

describe('report table sections (调阅登记表, 评查报告, 评查通报)', () => {
  it('is a heading and a ruled table with the columns in order', () => {
    expect(
      tableSection('一、调阅记录', {
        columns: [
          ['序号', 4],
          ['时间', 12],
        ],
        rows: [['1', '2024-03-11 09:40']],
        empty: '无。',
      }),
    ).toEqual([
      { kind: 'heading', text: '一、调阅记录' },
      {
        kind: 'table',
        columns: [
          { title: '序号', width: 4 },
          { title: '时间', width: 12 },
        ],
        rows: [['1', '2024-03-11 09:40']],
      },
    ]);
  });

  it('says the empty sentence instead of an empty table, and keeps a table without one', () => {
    expect(tableSection('二、拒绝调阅记录', { columns: [['序号', 4]], rows: [], empty: '本期间无被拒绝的调阅。', level: 2 })).toEqual([
      { kind: 'heading', text: '二、拒绝调阅记录', level: 2 },
      { kind: 'paragraph', text: '本期间无被拒绝的调阅。' },
    ]);
    expect(tableSection('二、评分表', { columns: [['评查项', 6]], rows: [] })[1]).toEqual(tableBlock([['评查项', 6]], []));
  });
});
