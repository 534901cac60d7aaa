import type { FindingBasis, FindingCategory } from '../domain/review-finding.js';

export type { CheckReport, Finding, FindingCategory, FindingOutcome, FindingPlace } from '../domain/review-finding.js';

/** One automatic rule, as the score-sheet editor and the findings card list them. */
export interface RuleInfo {
  id: string;
  category: FindingCategory;
  name: string;
  nameZh: string;
  basis: FindingBasis | null;
}
