import type { CaseOfficer, Party, Procedure } from '../domain/case.js';
import type { ProfileBinding } from '../domain/profile-binding.js';
import type { DocumentKind } from '../domain/profile.js';
import type { FootageProfile } from '../footage/footage-profile.js';
import type { WorkCalendar } from '../domain/cn-work-calendar.js';
import type { CertificatePeriod, StatusFrom } from '../domain/officer.js';
import type { FindingPlace } from '../domain/review-finding.js';

/**
 * Everything the automatic checks read about one case, built once from the catalogue (load-facts.ts):
 * the case record, its documents with kind codes, dates and dossier page numbers as bound, the
 * officers with their 执法证 as registered, the linked footage with activities, and the profile's
 * required documents and 音像记录事项清单. Plain data, so rules are pure and unit-testable.
 */
export interface FactDocument {
  id: number;
  seq: number;
  kind: string;
  kindName: string;
  title: string;
  docNo: string | null;
  /** `YYYY-MM-DD` or null when the document has no date. */
  date: string | null;
  /** First dossier page number as bound (null when the document is not numbered yet). */
  page: number | null;
}

/** An officer named on the case, with the register's view of them (null: not in the register). */
export interface FactOfficer extends CaseOfficer {
  registered: { certificates: CertificatePeriod[]; statuses: StatusFrom[] } | null;
}

export interface FactClip {
  id: number;
  fileName: string;
  /** Local recording start `YYYY-MM-DDTHH:MM:SS…` or null. */
  start: string | null;
  durationSec: number | null;
  /** Activities the case links name (code or name from the 音像记录事项清单). */
  activities: string[];
}

export interface FactCase {
  id: number;
  caseNo: string;
  title: string;
  procedure: Procedure;
  decisionNo: string | null;
  parties: Party[];
  officers: FactOfficer[];
  dates: {
    filed: string | null;
    investigationConcluded: string | null;
    noticeServed: string | null;
    decision: string | null;
    served: string | null;
    executed: string | null;
    closed: string;
  };
  extra: Record<string, unknown> | null;
}

export interface CaseFacts {
  case: FactCase;
  /** Documents in registration order. */
  documents: FactDocument[];
  clips: FactClip[];
  binding: ProfileBinding;
  kinds: readonly DocumentKind[];
  checklist: FootageProfile;
  calendar: WorkCalendar;
}

/** The place of a document, as a finding names it. */
export function docPlace(d: FactDocument): FindingPlace {
  return { kind: 'document', documentId: d.id, title: d.title, page: d.page };
}

export function docsOf(f: CaseFacts, kinds: readonly string[]): FactDocument[] {
  return f.documents.filter((d) => kinds.includes(d.kind));
}

export function kindName(f: CaseFacts, code: string): string {
  return f.kinds.find((k) => k.code === code)?.name ?? code;
}

/** Earliest dated document of these kinds. */
export function firstDated(f: CaseFacts, kinds: readonly string[]): FactDocument | undefined {
  return docsOf(f, kinds)
    .filter((d) => d.date !== null)
    .sort((a, b) => a.date!.localeCompare(b.date!) || a.seq - b.seq)[0];
}

export function lastDated(f: CaseFacts, kinds: readonly string[]): FactDocument | undefined {
  return docsOf(f, kinds)
    .filter((d) => d.date !== null)
    .sort((a, b) => b.date!.localeCompare(a.date!) || b.seq - a.seq)[0];
}
