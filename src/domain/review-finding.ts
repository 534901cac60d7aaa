/**
 * What an automatic 评查 check says about a case: a finding pinned to the statute article and to the
 * exact place (a document and its page as bound, a clip and the second, or the case as a whole).
 * A rule that passes produces no finding but is listed in `CheckReport.checked`; a rule that lacks the
 * data it needs says so ('undecided'), never passes silently.
 */
export type FindingCategory = 'completeness' | 'deadline' | 'procedure' | 'officer' | 'footage' | 'filing';
export type FindingOutcome = 'fail' | 'undecided';

export type FindingPlace =
  | { kind: 'document'; documentId: number; title: string; page: number | null /* dossier page number as bound */ }
  | { kind: 'clip'; clipId: number; second: number; fileName: string }
  | { kind: 'case' };

export interface FindingBasis {
  law: string;
  article: string;
}

export interface Finding {
  /** Stable, e.g. 'deadline.decision-90d', listed in RULE_IDS. */
  ruleId: string;
  category: FindingCategory;
  outcome: FindingOutcome;
  title: string;
  titleZh: string;
  detail: string;
  detailZh: string;
  /** e.g. { law: '行政处罚法', article: '第六十条' }. */
  basis: FindingBasis | null;
  places: FindingPlace[];
}

export interface CheckReport {
  caseId: number;
  caseNo: string;
  /** Rule ids run. */
  checked: string[];
  findings: Finding[];
}

export const FINDING_CATEGORIES: readonly FindingCategory[] = ['completeness', 'deadline', 'procedure', 'officer', 'footage', 'filing'];

export const CATEGORY_LABELS: Record<FindingCategory, { en: string; zh: string }> = {
  completeness: { en: 'Completeness', zh: '完整性' },
  deadline: { en: 'Deadlines', zh: '期限' },
  procedure: { en: 'Procedure', zh: '程序' },
  officer: { en: 'Officers', zh: '执法人员' },
  footage: { en: 'Audio-visual records', zh: '音像记录' },
  filing: { en: 'Filing', zh: '立卷归档' },
};
