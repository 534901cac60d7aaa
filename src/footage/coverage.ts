import type { CaseFootageCoverage, CoverageItem } from '../api/types-footage.js';
import type { FootageProfile } from './footage-profile.js';

/**
 * Which recordings a case should have (pure): an activity the case's documents show took place, and
 * that the 音像记录事项清单 says must be recorded from start to end (全程), is `missing` when no clip is
 * linked to the case for it.
 */
export function caseCoverage(o: {
  caseId: number;
  caseNo: string;
  checklist: FootageProfile;
  documentKinds: ReadonlySet<string>;
  clipsByActivity: ReadonlyMap<string, number>;
}): CaseFootageCoverage {
  const items: CoverageItem[] = o.checklist.activities.map((a) => {
    const indicated = a.indicatedBy.some((k) => o.documentKinds.has(k));
    const clips = (o.clipsByActivity.get(a.name) ?? 0) + (a.code !== a.name ? (o.clipsByActivity.get(a.code) ?? 0) : 0);
    const status: CoverageItem['status'] = clips > 0 ? 'present' : !indicated ? 'not-applicable' : a.recording === 'full' ? 'missing' : 'not-recorded';
    return { code: a.code, name: a.name, recording: a.recording, indicated, clips, status };
  });
  return { caseId: o.caseId, caseNo: o.caseNo, items, missing: items.filter((i) => i.status === 'missing').map((i) => i.name) };
}
