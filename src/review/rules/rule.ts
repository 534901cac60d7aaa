import type { CaseFacts } from '../case-facts.js';
import type { Finding, FindingBasis, FindingCategory, FindingOutcome, FindingPlace } from '../../domain/review-finding.js';

/** One automatic check: a stable id, its category and statute basis, and a pure function of the case facts. */
export interface Rule {
  id: string;
  category: FindingCategory;
  basis: FindingBasis | null;
  /** What the rule checks, for lists and score-sheet editors. */
  name: string;
  nameZh: string;
  check(facts: CaseFacts): Finding[];
}

export interface FindingText {
  title: string;
  titleZh: string;
  detail: string;
  detailZh: string;
  places?: FindingPlace[];
  basis?: FindingBasis | null;
}

/** A finding of `rule`, with the rule's basis unless the text names a more precise one. */
export function finding(rule: Pick<Rule, 'id' | 'category' | 'basis'>, outcome: FindingOutcome, t: FindingText): Finding {
  return {
    ruleId: rule.id,
    category: rule.category,
    outcome,
    title: t.title,
    titleZh: t.titleZh,
    detail: t.detail,
    detailZh: t.detailZh,
    basis: t.basis === undefined ? rule.basis : t.basis,
    places: t.places && t.places.length ? t.places : [{ kind: 'case' }],
  };
}

export const law = {
  chufa: (article: string): FindingBasis => ({ law: '行政处罚法', article }),
  qiangzhi: (article: string): FindingBasis => ({ law: '行政强制法', article }),
};
