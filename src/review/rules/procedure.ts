import { type CaseFacts, docPlace, docsOf, type FactDocument, firstDated } from '../case-facts.js';
import type { Finding } from '../../domain/review-finding.js';
import { conditionOf } from './completeness.js';
import { byDate, decisionDay, decisionDoc, extraText, extraValue, servedKinds } from './helpers.js';
import { finding, law, type Rule } from './rule.js';

const PENALTY_DECISIONS = ['CFJDS', 'XQCC'];

/**
 * 第四十四条、第四十五条、第六十二条: before a penalty decision the party is told (事先告知) and heard
 * (陈述申辩, or 听证); no heavier penalty because they defended themselves.
 */
export const noticeBeforeDecision: Rule = {
  id: 'procedure.notice-before-decision',
  category: 'procedure',
  basis: law.chufa('第四十四条、第四十五条、第六十二条'),
  name: 'Party told and heard before the decision',
  nameZh: '作出处罚决定前告知并听取陈述申辩',
  check(f) {
    if (f.case.procedure !== 'general') return [];
    const decision = docsOf(f, PENALTY_DECISIONS).sort(byDate)[0];
    if (!decision) return [];
    const decided = decision.date ?? f.case.dates.decision;
    const notice = firstDated(f, ['SXGZ']) ?? docsOf(f, ['SXGZ'])[0];
    const out: Finding[] = [];
    if (!notice) {
      return [
        finding(this, 'fail', {
          title: 'Penalty decided without prior notice (事先告知)',
          titleZh: '未经事先告知作出处罚决定',
          detail: 'No 行政处罚事先告知书 is filed before the decision; 第六十二条: such a decision may not be made.',
          detailZh: '卷内没有行政处罚事先告知书；依第六十二条，未告知的不得作出行政处罚决定。',
          places: [docPlace(decision)],
        }),
      ];
    }
    const told = notice.date ?? f.case.dates.noticeServed;
    if (!told || !decided)
      return [
        finding(this, 'undecided', {
          title: 'Cannot check notice before decision',
          titleZh: '无法判断告知与决定的先后',
          detail: `${!told ? notice.title : decision.title} has no date.`,
          detailZh: `${!told ? notice.title : decision.title}没有日期。`,
          places: [docPlace(notice), docPlace(decision)],
        }),
      ];
    if (told >= decided)
      out.push(
        finding(this, 'fail', {
          title: 'Decision not after the prior notice',
          titleZh: '处罚决定未在事先告知之后作出',
          detail: `Notice ${told}, decision ${decided}.`,
          detailZh: `事先告知 ${told}，处罚决定 ${decided}，未给予当事人陈述申辩的时间。`,
          places: [docPlace(notice), docPlace(decision)],
        }),
      );
    const heard = docsOf(f, ['CSSB', 'TZSQ', 'TZBL']).length > 0;
    const waived = /放弃|不要求|未提出|逾期|明确不/.test(`${extraText(f, 'penalty.hearing')} ${extraText(f, 'penalty.statement')}`);
    if (!heard && !waived)
      out.push(
        finding(this, 'undecided', {
          title: 'The file does not show the party was heard or waived it',
          titleZh: '卷内未反映当事人陈述申辩情况',
          detail: 'No 陈述(申辩)笔录 or 听证 record, and the case does not note that the party waived statement and defence.',
          detailZh: '卷内没有陈述（申辩）笔录或听证材料，案件也未记载当事人放弃陈述申辩，无法判断是否已听取意见（第四十五条）。',
          places: [docPlace(notice)],
        }),
      );
    const proposed = extraValue(f, 'penalty.proposedFineYuan');
    const fine = extraValue(f, 'penalty.fineYuan');
    if (typeof proposed === 'number' && typeof fine === 'number' && fine > proposed)
      out.push(
        finding(this, 'fail', {
          title: 'Fine heavier than the one proposed in the notice',
          titleZh: '处罚决定的罚款高于事先告知的拟处罚款',
          detail: `Proposed ¥${proposed}, decided ¥${fine}; 第四十五条: no heavier penalty because the party defended themselves (a new notice is needed for a heavier one).`,
          detailZh: `告知拟罚款 ${proposed} 元，决定罚款 ${fine} 元；依第四十五条，不得因当事人陈述申辩而给予更重的处罚。`,
          places: [docPlace(notice), docPlace(decision)],
          basis: law.chufa('第四十五条'),
        }),
      );
    return out;
  },
};

