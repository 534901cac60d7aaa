import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseHit, ClipHit, DocumentHit, SearchResult } from '../../src/api/types-search.js';
import { SearchRepo } from '../../src/storage/repos/search-repo.js';
import { textMatch } from '../../src/search/search-text.js';
import { sampleCase } from '../helpers/fixtures.js';
import { makeVideo } from '../footage/helpers/media.js';
import { addDocument, type Client, client } from './helpers/search-core.js';

let c: Client;
let caseId: number;
let clipIds: number[];
let docId: number;
/** The shared archive lives for the whole file (tmpDir() folders are removed after each test). */
const root = mkdtempSync(path.join(tmpdir(), 'jz-search-'));

const search = (input: Record<string, unknown>) => c.call('search.query', input);
const group = (r: SearchResult, kind: string) => r.groups.find((g) => g.kind === kind);
const ids = (r: SearchResult, kind: string) => group(r, kind)?.hits.map((h) => h.id) ?? [];

beforeAll(async () => {
  c = await client(path.join(root, 'archive'));
  const k = await c.call(
    'case.create',
    sampleCase({
      parties: [{ type: 'person', name: '张某某', idNumber: null, address: '青石镇花园村三组18号' }],
    }),
  );
  caseId = k.id;
  const cam = path.join(root, 'cam');
  makeVideo(path.join(cam, 'ZFY5130047_115007_20240311094032_0001.MP4'), { tag: 'a', creation: '2024-03-11T01:40:32Z' });
  makeVideo(path.join(cam, 'ZFY5130047_115007_20240601090000_0002.MP4'), { tag: 'b' });
  await c.call('footage.ingest', { source: cam, derive: 'skip' });
  // Ingest copies files in parallel: take the ids in file-name order (March, then June).
  const listed = await c.call('footage.list', {});
  clipIds = [...listed.items].sort((a, b) => a.originalName.localeCompare(b.originalName)).map((i) => i.id);
  await c.call('device.register', { serial: '5130047', certNo: '豫S11520210047', userNo: '115007', from: '2024-01-01', model: 'DSJ-V9' });
  docId = await addDocument(c, caseId, { kind: 'XWBL', title: '询问笔录（张某某）', docNo: '青石询〔2024〕7号', date: '2024-03-15' });
}, 120_000);
afterAll(async () => {
  await c.close();
  rmSync(root, { recursive: true, force: true });
});

