import { docPlace, docsOf, firstDated } from '../case-facts.js';
import { addMonths } from '../day-math.js';
import { byDate, decisionDoc, extraText, serviceOf, workingDue } from './helpers.js';
import { finding, law, type Rule } from './rule.js';

/**
 * 行政强制法 第三十五条: before deciding on 强制执行 the organ warns the party in writing (催告); and
 * 第五十四条: an application to the court comes at least 10 working days (第六十九条) after the 催告书 was served.
 */
export const reminderBeforeEnforcement: Rule = {
  id: 'procedure.reminder-before-enforcement',
  category: 'procedure',
  basis: law.qiangzhi('第三十五条'),
  name: 'Written warning (催告) before enforcement',
  nameZh: '强制执行前书面催告',
  check(f) {
    const enforcement = [...docsOf(f, ['QZJD']), ...docsOf(f, ['QZSQ'])].sort(byDate);
    if (!enforcement.length) return [];
    const reminder = firstDated(f, ['CGS']) ?? docsOf(f, ['CGS'])[0];
    const out = [];
    for (const e of enforcement) {
      const isCourt = e.kind === 'QZSQ';
      const basis = isCourt ? law.qiangzhi('第五十四条') : law.qiangzhi('第三十五条');
      if (!reminder) {
        out.push(
          finding(this, 'fail', {
            title: isCourt ? 'Court enforcement applied for without a 催告书' : 'Enforcement decided without a written warning (催告书)',
            titleZh: isCourt ? '申请人民法院强制执行前未催告' : '作出强制执行决定前未书面催告',
            detail: `${e.title} is filed but no 催告书 precedes it.`,
            detailZh: `卷内有${e.title}，但没有在其之前制作的催告书。`,
            places: [docPlace(e)],
            basis,
          }),
        );
        continue;
      }
      if (!reminder.date || !e.date) {
        out.push(
          finding(this, 'undecided', {
            title: 'Cannot check the order of warning and enforcement',
            titleZh: '无法判断催告与强制执行的先后',
            detail: `${!reminder.date ? reminder.title : e.title} has no date.`,
            detailZh: `${!reminder.date ? reminder.title : e.title}没有日期。`,
            places: [docPlace(reminder), docPlace(e)],
            basis,
          }),
        );
        continue;
      }
      const served = serviceOf(f, 'CGS', reminder.date)?.date ?? reminder.date;
      if (isCourt) {
        const { due } = workingDue(f, served, 10);
        if (e.date < due)
          out.push(
            finding(this, 'fail', {
              title: 'Court enforcement applied for less than 10 working days after the warning',
              titleZh: '催告书送达不满十个工作日即申请强制执行',
              detail: `催告书 served ${served}; application ${e.date}; the earliest lawful day was ${due}.`,
              detailZh: `${served} 送达催告书，${e.date} 申请人民法院强制执行；依法最早可于 ${due} 申请。`,
              places: [docPlace(reminder), docPlace(e)],
              basis,
            }),
          );
      } else if (reminder.date > e.date) {
        out.push(
          finding(this, 'fail', {
            title: 'Enforcement decided before the written warning',
            titleZh: '强制执行决定早于催告',
            detail: `催告书 dated ${reminder.date}, 强制执行决定书 ${e.date}.`,
            detailZh: `催告书日期 ${reminder.date}，强制执行决定书日期 ${e.date}，先后颠倒。`,
            places: [docPlace(reminder), docPlace(e)],
          }),
        );
      }
    }
    return out;
  },
};

/**
 * 行政强制法 第四十四条: a 违法建筑 is demolished only after a 公告 giving the party a period to
 * demolish it themselves, and only once the periods for 复议 (60 days) and 诉讼 (6 months, 行政诉讼法
 * 第四十六条) after service of the decision have passed.
 */
export const announcementBeforeDemolition: Rule = {
  id: 'procedure.announcement-before-demolition',
  category: 'procedure',
  basis: law.qiangzhi('第四十四条'),
  name: 'Public announcement before forced demolition',
  nameZh: '强制拆除前予以公告',
  check(f) {
    const demolition = firstDated(f, ['QCBL']) ?? docsOf(f, ['QCBL'])[0];
    const byExtra = /拆除/.test(extraText(f, 'enforcement.type'));
    if (!demolition && !byExtra) return [];
    const announcement = firstDated(f, ['QCGG']) ?? docsOf(f, ['QCGG'])[0];
    const day = demolition?.date ?? (extraText(f, 'enforcement.date').slice(0, 10) || null);
    const at = demolition ? [docPlace(demolition)] : [];
    if (!announcement)
      return [
        finding(this, 'fail', {
          title: 'Forced demolition without a public announcement',
          titleZh: '强制拆除前未予公告',
          detail: 'The case records a forced demolition but no 强制拆除公告 is filed.',
          detailZh: '案件实施了强制拆除，卷内没有强制拆除公告（限期自行拆除）。',
          places: at,
        }),
      ];
    if (!announcement.date || !day)
      return [
        finding(this, 'undecided', {
          title: 'Cannot check the announcement before demolition',
          titleZh: '无法判断拆除前公告',
          detail: `${!announcement.date ? announcement.title : 'The demolition'} has no date.`,
          detailZh: `${!announcement.date ? announcement.title : '强制拆除'}没有日期。`,
          places: [docPlace(announcement), ...at],
        }),
      ];
    const out = [];
    if (announcement.date >= day)
      out.push(
        finding(this, 'fail', {
          title: 'Demolition on or before the day of the announcement',
          titleZh: '公告后未给予自行拆除期限即强制拆除',
          detail: `公告 ${announcement.date}, demolition ${day}.`,
          detailZh: `公告日期 ${announcement.date}，强制拆除日期 ${day}，未给予当事人自行拆除的期限。`,
          places: [docPlace(announcement), ...at],
        }),
      );
    const dd = decisionDoc(f);
    const served = (dd && serviceOf(f, dd.kind, dd.date)?.date) ?? f.case.dates.served;
    if (served) {
      const open = addMonths(served, 6);
      if (day <= open)
        out.push(
          finding(this, 'fail', {
            title: 'Demolition before the period for review and litigation passed',
            titleZh: '复议、诉讼期限届满前强制拆除',
            detail: `Decision served ${served}; the 6-month litigation period runs to ${open}; demolition ${day}.`,
            detailZh: `决定书 ${served} 送达，起诉期限（六个月）至 ${open} 届满，${day} 即强制拆除。`,
            places: [...(dd ? [docPlace(dd)] : []), ...at],
          }),
        );
    }
    return out;
  },
};
