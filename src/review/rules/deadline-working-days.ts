import { type CaseFacts, docPlace, docsOf, type FactDocument, firstDated } from '../case-facts.js';
import type { Finding } from '../../domain/review-finding.js';
import { byDate, calendarNote, decisionDay, decisionDoc, extraText, serviceOf, workingDue } from './helpers.js';
import { finding, law, type Rule } from './rule.js';

/**
 * The short periods of the 行政处罚法, counted in working days (第八十五条: 二日、三日、五日、七日 are
 * 工作日, not counting 法定节假日) on the archive's calendar, where 调休 weekends are working days.
 */

type Check = {
  rule: Rule;
  /** Start day and its document; null → undecided with `missing`. */
  start: { day: string | null; doc: FactDocument | undefined; what: string; whatZh: string };
  end: { day: string | null; doc: FactDocument | undefined; what: string; whatZh: string };
  days: number;
  title: string;
  titleZh: string;
};

/** Fails when `end` is later than `days` working days after `start`; undecided when a date is missing or the calendar lacks a year. */
function within(f: CaseFacts, c: Check): Finding[] {
  const places = [c.start.doc, c.end.doc].filter((d): d is FactDocument => d !== undefined).map(docPlace);
  for (const side of [c.start, c.end]) {
    if (!side.day)
      return [
        finding(c.rule, 'undecided', {
          title: `${c.title}: no date for the ${side.what}`,
          titleZh: `${c.titleZh}：缺少${side.whatZh}日期`,
          detail: `The ${side.what} has no date${side.doc ? ` (${side.doc.title})` : ''}; the ${c.days}-working-day period cannot be checked.`,
          detailZh: `${side.whatZh}${side.doc ? `（${side.doc.title}）` : ''}没有日期，无法判断是否在${c.days}个工作日内。`,
          places,
        }),
      ];
  }
  const start = c.start.day!;
  const end = c.end.day!;
  const { due, covered } = workingDue(f, start, c.days);
  if (end <= due) return [];
  const used = f.calendar.workingDaysBetween(start, end);
  if (!covered) {
    const note = calendarNote(f, start, due);
    return [
      finding(c.rule, 'undecided', {
        title: `${c.title}: cannot count working days`,
        titleZh: `${c.titleZh}：无法按工作日计算`,
        detail: `${c.start.what} ${start}, ${c.end.what} ${end}; ${note.en}.`,
        detailZh: `${c.start.whatZh} ${start}，${c.end.whatZh} ${end}；${note.zh}。`,
        places,
      }),
    ];
  }
  return [
    finding(c.rule, 'fail', {
      title: c.title,
      titleZh: c.titleZh,
      detail: `${c.start.what} ${start}, ${c.end.what} ${end}: ${used} working days; the limit is ${c.days} (last day ${due}, 法定节假日 and 调休 counted).`,
      detailZh: `${c.start.whatZh} ${start}，${c.end.whatZh} ${end}：${used} 个工作日，超过 ${c.days} 个工作日（最后一日 ${due}，已按法定节假日和调休计算）。`,
      places,
    }),
  ];
}

/** 第六十一条 with 第八十五条: a decision not handed over on the spot is served within 7 working days. */
export const service7WorkingDays: Rule = {
  id: 'deadline.service-7wd',
  category: 'deadline',
  basis: law.chufa('第六十一条、第八十五条'),
  name: 'Decision served within 7 working days',
  nameZh: '决定书七个工作日内送达',
  check(f) {
    const doc = decisionDoc(f);
    const decided = decisionDay(f);
    if (!doc && !decided) return [];
    const sd = doc ? serviceOf(f, doc.kind, decided) : undefined;
    const served = sd?.date ?? f.case.dates.served ?? null;
    if (!served && f.case.procedure === 'summary') return []; // 当场交付: the 当场处罚决定书 itself is the receipt
    return within(f, {
      rule: this,
      start: { day: decided, doc, what: 'decision', whatZh: '处罚决定' },
      end: { day: served, doc: sd, what: 'service', whatZh: '送达' },
      days: 7,
      title: 'Decision served later than 7 working days',
      titleZh: '决定书未在七个工作日内送达',
    });
  },
};

