import type { ConditionTest, ProfileBinding, Requirement } from '../domain/profile-binding.js';
import type { BindCase, BindDocument } from './types.js';

/** Evaluates the profile's named conditions (听证 held, 查封扣押 used…) from the case record and its documents. */
export interface ConditionScope {
  case: BindCase;
  documents: readonly BindDocument[];
}

/** `penalty.fineYuan` → the value in `extra`, or undefined. */
export function extraAt(extra: Record<string, unknown> | null, dotted: string): unknown {
  let v: unknown = extra;
  for (const key of dotted.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function present(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

export function testHolds(t: ConditionTest, s: ConditionScope): boolean {
  if ('hasKind' in t) return s.documents.some((d) => t.hasKind.includes(d.kind));
  if ('extraPresent' in t) return present(extraAt(s.case.extra, t.extraPresent));
  if ('extraTrue' in t) return extraAt(s.case.extra, t.extraTrue) === true;
  if ('extraIncludes' in t) {
    const v = extraAt(s.case.extra, t.extraIncludes.path);
    const text = t.extraIncludes.text;
    return typeof v === 'string' ? v.includes(text) : Array.isArray(v) && v.some((x) => typeof x === 'string' && x.includes(text));
  }
  if ('extraAtLeast' in t) {
    const v = extraAt(s.case.extra, t.extraAtLeast.path);
    return typeof v === 'number' && v >= t.extraAtLeast.value;
  }
  if ('caseDate' in t) return present(s.case.dates[t.caseDate]);
  return s.case.procedure === t.procedure;
}

export function conditionHolds(binding: ProfileBinding, id: string, s: ConditionScope): boolean {
  const c = binding.conditions[id];
  if (!c) return false;
  const any = c.any.length === 0 || c.any.some((t) => testHolds(t, s));
  const all = c.all.every((t) => testHolds(t, s));
  return any && all;
}

/** Whether a requirement applies to this case; returns the condition names that made it apply. */
export function requirementApplies(binding: ProfileBinding, r: Requirement, s: ConditionScope): { applies: boolean; because: string[] } {
  if (r === 'always') return { applies: true, because: [] };
  if (r.procedure && !r.procedure.includes(s.case.procedure)) return { applies: false, because: [] };
  const when = r.when ?? [];
  if (!when.every((id) => conditionHolds(binding, id, s))) return { applies: false, because: [] };
  if ((r.unless ?? []).some((id) => conditionHolds(binding, id, s))) return { applies: false, because: [] };
  return { applies: true, because: when.map((id) => binding.conditions[id]?.name ?? id) };
}
