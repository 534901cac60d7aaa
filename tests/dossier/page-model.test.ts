import { describe, expect, it } from 'vitest';
import { loadSampleCases } from '../../src/demo/sample-cases.js';
import { bindCase } from '../../src/binding/bind.js';
import { pageModel } from '../../src/binding/page-model.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { CTX, profile, sampleAv, sampleInputs } from './helpers/sample-input.js';

const henan = profile('henan-township-2016');
const sample = loadSampleCases(resourcesDir())[2]!; // 听证 case, six body-cam clips
const input = { ...sampleInputs()[2]!, av: sampleAv(sample) };
const ctx = { ...CTX, checker: '周立新', archiveNo: '20240003', archiveCode: { fondsNo: 'Z109', catalogNo: '3', fileNo: null, year: 2024, serial: 3 } };

describe('the page model (what the preview and the PDF draw)', () => {
  const d = bindCase(henan, input, ctx);
  const pages = pageModel(d).volumes[0]!.pages;

  it('lists cover, 目录 pages, document pages and AV sheets, 备考表, 卷底 in binding order', () => {
    const kinds = pages.map((p) => p.kind);
    expect(kinds.slice(0, 3)).toEqual(['cover', 'toc', 'toc']);
    expect(kinds.slice(-2)).toEqual(['beikao', 'back-cover']);
    expect(kinds.filter((k) => k === 'av-sheet')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'document')).toHaveLength(45);
    expect(pages.map((p) => p.index)).toEqual(pages.map((_, i) => i));
  });

  it('numbers AV sheets like documents, with the item’s facts on the sheet', () => {
    const av = pages.filter((p) => p.kind === 'av-sheet');
    const numbers = av.map((p) => p.number);
    expect(numbers.every((n) => n !== null)).toBe(true);
    expect(numbers).toEqual([...numbers].sort((a, b) => a! - b!));
    const first = av[0]!;
    if (first.kind !== 'av-sheet') throw new Error('not an AV sheet');
    expect(first.av.item).toMatchObject({
      fileName: 'ZFY5130042_115002_20240625151022_0002.MP4',
      durationSec: 1500,
      device: '5130042',
      officer: '陈海涛',
      carrier: 'GP-2024-001',
      proves: '现场检查',
    });
    expect(first.av.item.sha256).toHaveLength(64);
    expect(first.stamp).toEqual({ text: String(first.number), position: 'top-right' });
    expect(d.totals).toMatchObject({ documents: 24, avItems: 6, pages: 51 });
    // The 备考表 counts 卷内文件 as the cover and the 目录 do: documents and AV items.
    expect(d.volumes[0]!.beikao.statement).toMatch(/^本卷共有卷内文件 30 件（文书 24 件、视听资料 6 件），共 51 页/);
    expect(d.volumes[0]!.beikao.statement).toContain('其中视听资料证据说明页 6 页，对应音像文件 6 段，原始音像文件另存于载体 GP-2024-001');
  });

  it('carries the cover, 目录 and 备考表 content with the 档号', () => {
    const cover = pages[0]!;
    if (cover.kind !== 'cover') throw new Error('no cover');
    expect(cover.cover.archiveCode).toBe('Z109-3-0003');
    expect(Object.fromEntries(cover.cover.lines.map((l) => [l.label, l.value]))).toMatchObject({
      案件名称: '淮岭县顺达土石方运输有限公司随意倾倒建筑垃圾案',
      处罚决定书文号: '青石综执罚决〔2024〕19号',
      保管期限: '永久',
      '卷内文件（件）': '30',
      '卷内文件（页）': '51',
      归档号: '20240003',
      全宗号: 'Z109',
      案卷号: '0003',
    });
    const toc = pages[1]!;
    if (toc.kind !== 'toc') throw new Error('no toc');
    expect(toc.toc.columns).toEqual({ seq: '序号', docNo: '文号', responsible: '责任者', title: '题名', date: '日期', pages: '页号', note: '备注' });
    expect(toc.toc.rows[0]).toEqual({
      seq: 1,
      docNo: '',
      responsible: '青石镇综合行政执法大队',
      title: '群众举报倾倒建筑垃圾登记表',
      date: '2024-06-25',
      pages: '1',
      note: '',
    });
    const beikao = pages[pages.length - 2]!;
    if (beikao.kind !== 'beikao') throw new Error('no beikao');
    expect(beikao.beikao).toMatchObject({ preparer: '孙丽娟', preparedOn: '2025-01-10', checker: '周立新', archiveCode: 'Z109-3-0003' });
  });

  it('refers each document page to its catalogue page, so the preview can show the scan', () => {
    const docPages = pages.filter((p) => p.kind === 'document');
    const ids = input.documents.flatMap((doc) => doc.pages.map((p) => p.id));
    expect(docPages.map((p) => (p.kind === 'document' ? p.document.pageId : 0)).sort()).toEqual(ids.sort());
  });
});
