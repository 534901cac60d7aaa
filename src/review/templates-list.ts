import type { TemplateSummary } from '../api/types-review.js';
import { RULE_IDS } from './rules/index.js';
import { listTemplates } from './template.js';

/** The shipped score sheets, as the plan dialog lists them. */
export function templateSummaries(resourcesDir: string): TemplateSummary[] {
  return listTemplates(resourcesDir, RULE_IDS).map((t) => ({
    id: t.id,
    version: t.version,
    name: t.name,
    description: t.description ?? '',
    total: t.total,
    vetoItems: t.veto.length,
    sections: t.sections.map((s) => ({ id: s.id, title: s.title, points: s.points, items: s.items.length })),
  }));
}