/** The notice that tells the party of the right to a hearing: 听证告知书, else the 事先告知书 when it includes it. */
function hearingNotice(f: CaseFacts): FactDocument | undefined {
  return firstDated(f, ['TZGZ']) ?? docsOf(f, ['TZGZ'])[0] ?? (hearingOffered(f) ? (firstDated(f, ['SXGZ']) ?? docsOf(f, ['SXGZ'])[0]) : undefined);
}

/** Whether the case offered a hearing: a 听证 document, or the case notes it was 告知 / 申请 / 放弃. */
function hearingOffered(f: CaseFacts): boolean {
  if (docsOf(f, ['TZGZ', 'TZSQ', 'TZTZ', 'TZBL']).length) return true;
  const h = extraText(f, 'penalty.hearing');
  if (/不适用/.test(h)) return false;
  return /告知|申请|举行|放弃|不要求/.test(h) || docsOf(f, ['SXGZ']).some((d) => d.title.includes('听证'));
}

/**
 * 第六十四条 (一): the party asks for a hearing within 5 working days of being told; the organ does not
 * decide before that window closes (unless the party waived it, as the case records).
 */
export const hearingRequestWindow: Rule = {
  id: 'deadline.hearing-request-5wd',
  category: 'deadline',
  basis: law.chufa('第六十四条、第八十五条'),
  name: 'Hearing requested within 5 working days; no decision before the window closes',
  nameZh: '告知后五个工作日内申请听证，期满前不作决定',
  check(f) {
    if (f.case.procedure !== 'general') return [];
    const notice = hearingNotice(f);
    if (!notice) return [];
    const received = serviceOf(f, notice.kind, notice.date)?.date ?? notice.date;
    const request = firstDated(f, ['TZSQ']);
    if (request) {
      return within(f, {
        rule: this,
        start: { day: received, doc: notice, what: 'hearing notice', whatZh: '听证告知' },
        end: { day: request.date, doc: request, what: 'hearing request', whatZh: '听证申请' },
        days: 5,
        title: 'Hearing requested after the 5-working-day window',
        titleZh: '听证申请超过五个工作日',
      });
    }
    const decided = decisionDay(f);
    if (!received || !decided) {
      return [
        finding(this, 'undecided', {
          title: 'Cannot check the hearing request window',
          titleZh: '无法判断听证申请期限',
          detail: `The ${!received ? 'notice of the right to a hearing' : 'decision'} has no date.`,
          detailZh: `${!received ? '听证告知' : '处罚决定'}没有日期，无法判断是否在听证申请期满后作出决定。`,
          places: [docPlace(notice)],
        }),
      ];
    }
    const { due, covered } = workingDue(f, received, 5);
    if (decided > due) return [];
    if (/放弃|不要求|明确不/.test(extraText(f, 'penalty.hearing')) && docsOf(f, ['CSSB']).length) return [];
    const dd = decisionDoc(f);
    return [
      finding(this, covered ? 'fail' : 'undecided', {
        title: 'Decision before the hearing request window closed',
        titleZh: '听证申请期限届满前作出处罚决定',
        detail: `Told of the right to a hearing ${received}; the 5-working-day window ends ${due}; decided ${decided}.${covered ? '' : ` Note: ${calendarNote(f, received, due).en}.`}`,
        detailZh: `${received} 告知听证权利，五个工作日期限至 ${due} 届满，${decided} 即作出决定。${covered ? '' : calendarNote(f, received, due).zh}`,
        places: [docPlace(notice), ...(dd ? [docPlace(dd)] : [])],
      }),
    ];
  },
};

