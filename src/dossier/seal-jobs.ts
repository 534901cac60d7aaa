import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import { bindBatch } from '../binding/batch.js';
import { bindCase } from '../binding/bind.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import { DossierSerialRepo } from '../storage/repos/dossier-serial-repo.js';
import type { Archive } from '../archive/archive.js';
import { archiveCodeSettings, bindProfile, caseInput, type DossierOptions, parseManualOrder } from './bind-input.js';
import type { SealJob } from './seal-version.js';
import { dossierNotFound } from './dossier-view.js';
import { draftOf } from './draft-version.js';

/** What to seal: a case's draft (first sealing or a correction), or a corrected 简易 batch dossier. */
interface SealOptions {
  profileId?: string | undefined;
  checker?: string | null | undefined;
  fondsNo?: string | undefined;
  catalogNo?: string | undefined;
}

/** The profile a correction keeps unless told otherwise: the one the last sealed version used. */
function lastProfileId(repo: DossierRepo, dossierId: number): string | null {
  return [...repo.versions(dossierId)].reverse().find((v) => v.status === 'sealed')?.profileId ?? null;
}

export function caseSealJob(archive: Archive, opts: DossierOptions, user: UserInfo, caseId: number, o: SealOptions): SealJob {
  const repo = new DossierRepo(archive.db);
  const v = draftOf(archive, caseId, user);
  const profile = bindProfile(archive, opts, o.profileId ?? lastProfileId(repo, v.dossierId));
  const input = caseInput(archive, opts, caseId, parseManualOrder(v.manualOrder), repo.acks(v.id));
  return {
    dossierId: v.dossierId,
    versionId: v.id,
    subject: `case:${input.case.caseNo}`,
    label: input.case.caseNo,
    caseIds: [caseId],
    datesFrom: input.case,
    profile,
    checker: o.checker ?? null,
    codes: archiveCodeSettings(archive, profile, o),
    bind: (ctx) => bindCase(profile, input, ctx),
  };
}

export function dossierSealJob(archive: Archive, opts: DossierOptions, dossierId: number, o: SealOptions): SealJob {
  const repo = new DossierRepo(archive.db);
  const d = repo.byId(dossierId);
  if (!d) throw dossierNotFound(dossierId);
  const v = repo.latest(dossierId);
  if (!v || v.status !== 'draft') {
    throw new AppError('duplicate', `dossier ${dossierId} has no open draft or correction to seal`, `案卷 ${dossierId} 没有待归档的草稿或更正`, {
      item: String(dossierId),
    });
  }
  const profile = bindProfile(archive, opts, o.profileId ?? lastProfileId(repo, dossierId));
  const acks = repo.acks(v.id);
  const members = d.scope === 'case' ? [d.caseId!] : repo.caseIds(v.id);
  const inputs = members.map((id) => caseInput(archive, opts, id, d.scope === 'case' ? parseManualOrder(v.manualOrder) : null, acks));
  const issued = new DossierSerialRepo(archive.db).ofDossier(dossierId);
  const first = inputs[0];
  if (!first) throw dossierNotFound(dossierId);
  const last = inputs[inputs.length - 1]!;
  return {
    dossierId,
    versionId: v.id,
    subject: issued?.subject ?? (d.scope === 'case' ? `case:${first.case.caseNo}` : `batch:${first.case.caseNo}…${last.case.caseNo}(${inputs.length})`),
    label: d.scope === 'case' ? first.case.caseNo : d.title,
    caseIds: members,
    datesFrom: d.scope === 'case' ? first.case : { dates: { closed: last.case.dates.closed } },
    profile,
    checker: o.checker ?? null,
    codes: archiveCodeSettings(archive, profile, o),
    bind: (ctx) => (d.scope === 'case' ? bindCase(profile, first, ctx) : bindBatch(profile, inputs, ctx, d.title)),
  };
}
