import type { BindingProfile } from '../../../src/domain/profile-binding.js';
import { loadSampleCases, type SampleCase } from '../../../src/demo/sample-cases.js';
import type { AvItem, BindContext, CaseBindInput } from '../../../src/binding/types.js';
import { loadProfile, requireBinding } from '../../../src/profiles/load-profile.js';
import { resourcesDir } from '../../../src/resources/paths.js';

/** The five fictional sample cases as binder input: ids from 1, pages front-side with content. */
export function sampleInputs(): CaseBindInput[] {
  return loadSampleCases(resourcesDir()).map((s, i) => toInput(s, i + 1));
}

export function toInput(s: SampleCase, caseId: number): CaseBindInput {
  let pageId = caseId * 10_000;
  return {
    case: {
      id: caseId,
      caseNo: s.case.caseNo,
      title: s.case.title,
      procedure: s.case.procedure,
      decisionNo: s.case.decisionNo ?? null,
      organ: s.case.organ ?? null,
      unit: s.case.unit ?? null,
      partyNames: s.case.parties.map((p) => p.name),
      dates: s.case.dates,
      extra: s.case.extra ?? null,
    },
    documents: s.documents.map((d, j) => ({
      id: caseId * 100 + j + 1,
      seq: j + 1,
      kind: d.kind,
      title: d.title,
      docNo: d.docNo,
      responsible: d.responsible,
      date: d.date,
      pages: Array.from({ length: d.pages }, () => ({ id: ++pageId, side: 'front' as const, blank: false })),
    })),
    av: [],
    manualOrder: null,
    acknowledgements: [],
  };
}

/** The sample body-cam clips as AV evidence items (digests are placeholders of the right length). */
export function sampleAv(s: SampleCase): AvItem[] {
  return s.bodycam.map((b, i) => ({
    id: `${b.fileName}`,
    fileName: b.fileName,
    durationSec: b.durationSec,
    device: b.deviceSerial,
    officer: b.officer ?? b.userNo,
    recordedAt: b.start,
    sha256: String(i).repeat(64).slice(0, 64),
    sm3: String(i + 1)
      .repeat(64)
      .slice(0, 64),
    carrier: 'GP-2024-001',
    proves: b.activity,
    activity: b.activity,
  }));
}

export function profile(id = 'henan-township-2016'): BindingProfile {
  return requireBinding(loadProfile(resourcesDir(), id));
}

export const CTX: BindContext = { preparer: '孙丽娟', today: '2025-01-10', checker: null, archiveNo: null, archiveCode: null };
