import type { PlanDetail, ReviewPlace, ReviewView } from '../api/types-review.js';
import { tableSection } from '../pdf/report/report-blocks.js';
import type { ReportBlock, ReportDoc } from '../pdf/report/report-model.js';
import { CATEGORY_LABELS, type FindingCategory } from '../domain/review-finding.js';
import { STRATUM_LABELS } from './strata.js';
import { GRADE_LABELS } from '../domain/review-template.js';

/** 评查报告 (one dossier) and 评查通报 (one plan) as ReportDocs. Pure. */

export function placeText(p: ReviewPlace): string {
  if (p.kind === 'document') return `${p.volume > 1 ? `第${p.volume}卷 ` : ''}第 ${p.page ?? '—'} 页${p.title ? `（${p.title}）` : ''}`;
  if (p.kind === 'clip') return `音像 ${p.fileName ?? `#${p.clipId}`} 第 ${Math.floor(p.second)} 秒`;
  return '全案';
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

export function reviewReport(v: ReviewView, now: Date): ReportDoc {
  const a = v.assignment;
  const counted = v.findings.filter((f) => f.decision === 'accepted');
  const blocks: ReportBlock[] = [
    {
      kind: 'fields',
      rows: [
        ['案号', a.caseNo],
        ['案由', a.caseTitle],
        ['归档号', a.archiveNo ?? '—'],
        ['评查计划', a.planTitle],
        ['评查标准', `${v.template.name}（${v.template.id} 第 ${v.template.version} 版）`],
        ['评查员', v.inspector],
        ['状态', v.status === 'submitted' ? `已提交 ${day(v.submittedAt)}（第 ${v.versionNo} 版）` : `草稿（第 ${v.versionNo} 版，未提交）`],
        ['总分', `${fmt(v.sheet.total)} 分（满分 ${fmt(v.sheet.max)}）`],
        ['等次', v.sheet.gradeLabel],
      ],
    },
  ];
  if (v.correctionReason) blocks.push({ kind: 'paragraph', text: `更正理由：${v.correctionReason}` });
  blocks.push({ kind: 'heading', text: '一、否决项（基本标准）' });
  blocks.push(
    v.sheet.vetoed
      ? { kind: 'paragraph', text: `存在否决项：${v.sheet.vetoHits.map((h) => h.title).join('；')}。本卷为不合格卷，总分计 0 分。` }
      : { kind: 'paragraph', text: '未发现否决项。' },
  );
  const rows: string[][] = [];
  for (const s of v.sheet.sections) {
    rows.push([s.title, fmt(s.max), fmt(s.deducted), fmt(s.score)]);
    for (const it of s.items) if (it.hits > 0) rows.push([`  ${it.title}`, fmt(it.max), fmt(it.deducted), fmt(it.score)]);
  }
  rows.push(['合计', fmt(v.sheet.max), fmt(v.sheet.max - v.sheet.total), fmt(v.sheet.total)]);
  blocks.push(
    ...tableSection('二、评分表', {
      columns: [
        ['评查项', 6],
        ['分值', 1],
        ['扣分', 1],
        ['得分', 1],
      ],
      rows,
    }),
    ...tableSection('三、评查意见', {
      empty: '未发现应扣分的问题。',
      columns: [
        ['序号', 1],
        ['问题', 5],
        ['评查项', 3],
        ['位置', 3],
        ['扣分', 1],
      ],
      rows: counted.map((f, i) => [
        String(i + 1),
        `${f.title}${f.comment ? `（${f.comment}）` : ''}${f.auto?.basis ? ` 依据：${f.auto.basis.law}${f.auto.basis.article}` : ''}`,
        f.itemTitle,
        placeText(f.place),
        f.veto ? '否决' : fmt(f.points),
      ]),
    }),
  );
  const rejected = v.findings.filter((f) => f.decision === 'rejected');
  if (rejected.length)
    blocks.push(
      ...tableSection('四、未采纳的自动检查意见', {
        level: 2,
        columns: [
          ['自动检查意见', 5],
          ['位置', 3],
          ['不采纳理由', 4],
        ],
        rows: rejected.map((f) => [f.title, placeText(f.place), f.comment ?? '']),
      }),
    );
  const answered = counted.filter((f) => f.answers.length);
  if (answered.length)
    blocks.push(
      ...tableSection('五、整改情况', {
        level: 2,
        columns: [
          ['问题', 4],
          ['整改答复', 6],
        ],
        rows: answered.map((f) => {
          const last = f.answers[f.answers.length - 1]!;
          return [f.title, `${last.status === 'mended' ? '已整改' : '已说明'}：${last.answer}（${last.by} ${day(last.at)}）`];
        }),
      }),
    );
  blocks.push({ kind: 'signatures', labels: ['评查员', '审核人'] });
  return {
    title: '行政执法案卷评查报告',
    subtitle: `${a.caseNo} ${a.caseTitle}`,
    author: v.inspector,
    subject: `案卷评查报告 ${a.caseNo}：${fmt(v.sheet.total)} 分，${v.sheet.gradeLabel}`,
    keywords: ['案卷评查', a.caseNo, v.sheet.gradeLabel],
    createdAt: now,
    blocks,
  };
}

/** 评查通报: per dossier the score and grade; the most common problems by category and item. */
export function planSummaryReport(plan: PlanDetail, reviews: readonly ReviewView[], author: string, now: Date): ReportDoc {
  const submitted = reviews.filter((r) => r.status === 'submitted');
  const blocks: ReportBlock[] = [
    {
      kind: 'fields',
      rows: [
        ['评查计划', plan.title],
        ['年度', String(plan.year)],
        ['评查标准', `${plan.template.name}（${plan.template.id} 第 ${plan.template.version} 版）`],
        ['抽取方式', `${plan.mode === 'percent' ? `按比例 ${plan.amount}%` : `按数量 ${plan.amount} 件`}，按程序分层随机抽取`],
        ['随机种子', `${plan.seed}（${plan.algorithm}，可据此复现抽取结果）`],
        ['进度', `抽取 ${plan.progress.drawn} 件，已分配 ${plan.progress.assigned} 件，已提交 ${submitted.length} 件`],
      ],
    },
    ...tableSection('一、抽取情况', {
      columns: [
        ['类别', 3],
        ['案卷总数', 2],
        ['抽取数', 2],
      ],
      rows: plan.strata.map((s) => [STRATUM_LABELS[s.stratum] ?? s.stratum, String(s.population), String(s.drawn)]),
    }),
  ];
  const byAssignment = new Map(reviews.map((r) => [r.assignment.id, r]));
  blocks.push(
    ...tableSection('二、评查结果', {
      columns: [
        ['案号', 4],
        ['案由', 5],
        ['评查员', 2],
        ['得分', 1.5],
        ['等次', 1.5],
      ],
      rows: plan.assignments.map((a) => {
        const r = byAssignment.get(a.id);
        const done = r?.status === 'submitted';
        return [a.caseNo, a.caseTitle, a.inspector?.name ?? '未分配', done ? fmt(r.sheet.total) : '—', done ? r.sheet.gradeLabel : r ? '评查中' : '未开始'];
      }),
    }),
  );
  const grades = (['excellent', 'good', 'pass', 'fail'] as const).map((g) => `${GRADE_LABELS[g].zh} ${submitted.filter((r) => r.sheet.grade === g).length} 件`);
  const avg = submitted.length ? submitted.reduce((s, r) => s + r.sheet.total, 0) / submitted.length : 0;
  blocks.push({ kind: 'paragraph', text: `已提交 ${submitted.length} 件，平均 ${fmt(avg)} 分；${grades.join('，')}。` });
  const counts = new Map<string, { category: string; item: string; n: number; cases: Set<string> }>();
  for (const r of submitted)
    for (const f of r.findings) {
      if (f.decision !== 'accepted') continue;
      const cat = f.auto ? CATEGORY_LABELS[f.auto.category as FindingCategory].zh : '评查员意见';
      const key = `${cat}|${f.itemTitle}`;
      const c = counts.get(key) ?? { category: cat, item: f.itemTitle, n: 0, cases: new Set<string>() };
      c.n++;
      c.cases.add(r.assignment.caseNo);
      counts.set(key, c);
    }
  const top = [...counts.values()].sort((x, y) => y.n - x.n || x.item.localeCompare(y.item));
  blocks.push(
    ...tableSection('三、常见问题', {
      empty: '已提交的案卷未发现扣分问题。',
      columns: [
        ['类别', 2],
        ['问题（评查项）', 5],
        ['次数', 1],
        ['涉及案卷', 4],
      ],
      rows: top.map((c) => [c.category, c.item, String(c.n), [...c.cases].join('、')]),
    }),
  );
  blocks.push({ kind: 'signatures', labels: ['制作人', '审核人'] });
  return {
    title: '行政执法案卷评查通报',
    subtitle: `${plan.title}（${plan.year} 年度）`,
    author,
    subject: `案卷评查通报：${plan.title}`,
    keywords: ['案卷评查', '评查通报', String(plan.year)],
    createdAt: now,
    blocks,
  };
}
