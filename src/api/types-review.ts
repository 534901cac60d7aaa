import type { FindingBasis, FindingCategory, FindingOutcome } from '../domain/review-finding.js';
import type { ScoreSheet } from '../domain/review-score.js';
import type { Grade, ReviewTemplate } from '../domain/review-template.js';

/** Data shapes of the 案卷评查 operations. */

export type { ReviewTemplate, Grade, ScoreSheet };

export interface TemplateSummary {
  id: string;
  version: string;
  name: string;
  description: string;
  total: number;
  vetoItems: number;
  sections: { id: string; title: string; points: number; items: number }[];
}

export interface StratumInfo {
  stratum: string;
  label: string;
  population: number;
  drawn: number;
}

export interface PlanSummary {
  id: number;
  title: string;
  year: number;
  template: { id: string; version: string; name: string };
  mode: 'percent' | 'count';
  amount: number;
  /** The recorded seed: with it and the year's sealed dossiers anyone can redo the draw. */
  seed: string;
  algorithm: string;
  strata: StratumInfo[];
  createdAt: string;
  createdBy: string;
  progress: { drawn: number; assigned: number; submitted: number };
}

export interface ReviewBrief {
  id: number;
  versionNo: number;
  status: 'draft' | 'submitted';
  total: number | null;
  grade: Grade | null;
  gradeLabel: string | null;
  submittedAt: string | null;
}

export interface AssignmentInfo {
  id: number;
  planId: number;
  planTitle: string;
  caseId: number;
  caseNo: string;
  caseTitle: string;
  procedure: string;
  stratum: string;
  rank: number;
  dossierId: number;
  archiveNo: string | null;
  inspector: { id: number; name: string } | null;
  assignedAt: string | null;
  /** The 调阅 grant for the dossier's clips that came with the assignment, or why there is none. */
  grantId: number | null;
  grantNote: string | null;
  review: ReviewBrief | null;
}

export interface PlanDetail extends PlanSummary {
  assignments: AssignmentInfo[];
}

export type ReviewPlace =
  | { kind: 'document'; documentId: number | null; title: string; volume: number; page: number | null }
  | { kind: 'clip'; clipId: number; second: number; fileName: string | null }
  | { kind: 'case' };

export interface AnswerInfo {
  id: number;
  status: 'mended' | 'explained';
  answer: string;
  by: string;
  at: string;
}

export interface ReviewFindingInfo {
  id: number;
  seq: number;
  source: 'auto' | 'own';
  ruleId: string | null;
  itemId: string;
  itemTitle: string;
  /** The item is a veto (基本标准) item: accepted, it makes the dossier 不合格. */
  veto: boolean;
  decision: 'proposed' | 'accepted' | 'rejected';
  points: number;
  /** The deduction range allowed on the item (0–0 for a veto item). */
  range: { min: number; max: number };
  title: string;
  comment: string | null;
  place: ReviewPlace;
  auto: { outcome: FindingOutcome; category: FindingCategory; detailZh: string; detail: string; basis: FindingBasis | null } | null;
  createdBy: string;
  answers: AnswerInfo[];
}

export interface ReviewView {
  id: number;
  versionNo: number;
  status: 'draft' | 'submitted';
  supersedesId: number | null;
  correctionReason: string | null;
  inspector: string;
  openedAt: string;
  submittedAt: string | null;
  assignment: AssignmentInfo;
  template: ReviewTemplate;
  findings: ReviewFindingInfo[];
  sheet: ScoreSheet;
  versions: ReviewBrief[];
}

export interface ReviewReportResult {
  path: string;
  pages: number;
  size: number;
  sha256: string;
}
