import { addDays, daysBetween } from '../day-math.js';
import { type CaseFacts, docPlace, docsOf, firstDated, type FactDocument } from '../case-facts.js';
import { finding, law, type Rule } from './rule.js';

/** Kind codes of an approved extension of the 90-day decision period (延期审批), where a profile has one. */
export const EXTENSION_KINDS = ['YQSPB', 'AJYQ', 'YCSPB'];
/** Otherwise a document titled as an extension of the case-handling period (not 延期缴纳罚款). */
const EXTENSION_TITLE = /(延长|延期).*(办案|办理|作出|处理|审理)期限|案件延期|延期(作出|办理)/;
const DECISION_KINDS = ['CFJDS', 'BYCF', 'XQCC'];

/** An excluded period (听证, 公告, 检测检验鉴定) as recorded in the case's extra.excludedPeriods or by documents. */
export interface ExcludedPeriod {
  what: string;
  from: string;
  to: string;
}

/** `extra.excludedPeriods: [{what, from, to}]` and the 听证 period from 听证通知书 to 听证报告 (or 笔录). */
export function excludedPeriods(f: CaseFacts): ExcludedPeriod[] {
  const out: ExcludedPeriod[] = [];
  const raw = f.case.extra?.['excludedPeriods'];
  if (Array.isArray(raw)) {
    for (const p of raw) {
      const r = p as { what?: unknown; from?: unknown; to?: unknown };
      if (typeof r.from === 'string' && typeof r.to === 'string' && r.to >= r.from)
        out.push({ what: typeof r.what === 'string' ? r.what : '扣除期间', from: r.from.slice(0, 10), to: r.to.slice(0, 10) });
    }
  }
  const hearingStart = firstDated(f, ['TZSQ']) ?? firstDated(f, ['TZTZ']);
  const hearingEnd = docsOf(f, ['TZBG', 'TZBL'])
    .filter((d) => d.date)
    .sort((a, b) => b.date!.localeCompare(a.date!))[0];
  if (hearingStart?.date && hearingEnd?.date && hearingEnd.date >= hearingStart.date && !out.some((p) => p.what.includes('听证')))
    out.push({ what: '听证', from: hearingStart.date, to: hearingEnd.date });
  return out;
}

/** Extension days granted: extra.extensionDays (number), else 30 per 延期 approval document. */
function extensionDays(f: CaseFacts): { days: number; docs: FactDocument[] } {
  const docs = f.documents.filter((d) => EXTENSION_KINDS.includes(d.kind) || (d.kind !== 'YQJN' && EXTENSION_TITLE.test(d.title)));
  const v = f.case.extra?.['extensionDays'];
  if (typeof v === 'number' && v > 0) return { days: v, docs };
  return { days: docs.length * 30, docs };
}

/**
 * 行政处罚法 第六十条: decide within 90 days of 立案 (calendar days: Art. 85 covers only 二日…七日),
 * plus approved extensions, not counting excluded periods (听证, 公告, 检测检验鉴定) — each shown.
 */
export const decision90Days: Rule = {
  id: 'deadline.decision-90d',
  category: 'deadline',
  basis: law.chufa('第六十条'),
  name: 'Decision within 90 days of filing (with extensions and excluded periods)',
  nameZh: '立案之日起九十日内作出决定（延期、扣除期间另计）',
  check(f) {
    if (f.case.procedure !== 'general') return [];
    const filed = f.case.dates.filed;
    const decisionDoc = firstDated(f, DECISION_KINDS);
    const decided = f.case.dates.decision ?? decisionDoc?.date ?? null;
    if (!filed || !decided) {
      const missing = !filed ? '立案日期' : '决定日期';
      return [
        finding(this, 'undecided', {
          title: 'Cannot check the 90-day decision period',
          titleZh: '无法判断决定期限',
          detail: `The case has no ${!filed ? 'filing date (立案)' : 'decision date'}; the 90-day period cannot be checked.`,
          detailZh: `本案缺少${missing}，无法判断是否在立案之日起九十日内作出决定。`,
          places: decisionDoc ? [docPlace(decisionDoc)] : [],
        }),
      ];
    }
    const elapsed = daysBetween(filed, decided);
    const excl = excludedPeriods(f).filter((p) => p.to >= filed && p.from <= decided);
    const excluded = excl.reduce((n, p) => n + daysBetween(p.from, p.to) + 1, 0);
    const ext = extensionDays(f);
    const limit = 90 + ext.days;
    const counted = elapsed - excluded;
    if (counted <= limit) return [];
    const exclText = excl.map((p) => `${p.what} ${p.from}—${p.to}`).join('；');
    return [
      finding(this, 'fail', {
        title: 'Decision later than 90 days after filing',
        titleZh: '超过九十日作出处罚决定',
        detail:
          `Filed ${filed}, decided ${decided}: ${elapsed} days, ${excluded} excluded (${exclText || 'none'}), ${counted} counted; ` +
          `limit 90${ext.days ? ` + ${ext.days} approved extension` : ''} = ${limit} (last day ${addDays(filed, limit + excluded)}).`,
        detailZh:
          `立案 ${filed}，决定 ${decided}，共 ${elapsed} 日；扣除 ${excluded} 日（${exclText || '无'}），计 ${counted} 日；` +
          `期限 90 日${ext.days ? `＋批准延期 ${ext.days} 日` : ''}＝${limit} 日（最后一日 ${addDays(filed, limit + excluded)}）。`,
        places: [...(decisionDoc ? [docPlace(decisionDoc)] : []), ...ext.docs.map(docPlace)],
      }),
    ];
  },
};