describe('search.query finds every kind by any part of its text', () => {
  it('a case by part of its 案由 (trigram), its party (2 characters) and address, saying what matched', async () => {
    const r = await search({ text: '规划许可' });
    expect(r.mode).toBe('trigram');
    const hit = group(r, 'case')!.hits[0] as CaseHit;
    expect(hit).toMatchObject({ id: caseId, caseNo: '青石综执罚立〔2024〕99号', sealed: false });
    const cause = hit.matches.find((m) => m.field === 'cause')!;
    const [s, e] = cause.marks[0]!;
    expect(cause.snippet.slice(s, e)).toBe('规划许可');

    const party = await search({ text: '某某' });
    expect(party.mode).toBe('short');
    expect(ids(party, 'case')).toEqual([caseId]);
    expect((group(party, 'case')!.hits[0] as CaseHit).matches.map((m) => m.field)).toContain('parties');
    // The document titled with the party's name is found too, in its own group.
    expect(ids(party, 'document')).toEqual([docId]);

    const addr = await search({ text: '花园村' });
    expect((group(addr, 'case')!.hits[0] as CaseHit).matches).toEqual([
      expect.objectContaining({ field: 'address', snippet: '青石镇花园村三组18号', marks: [[3, 6]] }),
    ]);
    // One character.
    expect(ids(await search({ text: '组' }), 'case')).toEqual([caseId]);
  });

  it('officers by name or 执法证号, devices by 序号 or model, clips by file name, documents by 题名 or 文号', async () => {
    const off = await search({ text: '文静' });
    expect(group(off, 'officer')!.hits).toEqual([expect.objectContaining({ kind: 'officer', name: '李文静', certNo: '豫S11520210047' })]);
    expect(group(await search({ text: '210051' }), 'officer')!.hits.map((h) => (h as { name: string }).name)).toEqual(['王晓东']);

    expect(group(await search({ text: '5130047' }), 'device')!.hits).toEqual([expect.objectContaining({ serial: '5130047' })]);
    expect(group(await search({ text: 'dsj-v9' }), 'device')!.hits).toHaveLength(1);

    const clip = await search({ text: '20240311' });
    const ch = group(clip, 'clip')!.hits as ClipHit[];
    expect(ch.map((h) => h.originalName)).toEqual(['ZFY5130047_115007_20240311094032_0001.MP4']);
    expect(ch[0]).toMatchObject({ id: clipIds[0], clipKind: 'video', deviceSerial: '5130047', derivedState: expect.any(String) });
    expect(ch[0]!.matches[0]).toMatchObject({ field: 'file_name' });

    const doc = await search({ text: '询〔2024〕7' });
    expect(group(doc, 'document')!.hits).toEqual([
      expect.objectContaining({ id: docId, caseId, caseNo: '青石综执罚立〔2024〕99号', title: '询问笔录（张某某）', docNo: '青石询〔2024〕7号' }),
    ]);
    expect((group(doc, 'document')!.hits[0] as DocumentHit).matches.map((m) => m.field)).toEqual(['doc_no']);
  });

  it('every word must match, in any field', async () => {
    expect(ids(await search({ text: '规划 花园' }), 'case')).toEqual([caseId]);
    expect(ids(await search({ text: '规划 果园' }), 'case')).toEqual([]);
  });
});

describe('the index follows every write, in the same transaction', () => {
  it('an update, an activity link and its removal, a removed document', async () => {
    await c.call('case.update', { id: caseId, case: sampleCase({ cause: '违法占用耕地建房', parties: [{ type: 'person', name: '赵某', idNumber: null }] }) });
    // The old 案由 no longer matches; the unchanged 案件名称 still does.
    const old = await search({ text: '规划许可' });
    expect((group(old, 'case')!.hits[0] as CaseHit).matches.map((m) => m.field)).toEqual(['title']);
    const now = await search({ text: '耕地建房' });
    expect(ids(now, 'case')).toEqual([caseId]);
    expect((group(now, 'case')!.hits[0] as CaseHit).matches.map((m) => m.field)).toEqual(['cause']);
    expect(ids(await search({ text: '花园村' }), 'case')).toEqual([]);
    expect(ids(await search({ text: '赵某' }), 'case')).toEqual([caseId]);

    const linked = await c.call('footage.link', { clipIds: [clipIds[1]!], caseId, activity: 'CFKY' });
    const activity = linked[0]!.cases[0]!.activity!;
    const found = await search({ text: activity.slice(0, 2) });
    expect(ids(found, 'clip')).toEqual([clipIds[1]]);
    expect((group(found, 'clip')!.hits[0] as ClipHit).matches[0]).toMatchObject({ field: 'activity' });
    expect((group(found, 'clip')!.hits[0] as ClipHit).cases).toEqual([{ caseId, caseNo: expect.any(String) }]);
    const detail = await c.call('footage.get', { id: clipIds[1]! });
    await c.call('footage.unlink', { linkId: detail.links.find((l) => l.caseId === caseId)!.id, reason: '误关联，应属其他案件' });
    expect(ids(await search({ text: activity.slice(0, 2) }), 'clip')).toEqual([]);

    const other = await addDocument(c, caseId, { kind: 'QT', title: '现场照片说明', date: '2024-03-20' });
    expect(ids(await search({ text: '照片说明' }), 'document')).toEqual([other]);
    await c.call('document.remove', { id: other, reason: '重复上传' });
    expect(ids(await search({ text: '照片说明' }), 'document')).toEqual([]);
  });

  it('a write that fails leaves the index as it was', async () => {
    const before = await search({ text: '耕地建房' });
    // A duplicate 案号 is refused by the catalogue: the case row and its index entries roll back together.
    const dup = await c.raw('case.create', sampleCase({ cause: '回滚测试专用案由' }));
    expect(dup.ok).toBe(false);
    expect(ids(await search({ text: '回滚测试' }), 'case')).toEqual([]);
    expect(await search({ text: '耕地建房' })).toEqual(before);
  });
});

