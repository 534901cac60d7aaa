import { shippedCalendar } from '../../../src/calendar/shipped-calendar.js';
import type { Party } from '../../../src/domain/case.js';
import type { CertificatePeriod, StatusFrom } from '../../../src/domain/officer.js';
import { footageProfileOf } from '../../../src/footage/footage-profile.js';
import { loadProfile, requireBinding } from '../../../src/profiles/load-profile.js';
import { resourcesDir } from '../../../src/resources/paths.js';
import type { CaseFacts, FactCase, FactClip, FactDocument, FactOfficer } from '../../../src/review/case-facts.js';
import type { Finding } from '../../../src/domain/review-finding.js';
import type { Rule } from '../../../src/review/rules/rule.js';

/** Case facts for rule tests: the real 河南 profile and the shipped calendar, a case built from a few lines. */
const profile = loadProfile(resourcesDir(), 'henan-township-2016');
const binding = requireBinding(profile).binding;

export type Doc = [kind: string, date: string | null, title?: string];

export interface Spec {
  procedure?: 'general' | 'summary';
  dates?: Partial<FactCase['dates']>;
  docs?: Doc[];
  officers?: (Partial<FactOfficer> & { name: string })[];
  parties?: Party[];
  extra?: Record<string, unknown> | null;
  clips?: Partial<FactClip>[];
}

/** A certificate valid over the whole test period, 在岗 from its start. */
export const CERTIFIED = (certNo: string): FactOfficer['registered'] => ({
  certificates: [{ certNo, issuer: '河南省人民政府', validFrom: '2020-01-01', validTo: '2028-12-31' }],
  statuses: [{ status: 'active', from: '2020-01-01' }],
});

export function registration(
  certificates: CertificatePeriod[],
  statuses: StatusFrom[] = [{ status: 'active', from: '2000-01-01' }],
): FactOfficer['registered'] {
  return { certificates, statuses };
}

export function facts(s: Spec = {}): CaseFacts {
  const documents: FactDocument[] = (s.docs ?? []).map(([kind, date, title], i) => ({
    id: i + 1,
    seq: i + 1,
    kind,
    kindName: profile.documentKinds.find((k) => k.code === kind)?.name ?? kind,
    title: title ?? profile.documentKinds.find((k) => k.code === kind)?.name ?? kind,
    docNo: null,
    date,
    page: (i + 1) * 2,
  }));
  const officers: FactOfficer[] = (
    s.officers ?? [
      { name: '李文静', certNo: '豫S11520210047' },
      { name: '王晓东', certNo: '豫S11520210051' },
    ]
  ).map((o) => ({
    name: o.name,
    certNo: o.certNo ?? `豫S${o.name}`,
    post: o.post ?? null,
    roles: o.roles ?? ['承办人', '调查'],
    registered: o.registered === undefined ? CERTIFIED(o.certNo ?? `豫S${o.name}`) : o.registered,
  }));
  return {
    case: {
      id: 1,
      caseNo: '测试〔2025〕1号',
      title: '测试案',
      procedure: s.procedure ?? 'general',
      decisionNo: null,
      parties: s.parties ?? [{ type: 'person', name: '张三' }],
      officers,
      dates: { filed: null, investigationConcluded: null, noticeServed: null, decision: null, served: null, executed: null, closed: '2025-12-31', ...s.dates },
      extra: s.extra === undefined ? null : s.extra,
    },
    documents,
    clips: (s.clips ?? []).map((c, i) => ({ id: i + 1, fileName: `clip-${i + 1}.mp4`, start: null, durationSec: 600, activities: [], ...c })),
    binding,
    kinds: profile.documentKinds,
    checklist: footageProfileOf(profile),
    calendar: shippedCalendar(),
  };
}

/** The findings of one rule, and a short view (outcome + zh title) for assertions. */
export function run(rule: Rule, f: CaseFacts): Finding[] {
  return rule.check(f);
}
export function outcomes(xs: Finding[]): string[] {
  return xs.map((x) => `${x.outcome}: ${x.titleZh}`);
}
