import { requirementApplies } from '../../binding/conditions.js';
import type { BindCase, BindDocument } from '../../binding/types.js';
import type { CaseFacts } from '../case-facts.js';
import type { Finding } from '../../domain/review-finding.js';
import { finding, law, type Rule } from './rule.js';

/** The profile's conditions read the case as the binder does. */
export function bindScope(f: CaseFacts): { case: BindCase; documents: BindDocument[] } {
  const c = f.case;
  return {
    case: {
      id: c.id,
      caseNo: c.caseNo,
      title: c.title,
      procedure: c.procedure,
      decisionNo: c.decisionNo,
      organ: null,
      unit: null,
      partyNames: c.parties.map((p) => p.name),
      dates: c.dates,
      extra: c.extra,
    },
    documents: f.documents.map((d) => ({ id: d.id, seq: d.seq, kind: d.kind, title: d.title, docNo: d.docNo, responsible: null, date: d.date, pages: [] })),
  };
}

export function conditionOf(f: CaseFacts, id: string): boolean {
  const c = f.binding.conditions[id];
  if (!c) return false;
  return requirementApplies(f.binding, { when: [id] }, bindScope(f)).applies;
}

/**
 * 完整性: every document the profile requires for this procedure (一般/简易), or because of what the
 * case shows (查封扣押 used → 决定书 and 清单; 强制执行 → 催告书 and 决定书; 听证 held → 通知书, 笔录, 报告…)
 * is in the file. Basis: 行政处罚法 第四十七条 (全过程记录、归档保存).
 */
export const requiredDocuments: Rule = {
  id: 'completeness.required-documents',
  category: 'completeness',
  basis: law.chufa('第四十七条'),
  name: 'Documents the profile requires for the procedure are in the file',
  nameZh: '按程序应归档的文书齐全',
  check(f) {
    const present = new Set(f.documents.map((d) => d.kind));
    const scope = bindScope(f);
    const out: Finding[] = [];
    for (const [code, kb] of Object.entries(f.binding.kinds)) {
      if (kb.requiredWhen.length === 0) continue;
      if (present.has(code) || kb.satisfiedBy.some((k) => present.has(k))) continue;
      const hit = kb.requiredWhen.map((r) => requirementApplies(f.binding, r, scope)).find((r) => r.applies);
      if (!hit) continue;
      const name = f.kinds.find((k) => k.code === code)?.name ?? code;
      const alts = kb.satisfiedBy.map((k) => f.kinds.find((x) => x.code === k)?.name ?? k);
      const label = alts.length ? `${name}（或${alts.join('、')}）` : name;
      const why = hit.because.length ? hit.because.join('、') : f.case.procedure === 'general' ? '一般程序' : '简易程序';
      out.push(
        finding(this, 'fail', {
          title: `Missing document: ${code} ${name}`,
          titleZh: `缺少文书：${label}`,
          detail: `The profile requires ${code} for this case (${why}); no such document is filed.`,
          detailZh: `按立卷规范，本案（${why}）应有${label}，卷内未见。`,
        }),
      );
    }
    return out;
  },
};
