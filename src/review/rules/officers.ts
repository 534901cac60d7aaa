import { validityOn, validityText } from '../../domain/officer.js';
import { type CaseFacts, docPlace, type FactDocument, type FactOfficer } from '../case-facts.js';
import type { Finding } from '../../domain/review-finding.js';
import { ACTING_KINDS, actingOfficers, byDate } from './helpers.js';
import { finding, law, type Rule } from './rule.js';

function actingDocs(f: CaseFacts): FactDocument[] {
  return f.documents.filter((d) => (ACTING_KINDS as readonly string[]).includes(d.kind)).sort(byDate);
}

/**
 * 行政处罚法 第四十二条 (and 行政强制法 第十八条 for 查封扣押): at least two officers with a valid 执法证
 * on every 笔录 and at every on-the-spot act. Officers are those the case names with an acting role.
 */
export const twoOfficers: Rule = {
  id: 'procedure.two-officers',
  category: 'procedure',
  basis: law.chufa('第四十二条'),
  name: 'At least two certified officers on every record and at seizure',
  nameZh: '笔录及查封扣押现场执法人员不少于两人且持证',
  check(f) {
    const out: Finding[] = [];
    for (const d of actingDocs(f)) {
      const basis = d.kind === 'KYJDS' ? law.qiangzhi('第十八条') : law.chufa('第四十二条');
      const officers = actingOfficers(f, d);
      if (!d.date) {
        out.push(
          finding(this, 'undecided', {
            title: `No date on ${d.kindName}`,
            titleZh: `${d.kindName}没有日期`,
            detail: `${d.title} has no date, so the officers' certificates on that day cannot be checked.`,
            detailZh: `${d.title}没有日期，无法核对执法人员当日是否持有效执法证。`,
            places: [docPlace(d)],
            basis,
          }),
        );
        continue;
      }
      const checks = officers.map((o) => ({ o, v: validityOn(o.registered, d.date!) }));
      const valid = checks.filter((c) => c.v.valid);
      const unknown = checks.filter((c) => !c.v.valid && c.v.problem === 'unregistered');
      if (valid.length >= 2) continue;
      // Officers not in the register cannot be confirmed; officer.certificate-valid says so for each of
      // them. This rule fails when, whatever the register holds, fewer than two could have been certified.
      if (valid.length + unknown.length >= 2) continue;
      const names = (xs: typeof checks) => xs.map((c) => `${c.o.name}（${c.o.certNo}）`).join('、') || '无';
      out.push(
        finding(this, 'fail', {
          title: `Fewer than two certified officers on ${d.kindName} (${valid.length})`,
          titleZh: `${d.kindName}持证执法人员不足两人`,
          detail: `${d.title} (${d.date}): officers acting ${officers.length}, with a valid certificate that day ${valid.length}${unknown.length ? `, not in the register ${unknown.length}` : ''}.`,
          detailZh: `${d.title}（${d.date}）：参与执法人员 ${officers.length} 人，当日持有效执法证 ${valid.length} 人（${names(valid)}）${unknown.length ? `，未在执法人员名册登记 ${unknown.length} 人（${names(unknown)}）` : ''}。`,
          places: [docPlace(d)],
          basis,
        }),
      );
    }
    return out;
  },
};

/** 持证上岗: every officer who acted on the case held a valid 执法证 on each day they acted. */
export const certificateValid: Rule = {
  id: 'officer.certificate-valid',
  category: 'officer',
  basis: law.chufa('第四十二条'),
  name: 'Each acting officer held a valid certificate on the day',
  nameZh: '执法人员执法当日持有效执法证',
  check(f) {
    const days = new Map<FactOfficer, FactDocument[]>();
    for (const d of actingDocs(f)) {
      if (!d.date) continue;
      for (const o of actingOfficers(f, d)) days.set(o, [...(days.get(o) ?? []), d]);
    }
    const out: Finding[] = [];
    for (const [o, docs] of days) {
      const bad = docs.map((d) => ({ d, v: validityOn(o.registered, d.date!) })).filter((x) => !x.v.valid);
      if (!bad.length) continue;
      const first = bad[0]!;
      const unregistered = first.v.valid === false && first.v.problem === 'unregistered';
      const t = validityText(o.name, o.certNo, first.d.date!, first.v);
      const list = bad.map((x) => `${x.d.date} ${x.d.kindName}`).join('；');
      out.push(
        finding(this, unregistered ? 'undecided' : 'fail', {
          title: unregistered ? `${o.name} (${o.certNo}) is not in the officer register` : `${o.name} acted without a valid certificate`,
          titleZh: unregistered ? `${o.name}（${o.certNo}）未在执法人员名册中登记，无法核对执法证` : `${o.name}执法时未持有效执法证`,
          detail: `${t.en}. Acted on: ${list}.`,
          detailZh: `${t.zh}。涉及：${list}。`,
          places: bad.map((x) => docPlace(x.d)),
        }),
      );
    }
    return out;
  },
};