/** 第六十四条 (二): the party is told of the hearing's time and place 7 (working) days before it. */
export const hearingNotice7WorkingDays: Rule = {
  id: 'deadline.hearing-notice-7wd',
  category: 'deadline',
  basis: law.chufa('第六十四条、第八十五条'),
  name: 'Hearing notice served 7 working days before the hearing',
  nameZh: '举行听证七个工作日前通知当事人',
  check(f) {
    const hearing = firstDated(f, ['TZBL']) ?? docsOf(f, ['TZBL'])[0];
    if (!hearing) return [];
    const notice = firstDated(f, ['TZTZ']) ?? docsOf(f, ['TZTZ'])[0];
    if (!notice)
      return [
        finding(this, 'fail', {
          title: 'Hearing held without a hearing notice in the file',
          titleZh: '举行听证但卷内没有听证通知书',
          detail: 'A hearing record (听证笔录) is filed but no 听证通知书 shows that the party was told 7 working days ahead.',
          detailZh: '卷内有听证笔录，但没有听证通知书，无法证明已在听证七个工作日前通知当事人。',
          places: [docPlace(hearing)],
        }),
      ];
    const served = serviceOf(f, 'TZTZ', notice.date) ?? undefined;
    const from = served?.date ?? notice.date;
    if (!from || !hearing.date) {
      return within(f, {
        rule: this,
        start: { day: from, doc: served ?? notice, what: 'hearing notice', whatZh: '听证通知' },
        end: { day: hearing.date, doc: hearing, what: 'hearing', whatZh: '听证' },
        days: 7,
        title: 'Hearing notice',
        titleZh: '听证通知',
      });
    }
    const { due, covered } = workingDue(f, from, 7);
    if (hearing.date >= due) return [];
    return [
      finding(this, covered ? 'fail' : 'undecided', {
        title: 'Hearing notice less than 7 working days before the hearing',
        titleZh: '听证通知距举行听证不足七个工作日',
        detail: `Notice served ${from}; the hearing was ${hearing.date}; the earliest lawful day was ${due}.${covered ? '' : ` Note: ${calendarNote(f, from, due).en}.`}`,
        detailZh: `${from} 送达听证通知，${hearing.date} 举行听证；依法最早可于 ${due} 举行。${covered ? '' : calendarNote(f, from, due).zh}`,
        places: [docPlace(served ?? notice), docPlace(hearing)],
      }),
    ];
  },
};

/** 第五十六条 with 第八十五条: evidence registered and preserved (先行登记保存) is dealt with within 7 working days. */
export const preservation7WorkingDays: Rule = {
  id: 'deadline.preservation-7wd',
  category: 'deadline',
  basis: law.chufa('第五十六条、第八十五条'),
  name: 'Decision on preserved evidence within 7 working days',
  nameZh: '先行登记保存后七个工作日内作出处理决定',
  check(f) {
    const start = [...docsOf(f, ['XXTZS']), ...docsOf(f, ['XXSPB'])].sort(byDate)[0];
    if (!start) return [];
    const handled = docsOf(f, ['XXCLTZ']).sort(byDate)[0];
    if (!handled)
      return [
        finding(this, 'undecided', {
          title: 'No decision on the preserved evidence in the file',
          titleZh: '卷内没有先行登记保存证据的处理决定',
          detail: 'Evidence was registered and preserved but no 先行登记保存证据物品处理通知书 shows when it was dealt with.',
          detailZh: '已先行登记保存证据，但卷内没有先行登记保存证据物品处理通知书，无法判断是否在七个工作日内作出处理决定。',
          places: [docPlace(start)],
        }),
      ];
    return within(f, {
      rule: this,
      start: { day: start.date, doc: start, what: 'preservation', whatZh: '先行登记保存' },
      end: { day: handled.date, doc: handled, what: 'decision on the preserved evidence', whatZh: '处理决定' },
      days: 7,
      title: 'Preserved evidence dealt with later than 7 working days',
      titleZh: '先行登记保存超过七个工作日未作出处理决定',
    });
  },
};
