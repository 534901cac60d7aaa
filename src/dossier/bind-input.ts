import type { BindingProfile } from '../domain/profile-binding.js';
import type { AvItem, BindCase, CaseBindInput, ManualOrder } from '../binding/types.js';
import { loadProfile, requireBinding } from '../profiles/load-profile.js';
import { resourcesDir as defaultResourcesDir } from '../resources/paths.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import type { AckRow } from '../storage/repos/dossier-repo.js';
import { DocumentRepo } from '../storage/repos/document-repo.js';
import { caseNotFound } from '../cases/case-detail.js';
import type { Archive } from '../archive/archive.js';
import { archiveTimeZone } from '../domain/archive-time.js';

/** Reads what the binder needs from the catalogue: the case, its documents and pages, the recorded order and acknowledgements. */

/** Supplies a case's AV evidence items (wired to the footage capability; none until then). */
export type AvSource = (caseId: number) => AvItem[];

export interface DossierOptions {
  avItems?: AvSource;
  /** Where profiles live (defaults to the app's resources folder). */
  resourcesDir?: string;
}

export function bindProfile(archive: Archive, opts: DossierOptions, profileId: string | undefined | null): BindingProfile {
  const current = archive.profile;
  if (!profileId || profileId === current.id) return requireBinding(current);
  return requireBinding(loadProfile(opts.resourcesDir ?? defaultResourcesDir(), profileId));
}

/** Today's date (`YYYY-MM-DD`) in the archive's time zone: the 立卷时间. */
export function today(archive: Archive): string {
  const tz = archiveTimeZone(archive.meta);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(archive.clock.now());
}

export function bindCaseRecord(archive: Archive, caseId: number): BindCase {
  const cases = new CaseRepo(archive.db);
  const r = cases.row(caseId);
  if (!r) throw caseNotFound(caseId);
  return {
    id: r.id,
    caseNo: r.caseNo,
    title: r.title,
    procedure: r.procedure,
    decisionNo: r.decisionNo,
    organ: r.organ,
    unit: r.unit,
    partyNames: cases.parties(caseId).map((p) => p.name),
    dates: {
      filed: r.filedOn,
      investigationConcluded: r.investigationConcludedOn,
      noticeServed: r.noticeServedOn,
      decision: r.decidedOn,
      served: r.servedOn,
      executed: r.executedOn,
      closed: r.closedOn,
    },
    extra: r.extra ? (JSON.parse(r.extra) as Record<string, unknown>) : null,
  };
}

export function parseManualOrder(json: string | null | undefined): ManualOrder | null {
  if (!json) return null;
  const v = JSON.parse(json) as ManualOrder;
  return { order: v.order ?? [], reasons: v.reasons ?? {} };
}

export function caseInput(archive: Archive, opts: DossierOptions, caseId: number, manual: ManualOrder | null, acks: readonly AckRow[]): CaseBindInput {
  const docs = new DocumentRepo(archive.db);
  return {
    case: bindCaseRecord(archive, caseId),
    documents: docs.listForCase(caseId).map((d) => ({
      id: d.id,
      seq: d.seq,
      kind: d.kind,
      title: d.title,
      docNo: d.docNo,
      responsible: d.responsible,
      date: d.date,
      pages: docs.pages(d.id).map((p) => ({ id: p.id, side: p.side, blank: p.blank })),
    })),
    av: opts.avItems?.(caseId) ?? [],
    manualOrder: manual,
    acknowledgements: acks.filter((a) => a.caseId === caseId).map((a) => ({ key: a.key, reason: a.reason, by: a.by, at: a.at })),
  };
}

/** 全宗号/目录号 for the 档号: given at sealing, else the archive's settings, else the profile's. */
export function archiveCodeSettings(archive: Archive, profile: BindingProfile, given: { fondsNo?: string | undefined; catalogNo?: string | undefined }) {
  const meta = archive.meta;
  return {
    fondsNo: given.fondsNo ?? meta.get('fonds_no') ?? profile.binding.archiveCode.fondsNo,
    catalogNo: given.catalogNo ?? meta.get('catalog_no') ?? profile.binding.archiveCode.catalogNo,
  };
}
