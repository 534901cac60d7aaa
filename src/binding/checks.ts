import type { BindingProfile, DateEndpoint } from '../domain/profile-binding.js';
import { type ConditionScope, requirementApplies } from './conditions.js';
import { issues } from './issues.js';
import type { BindCase, BindDocument, BindIssue } from './types.js';

/**
 * The checks before sealing, apart from ordering: pages to number, required documents (always, by
 * procedure, or by condition), and dates (sequence rules, before 立案, after 结案, missing).
 */
const day = (d: string | null | undefined) => (d ? d.slice(0, 10) : null);

export function pageChecks(c: BindCase, docs: readonly BindDocument[]): BindIssue[] {
  return docs.filter((d) => d.pages.every((p) => p.blank)).map((d) => issues.zeroPages(c.id, d));
}

export function requiredChecks(profile: BindingProfile, c: BindCase, docs: readonly BindDocument[]): BindIssue[] {
  const b = profile.binding;
  const scope: ConditionScope = { case: c, documents: docs };
  const present = new Set(docs.map((d) => d.kind));
  const out: BindIssue[] = [];
  for (const [code, kb] of Object.entries(b.kinds)) {
    if (kb.requiredWhen.length === 0) continue;
    if (present.has(code) || kb.satisfiedBy.some((k) => present.has(k))) continue;
    const hit = kb.requiredWhen.map((r) => requirementApplies(b, r, scope)).find((r) => r.applies);
    if (!hit) continue;
    const name = profile.documentKinds.find((k) => k.code === code)?.name ?? code;
    const alternatives = kb.satisfiedBy.map((k) => profile.documentKinds.find((x) => x.code === k)?.name ?? k);
    out.push(issues.missing(c.id, code, alternatives.length ? `${name}（或${alternatives.join('、')}）` : name, hit.because));
  }
  return out;
}

/** Latest date of the earlier side vs earliest of the later side; null when a side has no date. */
function endpointDates(e: DateEndpoint, c: BindCase, docs: readonly BindDocument[], exclude: readonly string[]): string[] {
  if ('caseDate' in e) {
    const v = day(c.dates[e.caseDate]);
    return v ? [v] : [];
  }
  const pick = 'kinds' in e ? docs.filter((d) => e.kinds.includes(d.kind)) : docs.filter((d) => !exclude.includes(d.kind));
  return pick.map((d) => day(d.date)).filter((v): v is string => v !== null);
}

export function dateChecks(profile: BindingProfile, c: BindCase, docs: readonly BindDocument[]): BindIssue[] {
  const b = profile.binding;
  const out: BindIssue[] = [];
  for (const d of docs) if (!d.date) out.push(issues.noDate(c.id, d));

  for (const rule of b.dateChecks.sequence) {
    const laterKinds = 'kinds' in rule.later ? rule.later.kinds : [];
    const earlier = endpointDates(rule.earlier, c, docs, laterKinds);
    const later = endpointDates(rule.later, c, docs, []);
    if (earlier.length === 0 || later.length === 0) continue;
    const maxEarlier = earlier.reduce((a, x) => (x > a ? x : a));
    const minLater = later.reduce((a, x) => (x < a ? x : a));
    if (maxEarlier > minLater) out.push(issues.dateOrder(c.id, rule.id, rule.name, maxEarlier, minLater));
  }

  const stageOf = new Map(profile.documentKinds.map((k) => [k.code, k.stage]));
  const filed = day(c.dates.filed);
  if (filed) {
    for (const d of docs) {
      const stage = stageOf.get(d.kind);
      const dd = day(d.date);
      if (dd && dd < filed && stage && !b.dateChecks.beforeFilingStages.includes(stage)) out.push(issues.beforeFiling(c.id, d, filed));
    }
  }
  const closed = day(c.dates.closed);
  if (b.dateChecks.afterClosing && closed) {
    for (const d of docs) {
      const dd = day(d.date);
      if (dd && dd > closed) out.push(issues.afterClosing(c.id, d, closed));
    }
  }
  return out;
}
