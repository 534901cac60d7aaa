import { requiredDocuments } from './completeness.js';
import { decision90Days } from './deadline-decision.js';
import type { Rule } from './rule.js';

/** Every automatic 评查 rule, in the order findings are listed. Ids are stable: score sheets refer to them. */
export const RULES: readonly Rule[] = [requiredDocuments, decision90Days];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export type { Rule } from './rule.js';
