import { addDays, daysBetween } from '../day-math.js';
import { type CaseFacts, docPlace, docsOf, type FactDocument } from '../case-facts.js';
import { byDate, extraValue } from './helpers.js';
import { finding, law, type Rule } from './rule.js';

const EXTENSION_TITLE = /延长.*(查封|扣押)|(查封|扣押).*延长|延期.*(查封|扣押)/;

/** 检测、检验、检疫、鉴定 periods the case records (extra.excludedPeriods), which 第二十五条 does not count. */
function testingDays(f: CaseFacts, from: string, to: string): { days: number; text: string } {
  const raw = extraValue(f, 'excludedPeriods');
  if (!Array.isArray(raw)) return { days: 0, text: '' };
  const parts = raw
    .map((p) => p as { what?: unknown; from?: unknown; to?: unknown })
    .filter((p) => typeof p.what === 'string' && /检测|检验|检疫|鉴定/.test(p.what) && typeof p.from === 'string' && typeof p.to === 'string')
    .map((p) => ({ what: p.what as string, from: (p.from as string).slice(0, 10), to: (p.to as string).slice(0, 10) }))
    .filter((p) => p.to >= p.from && p.from <= to && p.to >= from);
  return { days: parts.reduce((n, p) => n + daysBetween(p.from, p.to) + 1, 0), text: parts.map((p) => `${p.what} ${p.from}—${p.to}`).join('；') };
}

/**
 * 行政强制法 第二十五条: 查封、扣押 last at most 30 days; +30 with the 负责人's approval (a document
 * or extra.seizure.extended); 检测检验检疫鉴定 periods not counted. The measure ends with the 解除
 * decision or the decision that deals with the goods (没收 in the 处罚决定书).
 */
export const seizure30Days: Rule = {
  id: 'deadline.seizure-30d',
  category: 'deadline',
  basis: law.qiangzhi('第二十五条'),
  name: 'Seizure at most 30 days (+30 with approval)',
  nameZh: '查封扣押期限不超过三十日（经批准可延长三十日）',
  check(f) {
    const decision = docsOf(f, ['KYJDS']).sort(byDate)[0];
    const seizure = extraValue(f, 'seizure') as { from?: unknown; to?: unknown; extended?: unknown } | undefined;
    if (!decision && !seizure) return [];
    const start = decision?.date ?? (typeof seizure?.from === 'string' ? seizure.from.slice(0, 10) : null);
    const extDocs = f.documents.filter((d) => EXTENSION_TITLE.test(d.title));
    const extended = extDocs.length > 0 || seizure?.extended === true;
    const limit = extended ? 60 : 30;
    const places = (d: FactDocument | undefined) => [...(decision ? [docPlace(decision)] : []), ...(d ? [docPlace(d)] : []), ...extDocs.map(docPlace)];
    if (!start)
      return [
        finding(this, 'undecided', {
          title: 'Cannot check the seizure period: no start date',
          titleZh: '无法判断查封扣押期限：缺少查封扣押日期',
          detail: 'The 查封(扣押)决定书 has no date and the case records no seizure start.',
          detailZh: '查封（扣押）决定书没有日期，案件也未记录查封扣押起始日期。',
          places: places(undefined),
        }),
      ];
    const ended = [...docsOf(f, ['JCKYJDS']), ...docsOf(f, ['CFJDS', 'BYCF', 'MSCL'])].filter((d) => d.date && d.date >= start).sort(byDate)[0];
    if (!ended)
      return [
        finding(this, 'undecided', {
          title: 'Cannot check the seizure period: no end in the file',
          titleZh: '无法判断查封扣押期限：卷内没有解除或处理决定',
          detail: `Seized on ${start}; no dated 解除查封(扣押)决定书 or decision dealing with the goods is filed.`,
          detailZh: `${start} 实施查封扣押，卷内没有注明日期的解除查封（扣押）决定书或对财物作出处理的决定。`,
          places: places(undefined),
        }),
      ];
    const end = ended.date!;
    const testing = testingDays(f, start, end);
    const counted = daysBetween(start, end) - testing.days;
    const stated = typeof seizure?.to === 'string' && typeof seizure.from === 'string' ? daysBetween(seizure.from, seizure.to) + 1 : null;
    const out = [];
    if (stated !== null && stated > limit)
      out.push(
        finding(this, 'fail', {
          title: `Seizure period set longer than ${limit} days`,
          titleZh: `查封扣押决定的期限超过${limit}日`,
          detail: `The seizure runs ${String(seizure!.from)} to ${String(seizure!.to)} (${stated} days); the limit is ${limit}.`,
          detailZh: `查封扣押期限为 ${String(seizure!.from)} 至 ${String(seizure!.to)}（${stated} 日），超过 ${limit} 日。`,
          places: places(undefined),
        }),
      );
    if (counted > limit)
      out.push(
        finding(this, 'fail', {
          title: `Seizure lasted more than ${limit} days`,
          titleZh: `查封扣押超过${limit}日未作出处理决定`,
          detail: `Seized ${start}, dealt with ${end}: ${counted} days counted${testing.days ? ` (${testing.days} days of ${testing.text} not counted)` : ''}; the limit is ${limit}${extended ? ' with the approved extension' : ''} (last day ${addDays(start, limit + testing.days)}).`,
          detailZh: `${start} 查封扣押，${end} 作出处理，计 ${counted} 日${testing.days ? `（已扣除${testing.text}共 ${testing.days} 日）` : ''}；期限 ${limit} 日${extended ? '（含批准延长）' : ''}，最后一日 ${addDays(start, limit + testing.days)}。`,
          places: places(ended),
        }),
      );
    return out;
  },
};
