import { describe, expect, it } from 'vitest';
import type { BindingProfile } from '../../src/domain/profile-binding.js';
import { bindCase } from '../../src/binding/bind.js';
import { pageModel } from '../../src/binding/page-model.js';
import type { BindDocument, CaseBindInput } from '../../src/binding/types.js';
import { CTX, profile, sampleInputs } from './helpers/sample-input.js';

const henan = profile('henan-township-2016');
const [demolition] = sampleInputs() as [CaseBindInput];

function withToc(p: BindingProfile, pageColumn: BindingProfile['binding']['toc']['pageColumn']): BindingProfile {
  return { ...p, binding: { ...p.binding, toc: { ...p.binding.toc, pageColumn } } };
}

/** A case with documents of the given page counts (all 调查取证 笔录 so the order is by date). */
function caseOf(pageCounts: number[], opts: { back?: number[]; blank?: number[] } = {}): CaseBindInput {
  let pid = 0;
  const docs: BindDocument[] = pageCounts.map((n, i) => ({
    id: i + 1,
    seq: i + 1,
    kind: 'XWBL',
    title: `询问笔录${i + 1}`,
    docNo: null,
    responsible: '大队',
    date: `2024-03-${String(10 + (i % 18)).padStart(2, '0')}`,
    pages: Array.from({ length: n }, () => {
      pid++;
      return { id: pid, side: opts.back?.includes(pid) ? ('back' as const) : ('front' as const), blank: opts.blank?.includes(pid) ?? false };
    }),
  }));
  return { ...demolition, documents: docs, acknowledgements: [] };
}

describe('page numbers', () => {
  it('start at 1 on the first document after the 目录; cover, 目录, 备考表 and 卷底 carry none', () => {
    const d = bindCase(henan, demolition, CTX);
    const v = d.volumes[0]!;
    expect(v.sheets.map((s) => [s.sheet, s.pages, s.numbered])).toEqual([
      ['cover', 1, false],
      ['toc', 2, false],
      ['beikao', 1, false],
      ['backCover', 1, false],
    ]);
    expect(v.entries[0]).toMatchObject({ start: 1 });
    const model = pageModel(d).volumes[0]!.pages;
    expect(model.map((p) => p.kind).filter((k, i, a) => a.indexOf(k) === i)).toEqual(['cover', 'toc', 'document', 'beikao', 'back-cover']);
    for (const pg of model) expect(pg.number === null, pg.kind).toBe(pg.kind !== 'document');
    const numbers = model.filter((p) => p.number !== null).map((p) => p.number);
    expect(numbers).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
  });

  it('skip blank pages, and number written back pages at the back position (左上)', () => {
    // doc1: p1 front, p2 back with writing, p3 blank back; doc2: p4 front.
    const d = bindCase(henan, caseOf([3, 1], { back: [2, 3], blank: [3] }), CTX);
    const e = d.volumes[0]!.entries;
    expect(e.map((x) => [x.start, x.end])).toEqual([
      [1, 2],
      [3, 3],
    ]);
    expect(e[0]!.parts[0]!.pages.map((p) => p.number)).toEqual([1, 2, null]);
    expect(d.volumes[0]!.blankPages).toBe(1);
    expect(d.issues.find((i) => i.code === 'blank-pages')).toMatchObject({ severity: 'notice' });
    const docPages = pageModel(d).volumes[0]!.pages.filter((p) => p.kind === 'document');
    expect(docPages.map((p) => p.stamp)).toEqual([
      { text: '1', position: 'top-right' },
      { text: '2', position: 'top-left' },
      null,
      { text: '3', position: 'top-right' },
    ]);
    expect(d.volumes[0]!.beikao.statement).toContain('空白页 1 页，未编页号');
  });

  it('follow the profile’s positions (e.g. 右下 for a 测绘-style rule)', () => {
    const p = { ...henan, binding: { ...henan.binding, numbering: { ...henan.binding.numbering, front: 'bottom-right' as const } } };
    const first = pageModel(bindCase(p, caseOf([1]), CTX)).volumes[0]!.pages.find((x) => x.kind === 'document')!;
    expect(first.stamp).toEqual({ text: '1', position: 'bottom-right' });
  });

  it('number a sheet the profile does not list as unnumbered (a numbered 目录)', () => {
    const p = {
      ...henan,
      binding: { ...henan.binding, numbering: { ...henan.binding.numbering, unnumberedSheets: ['cover' as const, 'beikao' as const, 'backCover' as const] } },
    };
    const d = bindCase(p, caseOf([2, 1]), CTX);
    expect(d.volumes[0]!.sheets.find((s) => s.sheet === 'toc')).toMatchObject({ numbered: true, firstNumber: 1 });
    expect(d.volumes[0]!.entries[0]!.start).toBe(2);
    expect(pageModel(d).volumes[0]!.pages[1]).toMatchObject({ kind: 'toc', number: 1 });
  });
});

