import { describe, expect, it } from 'vitest';
import { bindCase } from '../../src/binding/bind.js';
import type { BoundDossier, CaseBindInput } from '../../src/binding/types.js';
import { CTX, profile, sampleInputs } from './helpers/sample-input.js';

const [demolition, summary, hearing, seizure, noPenalty] = sampleInputs() as [CaseBindInput, CaseBindInput, CaseBindInput, CaseBindInput, CaseBindInput];

/** Kind codes in bound order, per volume. */
const kinds = (d: BoundDossier) => d.volumes.map((v) => v.entries.flatMap((e) => e.parts.map((p) => p.kind || 'AV')));
const titles = (d: BoundDossier) => d.volumes.flatMap((v) => v.entries.map((e) => e.title));

describe('profile order — Henan township (by stage: 立案 → 调查取证 → 审查 → 告知/听证 → 决定 → 送达 → 执行 → 结案)', () => {
  const p = profile('henan-township-2016');

  it('starts at the 立案审批表, keeps stages in order, and ends with the 结案审批表', () => {
    const k = kinds(bindCase(p, demolition, CTX))[0]!;
    expect(k[0]).toBe('LASPB');
    expect(k[k.length - 1]).toBe('JASPB');
    const stage = (code: string) => p.documentKinds.find((x) => x.code === code)!.stage;
    const order = ['filing', 'investigation', 'review', 'notice', 'decision', 'service', 'execution', 'other', 'closing'];
    const stages = k.filter((c) => c !== 'SDHZ').map((c) => order.indexOf(stage(c)));
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
  });

  it('sorts a stage by date: 现场检查 before 询问, 复查 after the 改正通知', () => {
    const t = titles(bindCase(p, demolition, CTX));
    expect(t.indexOf('吕德旺违法建设现场检查（勘验）笔录')).toBeLessThan(t.indexOf('吕德旺询问笔录'));
    expect(t.indexOf('关于责令吕德旺限期改正违法建设行为的通知书')).toBeLessThan(t.indexOf('吕德旺违法建设限期改正复查笔录'));
  });

  it('puts each 送达回证 right after the document it serves (named in its title)', () => {
    const t = titles(bindCase(p, demolition, CTX));
    const after = (served: string, receipt: string) => expect(t.indexOf(receipt), receipt).toBe(t.indexOf(served) + 1);
    after('吕德旺违法建设案行政处罚事先告知书', '行政处罚事先告知书送达回证');
    after('吕德旺违法建设限期拆除决定书', '限期拆除决定书送达回证');
    after('吕德旺履行限期拆除决定催告书', '催告书送达回证');
    after('吕德旺违法建设强制执行决定书', '强制执行决定书送达回证');
    // One 回证 for two 告知书 follows the later of them.
    const h = titles(bindCase(p, hearing, CTX));
    expect(h.indexOf('行政处罚事先告知书、听证告知书送达回证')).toBe(h.indexOf('淮岭县顺达土石方运输有限公司行政处罚听证告知书') + 1);
  });

  it('keeps the 财物清单 with its 扣押决定书, and the 回证 after both', () => {
    const k = kinds(bindCase(p, seizure, CTX))[0]!;
    const i = k.indexOf('KYJDS');
    expect(k.slice(i - 1, i + 3)).toEqual(['KYSPB', 'KYJDS', 'KYQD', 'SDHZ']);
  });

  it('orders 简易程序: 当场处罚决定书 first, evidence by date, 罚款收据, 备案表, 结案 last', () => {
    expect(kinds(bindCase(p, summary, CTX))).toEqual([['DCCF', 'XCZP', 'FMK', 'DCBA', 'JASPB']]);
  });

  it('puts AV evidence sheets at the end of the evidence group by recording time', () => {
    const av = [
      {
        id: 'b',
        fileName: 'B.MP4',
        durationSec: 60,
        device: '5130047',
        officer: '李文静',
        recordedAt: '2024-03-13T14:35:02+08:00',
        sha256: 'b'.repeat(64),
        sm3: null,
        carrier: null,
        proves: '询问过程',
      },
      {
        id: 'a',
        fileName: 'A.MP4',
        durationSec: 2700,
        device: '5130047',
        officer: '李文静',
        recordedAt: '2024-03-11T09:40:32+08:00',
        sha256: 'a'.repeat(64),
        sm3: 'c'.repeat(64),
        carrier: 'GP-1',
        proves: '现场状况',
      },
    ];
    const d = bindCase(p, { ...demolition, av }, CTX);
    const k = kinds(d)[0]!;
    const firstReview = k.indexOf('DCZJBG');
    expect(k.slice(firstReview - 2, firstReview)).toEqual(['AV', 'AV']);
    const rows = d.volumes[0]!.entries.filter((e) => e.parts[0]!.type === 'av');
    expect(rows.map((e) => e.parts[0]!.av!.fileName)).toEqual(['A.MP4', 'B.MP4']);
    expect(rows[0]!.start).not.toBeNull();
    expect(rows[0]!.note).toBe('载体 GP-1');
  });
});