describe('filters', () => {
  it('officer and date range, device and day, linked / unlinked, case status', async () => {
    const march = await search({ certNo: '豫S11520210047', from: '2024-03-01', to: '2024-03-31' });
    expect(march.mode).toBe('none');
    expect(ids(march, 'clip')).toEqual([clipIds[0]]);
    expect(march.groups.map((g) => g.kind).sort()).toEqual(['case', 'clip']);
    expect(ids(await search({ deviceSerial: '5130047', from: '2024-06-01', to: '2024-06-01' }), 'clip')).toEqual([clipIds[1]]);
    expect(ids(await search({ deviceSerial: '5130047', from: '2024-06-02', to: '2024-06-02' }), 'clip')).toEqual([]);
    // Text and a filter: the file-name part matches both clips; the day narrows to one.
    expect(ids(await search({ text: 'ZFY5130047', from: '2024-03-11T09:00', to: '2024-03-11T10:00' }), 'clip')).toEqual([clipIds[0]]);
    expect(ids(await search({ text: 'ZFY', linked: false }), 'clip').sort()).toEqual([...clipIds].sort());
    expect(ids(await search({ text: 'ZFY', linked: true }), 'clip')).toEqual([]);
    const open = await search({ text: '耕地', status: 'open' });
    expect(ids(open, 'case')).toEqual([caseId]);
    expect(ids(await search({ text: '耕地', status: 'sealed' }), 'case')).toEqual([]);
    // Officers and devices say nothing about a case's status: left out rather than unfiltered.
    expect(open.groups.map((g) => g.kind).sort()).toEqual(['case', 'clip', 'document']);
  });

  it('activity by checklist code or name: footage only', async () => {
    const linked = await c.call('footage.link', { clipIds: [clipIds[0]!], activity: 'CFKY' });
    const name = linked[0]!.activities[0]!;
    expect(name).not.toBe('CFKY');
    for (const activity of ['CFKY', name]) {
      const r = await search({ activity });
      expect(r.groups.map((g) => g.kind)).toEqual(['clip']);
      expect(ids(r, 'clip')).toEqual([clipIds[0]]);
    }
    expect(ids(await search({ text: 'ZFY', activity: 'CFKY' }), 'clip')).toEqual([clipIds[0]]);
  });

  it('an unknown officer or a reversed range is an error naming it', async () => {
    const r = await c.raw('search.query', { text: '', certNo: '豫S00000000000' });
    expect(!r.ok && r.error).toMatchObject({ code: 'not_found', messageZh: expect.stringContaining('豫S00000000000') });
    const rev = await c.raw('search.query', { from: '2024-05-01', to: '2024-04-01' });
    expect(!rev.ok && rev.error.code).toBe('invalid_input');
  });

  it('pages with limit and offset, with the count', async () => {
    const all = await search({ text: 'ZFY' });
    expect(group(all, 'clip')).toMatchObject({ total: 2, capped: false });
    const p1 = await search({ text: 'ZFY', kinds: ['clip'], limit: 1 });
    const p2 = await search({ text: 'ZFY', kinds: ['clip'], limit: 1, offset: 1 });
    expect(p1.groups.map((g) => g.kind)).toEqual(['clip']);
    expect([...ids(p1, 'clip'), ...ids(p2, 'clip')]).toEqual(ids(all, 'clip'));
    expect(group(p2, 'clip')!.total).toBe(2);
  });
});

