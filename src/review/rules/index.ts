import { requiredDocuments } from './completeness.js';
import { decision90Days } from './deadline-decision.js';
import { seizure30Days } from './deadline-seizure.js';
import { hearingNotice7WorkingDays, hearingRequestWindow, preservation7WorkingDays, service7WorkingDays } from './deadline-working-days.js';
import { announcementBeforeDemolition, reminderBeforeEnforcement } from './enforcement.js';
import { fullRecording } from './footage.js';
import { certificateValid, twoOfficers } from './officers.js';
import { collectiveDiscussion, legalReview, noticeBeforeDecision, serviceAfterDocument, summaryLimits } from './procedure.js';
import type { Rule } from './rule.js';

/** Every automatic 评查 rule, in the order findings are listed. Ids are stable: score sheets refer to them. */
export const RULES: readonly Rule[] = [
  requiredDocuments,
  decision90Days,
  service7WorkingDays,
  hearingRequestWindow,
  hearingNotice7WorkingDays,
  preservation7WorkingDays,
  seizure30Days,
  reminderBeforeEnforcement,
  announcementBeforeDemolition,
  twoOfficers,
  certificateValid,
  noticeBeforeDecision,
  legalReview,
  collectiveDiscussion,
  summaryLimits,
  serviceAfterDocument,
  fullRecording,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

/** The rule with this id, or undefined (score sheets name rules by id). */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export type { Rule } from './rule.js';
