import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentHit, SearchResult } from '../../src/api/types-search.js';
import { caseNumberSpellings } from '../../src/search/case-number.js';
import { SearchRepo } from '../../src/storage/repos/search-repo.js';
import { sampleCase } from '../helpers/fixtures.js';
import { addDocument, type Client, client } from './helpers/search-core.js';

let c: Client;
let caseA: number;
let caseB: number;
let caseC: number;
let noteA: number;
let decisionA: number;
const root = mkdtempSync(path.join(tmpdir(), 'jz-caseno-'));

const search = (input: Record<string, unknown>) => c.call('search.query', input);
const group = (r: SearchResult, kind: string) => r.groups.find((g) => g.kind === kind);
const ids = (r: SearchResult, kind: string) => group(r, kind)?.hits.map((h) => h.id) ?? [];

beforeAll(async () => {
  c = await client(path.join(root, 'archive'));
  caseA = (await c.call('case.create', sampleCase())).id;
  caseB = (await c.call('case.create', sampleCase({ caseNo: '青石综执罚立〔2024〕9号', decisionNo: '青石综执罚决〔2024〕9号' }))).id;
  caseC = (await c.call('case.create', sampleCase({ caseNo: '柳河综执罚立〔2024〕99号', decisionNo: '柳河综执罚决〔2024〕99号' }))).id;
  noteA = await addDocument(c, caseA, { kind: 'XWBL', title: '询问笔录（张某某）', date: '2024-03-15' });
  decisionA = await addDocument(c, caseA, { kind: 'CFJDS', title: '行政处罚决定书', docNo: '青石综执罚决〔2024〕99号', date: '2024-04-26' });
  await addDocument(c, caseB, { kind: 'XWBL', title: '询问笔录（李某）', date: '2024-03-15' });
}, 120_000);
afterAll(async () => {
  await c.close();
  rmSync(root, { recursive: true, force: true });
});

describe('案号/文号 shape', () => {
  it('recognises one whole number with the year in any bracket and gives the official spelling too', () => {
    expect(caseNumberSpellings(['青石综执罚立〔2024〕44号'])).toEqual([
      '青石综执罚立〔2024〕44号',
      '青石综执罚立[2024]44号',
      '青石综执罚立［2024］44号',
      '青石综执罚立（2024）44号',
      '青石综执罚立(2024)44号',
      '青石综执罚立【2024】44号',
    ]);
    expect(caseNumberSpellings(['沪城管简[2024]5号'])?.slice(0, 2)).toEqual(['沪城管简[2024]5号', '沪城管简〔2024〕5号']);
    expect(caseNumberSpellings(['京朝综执罚〔2024〕字第12号'])?.[0]).toBe('京朝综执罚〔2024〕字第12号');
    // Not a whole number: a part, two words, no 号, no year.
    for (const w of [['〔2024〕44'], ['青石', '〔2024〕44号'], ['青石综执罚立〔2024〕44'], ['青石综执罚立〔24〕44号'], ['违法建设案']])
      expect(caseNumberSpellings(w), w.join(' ')).toBeNull();
  });
});

describe('search.query answers a whole 案号/文号 from the indexes', () => {
  it('a full 案号 finds the case (the 案号 marked) and its documents, saying each matched by the case number', async () => {
    const r = await search({ text: '青石综执罚立〔2024〕99号' });
    expect(r.mode).toBe('number');
    expect(group(r, 'case')).toMatchObject({ total: 1, capped: false });
    const hit = group(r, 'case')!.hits[0]!;
    expect(hit).toMatchObject({ id: caseA, caseNo: '青石综执罚立〔2024〕99号' });
    expect(hit.matches).toContainEqual({ field: 'case_no', snippet: '青石综执罚立〔2024〕99号', marks: [[0, 15]] });
    // Not 柳河…〔2024〕99号 (a phrase match would list it) nor 青石…〔2024〕9号.
    expect(ids(r, 'document').sort()).toEqual([noteA, decisionA].sort());
    const note = group(r, 'document')!.hits.find((h) => h.id === noteA) as DocumentHit;
    expect(note.matches).toEqual([{ field: 'case_no', snippet: '青石综执罚立〔2024〕99号', marks: [[0, 15]] }]);
    // Typed with keyboard brackets: the same answer.
    const typed = await search({ text: '青石综执罚立[2024]99号' });
    expect(typed.mode).toBe('number');
    expect(ids(typed, 'case')).toEqual([caseA]);
    expect(group(typed, 'case')!.hits[0]!.matches.map((m) => m.field)).toEqual(['case_no']);
  });

  it('a full 文号 finds the document that carries it; filters still narrow', async () => {
    const r = await search({ text: '青石综执罚决〔2024〕99号' });
    expect(r.mode).toBe('number');
    expect(ids(r, 'case')).toEqual([]);
    const doc = group(r, 'document')!.hits as DocumentHit[];
    expect(doc.map((d) => [d.id, d.docNo, d.caseNo])).toEqual([[decisionA, '青石综执罚决〔2024〕99号', '青石综执罚立〔2024〕99号']]);
    expect(doc[0]!.matches.map((m) => m.field)).toEqual(['doc_no']);
    // Nothing is sealed: the same number with status sealed finds nothing.
    const sealed = await search({ text: '青石综执罚立〔2024〕99号', status: 'sealed' });
    expect(sealed.groups.every((g) => g.total === 0)).toBe(true);
  });

  it('a part of a 案号, or a number nothing carries, still works through the phrase match', async () => {
    const part = await search({ text: '综执罚立〔2024〕99号' });
    expect(part.mode).toBe('trigram');
    expect(ids(part, 'case').sort()).toEqual([caseA, caseC].sort());
    const serial = await search({ text: '〔2024〕9' });
    expect(serial.mode).toBe('trigram');
    expect(ids(serial, 'case').sort()).toEqual([caseA, caseB, caseC].sort());
    const none = await search({ text: '青石综执罚立〔2023〕1号' });
    expect(none.mode).toBe('trigram');
    expect(none.groups.every((g) => g.total === 0)).toBe(true);
  });

  it('reads the UNIQUE case_no index and the doc_no index, never a scan of cases or documents', () => {
    const repo = new SearchRepo(c.core.archive.db);
    const values = caseNumberSpellings(['青石综执罚立〔2024〕99号'])!;
    const casePlan = repo.plan('case', { index: 'number', values }, {}).join(' | ');
    expect(casePlan).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_cases_1/);
    expect(casePlan).not.toMatch(/SCAN b\b/);
    const docPlan = repo.plan('document', { index: 'number', values }, {}).join(' | ');
    expect(docPlan).toMatch(/INDEX documents_doc_no/);
    expect(docPlan).toMatch(/INDEX documents_case/);
    expect(docPlan).not.toMatch(/SCAN b\b/);
  });
});
