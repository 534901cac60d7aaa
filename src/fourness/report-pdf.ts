import { FOURNESS_DIMENSION_ZH, FOURNESS_OUTCOME_ZH, FOURNESS_STAGE_ZH, type FournessDimension, type FournessReport } from '../api/types-fourness.js';
import type { ReportBlock, ReportDoc } from '../pdf/report/report-model.js';

const DIMENSIONS: FournessDimension[] = ['authenticity', 'integrity', 'usability', 'security'];

/** 四性检测报告.pdf for people: the summary, then one table per dimension (编号, 检测项目, 检测内容, 结果, 说明与依据). Pure. */
export function reportDoc(r: FournessReport, author: string): ReportDoc {
  const blocks: ReportBlock[] = [
    {
      kind: 'fields',
      rows: [
        ['检测对象', r.target.label],
        ['检测环节', FOURNESS_STAGE_ZH[r.stage]],
        ['检测时间', r.checkedAt],
        ['检测人', r.checkedBy ?? '—'],
        ['检测结论', r.passed ? '通过' : '未通过'],
        ['项目统计', `通过 ${r.counts.pass} 项，未通过 ${r.counts.fail} 项，不适用 ${r.counts.na} 项`],
        ['检测依据', 'DA/T 70-2018《文书类电子档案检测一般要求》'],
        ['检测软件', r.software],
      ],
    },
  ];
  for (const d of DIMENSIONS) {
    const rows = r.rows.filter((x) => x.dimension === d);
    if (!rows.length) continue;
    blocks.push({ kind: 'heading', text: `${FOURNESS_DIMENSION_ZH[d]}检测` });
    blocks.push({
      kind: 'table',
      columns: [
        { title: '编号', width: 1 },
        { title: '检测项目', width: 3 },
        { title: '检测内容', width: 4 },
        { title: '结果', width: 1.2 },
        { title: '说明与依据', width: 5 },
      ],
      rows: rows.map((x) => [
        x.code ?? '—',
        x.name,
        x.checked,
        FOURNESS_OUTCOME_ZH[x.outcome],
        [
          x.reason,
          ...x.evidence.slice(0, 6),
          ...(x.failingCount ? [`涉及：${x.failing.slice(0, 10).join('、')}${x.failingCount > 10 ? ` 等 ${x.failingCount} 项` : ''}`] : []),
        ]
          .filter(Boolean)
          .join('\n'),
      ]),
    });
  }
  blocks.push({ kind: 'signatures', labels: ['检测人', '审核人'] });
  return {
    title: '电子档案四性检测报告',
    subtitle: r.target.label,
    author,
    subject: `四性检测（${FOURNESS_STAGE_ZH[r.stage]}）：${r.passed ? '通过' : '未通过'}`,
    keywords: ['四性检测', 'DA/T 70', FOURNESS_STAGE_ZH[r.stage]],
    createdAt: new Date(r.checkedAt),
    blocks,
  };
}