describe('the 目录 页号 column', () => {
  const input = caseOf([2, 1, 3]);
  it.each([
    ['range', ['1-2', '3', '4-6']],
    ['start', ['1', '3', '4']],
    ['start-last-range', ['1', '3', '4-6']],
  ] as const)('in %s mode', (mode, expected) => {
    const rows = bindCase(withToc(henan, mode), input, CTX).volumes[0]!.toc.rows;
    expect(rows.map((r) => r.pages)).toEqual(expected);
    expect(rows[0]).toMatchObject({ seq: 1, title: '询问笔录1', responsible: '大队', date: '2024-03-10', docNo: '' });
  });

  it('spreads over as many 目录 pages as the rows need', () => {
    const d = bindCase(henan, caseOf(Array.from({ length: 45 }, () => 1)), CTX);
    const toc = pageModel(d).volumes[0]!.pages.filter((p) => p.kind === 'toc');
    expect(toc.map((p) => (p.kind === 'toc' ? p.toc.rows.length : 0))).toEqual([20, 20, 5]);
  });
});

describe('volume split', () => {
  it('splits at document boundaries when the next document would pass 200 pages; each volume numbers from 1', () => {
    const d = bindCase(henan, caseOf([120, 70, 30, 50]), CTX);
    expect(d.volumes.map((v) => v.pageCount)).toEqual([190, 80]);
    expect(d.volumes.map((v) => v.entries.map((e) => [e.start, e.end]))).toEqual([
      [
        [1, 120],
        [121, 190],
      ],
      [
        [1, 30],
        [31, 80],
      ],
    ]);
    expect(d.volumes.map((v) => v.label)).toEqual(['第1册（共2册）', '第2册（共2册）']);
    for (const v of d.volumes) {
      expect(v.cover.lines.find((l) => l.id === 'pageCount')!.value).toBe(String(v.pageCount));
      expect(v.toc.rows.length).toBe(v.entries.length);
      expect(v.beikao.statement).toContain(`本案卷共 2 册，本册为第 ${v.index} 册`);
    }
  });

  it('gives a document longer than the split size a volume of its own', () => {
    const d = bindCase(henan, caseOf([10, 250, 5]), CTX);
    expect(d.volumes.map((v) => v.entries.map((e) => e.title))).toEqual([['询问笔录1'], ['询问笔录2'], ['询问笔录3']]);
    expect(d.volumes[1]!.pageCount).toBe(250);
  });

  it('counts only numbered pages towards the split (blank pages do not fill a volume)', () => {
    const blank = Array.from({ length: 30 }, (_, i) => 171 + i); // the last 30 pages of doc 1 are blank
    const d = bindCase(henan, caseOf([200, 30], { blank }), CTX);
    expect(d.volumes).toHaveLength(1);
    expect(d.volumes[0]!.pageCount).toBe(200);
  });
});
