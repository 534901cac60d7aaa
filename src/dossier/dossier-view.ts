import { AppError } from '../api/errors.js';
import type { DossierVersionInfo, DossierView } from '../api/types-dossier.js';
import type { UserInfo } from '../api/types.js';
import { bindCase, sealBlockers } from '../binding/bind.js';
import { pageModel } from '../binding/page-model.js';
import type { BoundDossier } from '../binding/types.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DossierRepo, type VersionRow } from '../storage/repos/dossier-repo.js';
import { DossierSerialRepo } from '../storage/repos/dossier-serial-repo.js';
import { archiveCodeSettings, bindProfile, caseInput, type DossierOptions, parseManualOrder, today } from './bind-input.js';
import type { Archive } from '../archive/archive.js';

/** Read models of dossiers: a sealed version as sealed, or a case bound live with its draft. */
export function versionInfo(v: VersionRow): DossierVersionInfo {
  return {
    id: v.id,
    versionNo: v.versionNo,
    status: v.status,
    supersedesId: v.supersedesId,
    correctionReason: v.correctionReason,
    openedAt: v.openedAt,
    openedBy: v.openedBy,
    profileId: v.profileId,
    profileVersion: v.profileVersion,
    archiveNo: v.archiveNo,
    archiveCode: v.archiveCode,
    retention: v.retention,
    appraisalDue: v.appraisalDue,
    checker: v.checker,
    sealedAt: v.sealedAt,
    sealedBy: v.sealedBy,
    boundSha256: v.boundSha256,
  };
}

export function dossierNotFound(key: string | number): AppError {
  return new AppError('not_found', `dossier ${key} not found`, `案卷 ${key} 不存在`, { item: String(key) });
}

/** A sealed version exactly as it was sealed (the stored bound dossier). */
export function sealedView(archive: Archive, dossierId: number, versionNo?: number): DossierView {
  const repo = new DossierRepo(archive.db);
  const d = repo.byId(dossierId);
  if (!d) throw dossierNotFound(dossierId);
  const versions = repo.versions(dossierId);
  const v = versionNo === undefined ? [...versions].reverse().find((x) => x.status === 'sealed') : versions.find((x) => x.versionNo === versionNo);
  if (!v) throw dossierNotFound(`${dossierId} v${versionNo ?? ''}`);
  if (v.status !== 'sealed')
    throw new AppError(
      'not_found',
      `dossier ${dossierId} version ${v.versionNo} is a draft; preview its case instead`,
      `案卷 ${dossierId} 第 ${v.versionNo} 版尚未归档，请预览其案件`,
      { item: String(dossierId) },
    );
  const bound = JSON.parse(repo.boundJson(v.id) ?? '{}') as BoundDossier;
  const caseId = d.scope === 'case' ? d.caseId : null;
  return {
    scope: d.scope,
    caseId,
    caseNo: caseId === null ? null : (new CaseRepo(archive.db).row(caseId)?.caseNo ?? null),
    dossierId,
    status: 'sealed',
    version: versionInfo(v),
    versions: versions.map(versionInfo),
    profile: bound.profile,
    bound,
    pages: pageModel(bound),
    blockers: [],
    canSeal: false,
    manualOrder: parseManualOrder(v.manualOrder),
  };
}

/** The case as it will be bound now: its own draft (order, acknowledgements) on the chosen profile. */
export function liveCaseView(archive: Archive, opts: DossierOptions, caseId: number, profileId: string | undefined, user: UserInfo | null): DossierView {
  const repo = new DossierRepo(archive.db);
  const d = repo.byCase(caseId);
  const versions = d ? repo.versions(d.id) : [];
  const latest = versions[versions.length - 1];
  const draft = latest?.status === 'draft' ? latest : undefined;
  const profile = bindProfile(archive, opts, profileId ?? draft?.profileId);
  const manual = parseManualOrder(draft?.manualOrder);
  const input = caseInput(archive, opts, caseId, manual, draft ? repo.acks(draft.id) : []);
  const issued = d ? new DossierSerialRepo(archive.db).ofDossier(d.id) : undefined;
  const codes = archiveCodeSettings(archive, profile, {});
  const bound = bindCase(profile, input, {
    preparer: user?.displayName ?? null,
    today: today(archive),
    checker: null,
    archiveNo: issued?.archiveNo ?? null,
    archiveCode: issued ? { ...codes, fileNo: null, year: issued.year, serial: issued.serial } : null,
  });
  const blockers = sealBlockers(bound);
  return {
    scope: 'case',
    caseId,
    caseNo: input.case.caseNo,
    dossierId: d?.id ?? null,
    status: draft ? 'draft' : 'unbound',
    version: draft ? versionInfo(draft) : null,
    versions: versions.map(versionInfo),
    profile: bound.profile,
    bound,
    pages: pageModel(bound),
    blockers,
    canSeal: blockers.length === 0,
    manualOrder: manual,
  };
}

/** A case's dossier: as sealed when the case is sealed (alone or in a 简易 batch), else live. */
export function caseView(archive: Archive, opts: DossierOptions, caseId: number, profileId: string | undefined, user: UserInfo | null): DossierView {
  const sealedIn = new DossierRepo(archive.db).sealedDossierOfCase(caseId);
  if (sealedIn !== undefined) {
    const v = sealedView(archive, sealedIn);
    return { ...v, caseId, caseNo: v.caseNo ?? caseNoOf(v, caseId) };
  }
  return liveCaseView(archive, opts, caseId, profileId, user);
}

function caseNoOf(v: DossierView, caseId: number): string | null {
  for (const vol of v.bound.volumes) for (const e of vol.entries) if (e.caseId === caseId) return e.caseNo;
  return null;
}

/**
 * A dossier as asked for: a case's (live while unsealed), or a dossier's version — its open draft
 * bound live, a sealed version as it was sealed.
 */
export function getDossier(
  archive: Archive,
  opts: DossierOptions,
  key: { caseId: number } | { dossierId: number; versionNo?: number | undefined },
  user: UserInfo | null,
): DossierView {
  if ('caseId' in key) return caseView(archive, opts, key.caseId, undefined, user);
  const repo = new DossierRepo(archive.db);
  const d = repo.byId(key.dossierId);
  if (!d) throw dossierNotFound(key.dossierId);
  const latest = repo.latest(d.id);
  if (key.versionNo === undefined && latest?.status === 'draft' && d.caseId !== null) return liveCaseView(archive, opts, d.caseId, undefined, user);
  return sealedView(archive, d.id, key.versionNo);
}

/** The 卷宗 list: one line per sealed dossier. */
export function sealedSummaries(archive: Archive): ReturnType<DossierRepo['sealedSummaries']> {
  return new DossierRepo(archive.db).sealedSummaries();
}