describe('bad input never raises', () => {
  it('FTS syntax is plain text', async () => {
    for (const text of ['"', '""', '*', 'NEAR(a b)', '-张', 'AND', 'OR NOT', '(', ')', 'a:b', '^规划', '"耕地" OR "x', 'ZFY*', '{case_no}:1', "'", '\\']) {
      const r = await c.raw('search.query', { text });
      expect(r.ok, text).toBe(true);
    }
    expect(ids(await search({ text: '"耕地建房"' }), 'case')).toEqual([]);
    expect(ids(await search({ text: 'ZFY5130047_115007_2024031' }), 'clip')).toEqual([clipIds[0]]);
  });

  it('1 MB of text is refused naming the length; control characters are stripped; empty finds nothing', async () => {
    const big = await c.raw('search.query', { text: '张'.repeat(1024 * 1024) });
    expect(big.ok).toBe(false);
    if (!big.ok) {
      expect(big.error.code).toBe('invalid_input');
      expect(big.error.messageZh).toMatch(/检索词过长：1048576 个字符/);
    }
    const ctl = await search({ text: '耕\u0000地\u0007建\u001b房' });
    expect(ctl.text).toBe('耕 地 建 房');
    expect(ids(ctl, 'case')).toEqual([caseId]);
    expect(await search({ text: '\u0000\u0001\u0002' })).toEqual({ text: '', mode: 'none', groups: [] });
    expect(await search({ text: '   ' })).toEqual({ text: '', mode: 'none', groups: [] });
    expect((await search({ text: '——' })).groups).toEqual([]);
  });
});

describe('query plans use the indexes', () => {
  it('1–2 characters: the per-character FTS index, never a scan of the base table', () => {
    const repo = new SearchRepo(c.core.archive.db);
    for (const kind of ['clip', 'case', 'document'] as const) {
      // Text alone: the index answers by itself, in its own rowid order (no sort).
      const plan = repo.plan(kind, textMatch(['某某']), {}).join('\n');
      expect(plan, kind).toMatch(/^SCAN s VIRTUAL TABLE INDEX \d+:M/);
      expect(plan, kind).not.toMatch(/SCAN b\b|TEMP B-TREE/);
      // Text and a filter: the index drives, base rows by primary key.
      const filtered = repo.plan(kind, textMatch(['某某']), { fromUtc: '2024-01-01T00:00:00Z', fromDate: '2024-01-01', status: 'open' }).join('\n');
      expect(filtered, kind).toMatch(/SCAN s VIRTUAL TABLE INDEX/);
      expect(filtered, kind).toMatch(/SEARCH b USING INTEGER PRIMARY KEY/);
      expect(filtered, kind).not.toMatch(/SCAN b\b|TEMP B-TREE FOR ORDER BY/);
    }
    expect(textMatch(['某某'])!.index).toBe('short');
    expect(textMatch(['规划许可'])!.index).toBe('trigram');
    expect(repo.plan('case', textMatch(['规划许可']), {}).join('\n')).toMatch(/^SCAN s VIRTUAL TABLE INDEX/);
  });

  it('officer + date range is driven by the register, device + day by clips_device', () => {
    const repo = new SearchRepo(c.core.archive.db);
    const off = repo.plan('clip', null, { officerId: 1, fromUtc: '2024-03-01T00:00:00Z', toUtc: '2024-04-01T00:00:00Z' }).join('\n');
    expect(off).toMatch(/SEARCH b USING INTEGER PRIMARY KEY/);
    expect(off).toMatch(/SEARCH c2 USING (COVERING )?INDEX clips_device/);
    expect(off).not.toMatch(/SCAN b\b/);
    const dev = repo.plan('clip', null, { deviceSerial: '5130047', fromUtc: '2024-06-01T00:00:00Z', toUtc: '2024-06-02T00:00:00Z' }).join('\n');
    expect(dev).toMatch(/SEARCH b USING INDEX clips_device/);
  });
});