describe('profile order — market supervision (正卷/副卷)', () => {
  const p = profile('market-supervision-2021');

  it('puts the 决定书 right after the 立案审批表 in the 正卷, and the internal material in the 副卷', () => {
    const d = bindCase(p, hearing, CTX);
    expect(d.volumes.map((v) => [v.part, v.label])).toEqual([
      ['main', '正卷'],
      ['secondary', '副卷'],
    ]);
    const [main, secondary] = kinds(d);
    expect(main!.slice(0, 2)).toEqual(['LASPB', 'CFJDS']);
    // 副卷: 案源材料, 调查终结报告及批件, 法制审核意见, 听证报告, 结案报告 (no 集体讨论 in this case).
    expect(secondary).toEqual(['JBDJB', 'DCZJBG', 'JDSPB', 'FZSH', 'TZBG', 'JASPB']);
    expect(main).not.toContain('TZBG');
    // 送达回证 form their own group after the other legal documents.
    expect(main!.indexOf('SDHZ')).toBeGreaterThan(main!.indexOf('TZTZ'));
    expect(main!.indexOf('SDHZ')).toBeLessThan(main!.indexOf('XWBL'));
  });

  it('numbers the 正卷 and the 副卷 each from 1', () => {
    const d = bindCase(p, seizure, CTX);
    for (const v of d.volumes) expect(v.entries[0]!.start).toBe(1);
    expect(d.volumes[1]!.entries.map((e) => e.parts[0]!.kind)).toEqual(['DCZJBG', 'KYSPB', 'JDSPB', 'FZSH', 'JASPB']);
  });

  it('keeps 简易程序 in one volume (no 副卷)', () => {
    expect(bindCase(p, summary, CTX).volumes.map((v) => v.part)).toEqual(['main']);
  });

  it('reports the documents of kinds it does not define (违法建设 forms) as errors', () => {
    const d = bindCase(p, demolition, CTX);
    expect(d.issues.filter((i) => i.code === 'unknown-kind').map((i) => i.kind)).toEqual(['XQCC', 'QZJD', 'QCGG', 'QCBL']);
  });
});

describe('profile order — Shanghai 城管 (process stages; 简易: 决定书, 罚款收据, 其他)', () => {
  const p = profile('shanghai-chengguan');

  it('groups 一般程序 into 立案, 调查取证, 审查决定, 送达执行, 结案', () => {
    const d = bindCase(p, hearing, CTX);
    const groups = d.volumes[0]!.entries.map((e) => e.parts[0]!.groupId);
    expect([...new Set(groups)]).toEqual(['filing', 'investigation', 'review-decision', 'service-execution', 'closing']);
  });

  it('orders 简易程序 as 当场处罚决定书, 罚款收据, then the rest by date', () => {
    expect(kinds(bindCase(p, summary, CTX))).toEqual([['DCCF', 'FMK', 'XCZP', 'DCBA', 'JASPB']]);
  });
});

describe('the archivist’s manual order', () => {
  const p = profile('henan-township-2016');

  it('is applied, and only the moved documents count as deviations, each with its reason in the 备考表', () => {
    const base = bindCase(p, demolition, CTX);
    const ids = base.volumes[0]!.entries.map((e) => e.parts[0]!.documentId!);
    const photos = demolition.documents.find((d) => d.title.startsWith('强制拆除前'))!.id;
    const order = ids.filter((id) => id !== photos);
    order.splice(order.length - 1, 0, photos); // just before the 结案审批表
    const d = bindCase(p, { ...demolition, manualOrder: { order, reasons: { [photos]: '强制拆除照片随执行材料归档' } } }, CTX);
    expect(d.deviations).toEqual([expect.objectContaining({ documentId: photos, reason: '强制拆除照片随执行材料归档', actualPosition: 26 })]);
    expect(d.volumes[0]!.entries[25]!.parts[0]!.documentId).toBe(photos);
    expect(d.volumes[0]!.entries[25]!.note).toBe('顺序调整，见备考表');
    expect(d.volumes[0]!.beikao.statement).toContain('强制拆除照片随执行材料归档');
    expect(d.issues.filter((i) => i.code === 'unexplained-deviation')).toEqual([]);
  });

  it('without a reason is a warning; documents filed after the reorder keep their profile neighbour', () => {
    const base = bindCase(p, noPenalty, CTX);
    const ids = base.volumes[0]!.entries.map((e) => e.parts[0]!.documentId!);
    const swapped = [ids[1]!, ids[0]!, ...ids.slice(2)];
    const added = {
      id: 999,
      seq: 99,
      kind: 'XWBL',
      title: '补充询问笔录',
      docNo: null,
      responsible: null,
      date: '2024-08-22',
      pages: [{ id: 99901, side: 'front' as const, blank: false }],
    };
    const d = bindCase(p, { ...noPenalty, documents: [...noPenalty.documents, added], manualOrder: { order: swapped, reasons: {} } }, CTX);
    expect(d.issues.filter((i) => i.code === 'unexplained-deviation')).toHaveLength(1);
    const t = titles(d);
    expect(t.indexOf('补充询问笔录')).toBe(t.indexOf('邵春燕询问笔录') + 1);
  });
});
