import { describe, expect, it } from 'vitest';
import { bindBatch, planBatches } from '../../src/binding/batch.js';
import type { CaseBindInput } from '../../src/binding/types.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { openHarness, seedCase, setupUsers } from './helpers/harness.js';
import { CTX, profile, sampleInputs } from './helpers/sample-input.js';

const shanghai = profile('shanghai-chengguan');
const summary = sampleInputs()[1]!;

/** `n` copies of the sample 简易 case, closed one day apart from 2024-01-01. */
function summaries(n: number): CaseBindInput[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    return {
      ...summary,
      case: { ...summary.case, id: 1000 + i, caseNo: `青石综执简〔2024〕${i + 1}号`, dates: { decision: day, served: day, closed: day } },
      documents: summary.documents.map((d, j) => ({
        ...d,
        id: (1000 + i) * 100 + j,
        date: day,
        pages: d.pages.map((p, k) => ({ ...p, id: (1000 + i) * 1000 + j * 10 + k })),
      })),
    };
  });
}

describe('简易程序 batching (多案一卷, Shanghai 城管 style)', () => {
  it('gathers cases in 结案 order into volumes of at most 50', () => {
    const chunks = planBatches(shanghai, summaries(120).reverse(), '2025-01-10');
    expect(chunks.map((c) => c.length)).toEqual([33, 33, 33, 21]);
    // 6 pages a case: the 200-page split caps a volume before 50 cases here.
    const thin = summaries(120).map((c) => ({ ...c, documents: c.documents.filter((d) => d.kind === 'DCCF') }));
    expect(planBatches(shanghai, thin, '2025-01-10').map((c) => c.length)).toEqual([50, 50, 20]);
    expect(planBatches(shanghai, thin, '2025-01-10')[0]![0]!.case.caseNo).toBe('青石综执简〔2024〕1号');
  });

  it('never mixes serial years in one volume', () => {
    const cases = summaries(3);
    cases[2] = { ...cases[2]!, case: { ...cases[2]!.case, dates: { decision: '2025-01-02', closed: '2025-01-02' } } };
    expect(planBatches(shanghai, cases, '2025-03-01').map((c) => c.map((x) => x.case.dates.closed.slice(0, 4)))).toEqual([['2024', '2024'], ['2025']]);
  });

  it('has one 目录 row per case, covering that case’s documents, numbered through the volume', () => {
    const d = bindBatch(shanghai, summaries(3), CTX, '2024年简易程序行政处罚案卷（第1卷）');
    const v = d.volumes[0]!;
    expect(d.scope).toBe('batch');
    expect(v.entries.map((e) => [e.caseNo, e.start, e.end, e.parts.length])).toEqual([
      ['青石综执简〔2024〕1号', 1, 6, 5],
      ['青石综执简〔2024〕2号', 7, 12, 5],
      ['青石综执简〔2024〕3号', 13, 18, 5],
    ]);
    expect(v.toc.rows.map((r) => r.pages)).toEqual(['1', '7', '13-18']);
    expect(v.cover.lines.find((l) => l.id === 'documentCount')!.value).toBe('3');
    expect(v.beikao.statement).toMatch(/^本卷收录简易程序案件 3 件，卷内文件 15 件，共 18 页/);
  });
});

describe('dossier.batch', () => {
  async function archiveWith(n: number) {
    const h = await openHarness(`${tmpDir()}/archive`);
    await setupUsers(h);
    h.archive.meta.set('profile_id', 'shanghai-chengguan');
    h.archive.profile = profile('shanghai-chengguan');
    h.archive.meta.set('fonds_no', 'Z109');
    const ids = [];
    for (let i = 1; i <= n; i++) {
      const day = `2024-07-${String(i).padStart(2, '0')}`;
      const c = sampleCase({
        caseNo: `沪城管简〔2024〕${i}号`,
        procedure: 'summary',
        decisionNo: `沪城管当罚〔2024〕${i}号`,
        dates: { decision: day, closed: day },
      });
      ids.push(await seedCase(h, c, [{ kind: 'DCCF', title: `当场处罚决定书${i}`, docNo: `沪城管当罚〔2024〕${i}号`, date: day, pages: 1 }]));
    }
    return { h, ids };
  }

  it('previews, then seals each volume as one dossier with one 归档号, freezing its cases', async () => {
    const { h, ids } = await archiveWith(5);
    // One case is not ready: a fine without its 罚款收据 is an unacknowledged warning.
    await h.ok('case.update', {
      id: ids[4],
      case: sampleCase({
        caseNo: '沪城管简〔2024〕5号',
        procedure: 'summary',
        dates: { decision: '2024-07-05', closed: '2024-07-05' },
        extra: { penalty: { fineYuan: 50 } },
      }),
    });
    const preview = await h.ok('dossier.batch', { from: '2024-07-01', to: '2024-07-31' });
    expect(preview.sealed).toBe(false);
    expect(preview.volumes.map((v) => v.caseNos.length)).toEqual([4]);
    expect(preview.skipped).toEqual([expect.objectContaining({ caseId: ids[4], reasonZh: expect.stringContaining('缺少应归档文书：罚没款缴款凭证') })]);

    const sealed = await h.ok('dossier.batch', { from: '2024-07-01', to: '2024-07-31', seal: true });
    expect(sealed.volumes.map((v) => [v.title, v.archiveNo])).toEqual([['2024年简易程序行政处罚案卷（第1卷）', '20240001']]);
    expect(sealed.volumes[0]!.bound.volumes[0]!.archiveCode).toBe('Z109-ZF·2024-D30-CGZD-0001');
    const member = await h.ok('dossier.preview', { caseId: ids[0] });
    expect(member).toMatchObject({ status: 'sealed', scope: 'batch', caseId: ids[0] });
    expect(await h.call('dossier.seal', { caseId: ids[0] })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(() => h.archive.db.prepare("UPDATE documents SET title = 'x' WHERE case_id = ?").run(ids[0])).toThrowError(/sealed/);
    // A correction of the batch volume keeps its 归档号; sealing it again (by dossier id) makes version 2.
    const dossierId = sealed.volumes[0]!.dossierId!;
    await h.ok('dossier.correct', { dossierId, reason: '更正第1件案件的决定书题名' });
    expect((await h.call('document.update', { id: member.bound.volumes[0]!.entries[0]!.parts[0]!.documentId!, title: '当场处罚决定书（更正）' })).ok).toBe(
      true,
    );
    const v2 = await h.ok('dossier.seal', { dossierId });
    expect(v2.version).toMatchObject({ versionNo: 2, archiveNo: '20240001' });
    expect(v2.bound.volumes[0]!.entries[0]!.parts[0]!.title).toBe('当场处罚决定书（更正）');
    expect((await h.ok('dossier.get', { dossierId, versionNo: 1 })).bound.volumes[0]!.entries[0]!.parts[0]!.title).toBe('当场处罚决定书1');
    // A second run finds the batched cases already sealed.
    const again = await h.ok('dossier.batch', { from: '2024-07-01', to: '2024-07-31' });
    expect(again.volumes).toEqual([]);
    expect(again.skipped.filter((s) => s.reasonZh === '已归档')).toHaveLength(4);
    await h.close();
  });

  it('is refused by a profile that does not allow batching', async () => {
    const { h } = await archiveWith(1);
    const r = await h.call('dossier.batch', { from: '2024-07-01', to: '2024-07-31', profileId: 'henan-township-2016' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(r.ok || r.error.messageZh).toContain('不允许简易程序多案合并立卷');
    await h.close();
  });
});