/** 第五十八条: 法制审核 before deciding when a hearing was held or the case is 重大. */
export const legalReview: Rule = {
  id: 'procedure.legal-review',
  category: 'procedure',
  basis: law.chufa('第五十八条'),
  name: 'Legal review (法制审核) before deciding when a hearing was held or the case is major',
  nameZh: '听证或重大案件决定前经法制审核',
  check(f) {
    if (f.case.procedure !== 'general') return [];
    const hearing = conditionOf(f, 'hearing-held');
    const major = conditionOf(f, 'major-case');
    if (!hearing && !major) return [];
    return reviewedBefore(f, this, ['FZSH'], hearing ? '举行听证' : '重大案件', '法制审核');
  },
};

/** 第五十七条第二款: 情节复杂或者重大违法行为 — the 负责人 decide collectively (集体讨论). */
export const collectiveDiscussion: Rule = {
  id: 'procedure.collective-discussion',
  category: 'procedure',
  basis: law.chufa('第五十七条'),
  name: 'Collective discussion (集体讨论) before deciding a major case',
  nameZh: '重大案件决定前经集体讨论',
  check(f) {
    if (f.case.procedure !== 'general') return [];
    if (extraValue(f, 'major') !== true && docsOf(f, ['JTTL']).length === 0) return [];
    return reviewedBefore(f, this, ['JTTL'], '重大复杂案件', '集体讨论');
  },
};

function reviewedBefore(f: CaseFacts, rule: Rule, kinds: string[], why: string, what: string): Finding[] {
  const decision = decisionDoc(f);
  const decided = decisionDay(f);
  const docs = docsOf(f, kinds).sort(byDate);
  const at = decision ? [docPlace(decision)] : [];
  if (!docs.length)
    return [
      finding(rule, 'fail', {
        title: `No ${what} before the decision (${why})`,
        titleZh: `${why}未经${what}`,
        detail: `The case is a ${why} case; no ${what} record is filed.`,
        detailZh: `本案属${why}，卷内没有${what}材料。`,
        places: at,
      }),
    ];
  const first = docs.find((d) => d.date) ?? docs[0]!;
  if (!first.date || !decided)
    return [
      finding(rule, 'undecided', {
        title: `Cannot check that ${what} came before the decision`,
        titleZh: `无法判断${what}是否在决定之前`,
        detail: `${!first.date ? first.title : 'The decision'} has no date.`,
        detailZh: `${!first.date ? first.title : '处罚决定'}没有日期。`,
        places: [docPlace(first), ...at],
      }),
    ];
  if (first.date > decided)
    return [
      finding(rule, 'fail', {
        title: `${what} after the decision`,
        titleZh: `${what}晚于处罚决定`,
        detail: `${first.title} ${first.date}, decision ${decided}.`,
        detailZh: `${first.title}日期 ${first.date}，处罚决定 ${decided}，应在决定之前完成${what}。`,
        places: [docPlace(first), ...at],
      }),
    ];
  return [];
}

/** 第五十一条: 当场处罚 only for ≤ ¥200 (citizen) / ≤ ¥3,000 (organisation) fines, or a 警告. */
export const summaryLimits: Rule = {
  id: 'procedure.summary-limits',
  category: 'procedure',
  basis: law.chufa('第五十一条'),
  name: 'Summary procedure only within ¥200 / ¥3,000 or a warning',
  nameZh: '简易程序限于二百元/三千元以下罚款或警告',
  check(f) {
    if (f.case.procedure !== 'summary') return [];
    const dccf = docsOf(f, ['DCCF'])[0];
    const at = dccf ? [docPlace(dccf)] : [];
    const types = extraValue(f, 'penalty.types');
    const fine = extraValue(f, 'penalty.fineYuan');
    const party = f.case.parties[0];
    if (typeof fine !== 'number' && !Array.isArray(types))
      return [
        finding(this, 'undecided', {
          title: 'Cannot check the summary-procedure limits: penalty not recorded',
          titleZh: '无法判断是否适用简易程序：未记录处罚种类和罚款数额',
          detail: 'The case records neither penalty types nor the fine (extra.penalty.types / fineYuan).',
          detailZh: '案件未记录处罚种类和罚款数额，无法判断是否符合第五十一条的条件。',
          places: at,
        }),
      ];
    const out: Finding[] = [];
    const other = Array.isArray(types) ? types.filter((t) => typeof t === 'string' && !/罚款|警告/.test(t)) : [];
    if (other.length)
      out.push(
        finding(this, 'fail', {
          title: 'Summary procedure used for a penalty other than a fine or warning',
          titleZh: '简易程序适用了罚款、警告以外的处罚',
          detail: `Penalties: ${other.join(', ')}.`,
          detailZh: `处罚种类：${other.join('、')}，不得当场作出。`,
          places: at,
        }),
      );
    const limit = party?.type === 'organisation' ? 3000 : 200;
    if (typeof fine === 'number' && fine > limit)
      out.push(
        finding(this, 'fail', {
          title: `Summary fine above ¥${limit}`,
          titleZh: `当场罚款超过${limit}元`,
          detail: `Fine ¥${fine} on ${party?.type === 'organisation' ? 'an organisation' : 'a citizen'}; the limit is ¥${limit}.`,
          detailZh: `对${party?.type === 'organisation' ? '法人或其他组织' : '公民'}当场罚款 ${fine} 元，超过 ${limit} 元。`,
          places: at,
        }),
      );
    return out;
  },
};

/** 送达回证 come after the document they serve (第六十一条: 送达 per 民事诉讼法, the receipt records the day received). */
export const serviceAfterDocument: Rule = {
  id: 'filing.service-after-document',
  category: 'filing',
  basis: law.chufa('第六十一条'),
  name: 'Each 送达回证 dated on or after the document it serves',
  nameZh: '送达回证日期不早于所送达文书',
  check(f) {
    const out: Finding[] = [];
    for (const s of docsOf(f, ['SDHZ'])) {
      const kinds = servedKinds(f, s);
      if (!kinds.length) {
        out.push(
          finding(this, 'undecided', {
            title: 'Cannot tell which document a 送达回证 serves',
            titleZh: '无法判断送达回证所送达的文书',
            detail: `“${s.title}” names no document kind or 文号 of this case.`,
            detailZh: `“${s.title}”未写明所送达文书的名称或文号。`,
            places: [docPlace(s)],
          }),
        );
        continue;
      }
      if (!s.date) {
        out.push(
          finding(this, 'undecided', {
            title: 'No date on a 送达回证',
            titleZh: '送达回证没有日期',
            detail: `${s.title} has no date.`,
            detailZh: `${s.title}没有送达日期。`,
            places: [docPlace(s)],
          }),
        );
        continue;
      }
      for (const k of kinds) {
        const served = docsOf(f, [k]).filter((d) => d.date);
        if (!served.length) continue;
        if (served.some((d) => d.date! <= s.date!)) continue;
        const d = served.sort(byDate)[0]! as FactDocument;
        out.push(
          finding(this, 'fail', {
            title: `送达回证 dated before the document it serves`,
            titleZh: '送达回证早于所送达的文书',
            detail: `${s.title} ${s.date}; ${d.title} ${d.date}.`,
            detailZh: `${s.title}日期 ${s.date}，早于${d.title}（${d.date}）。`,
            places: [docPlace(s), docPlace(d)],
          }),
        );
      }
    }
    return out;
  },
};
