import { createHash } from 'node:crypto';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { BindingProfile } from '../domain/profile-binding.js';
import { archiveYears, composeArchiveCode, formatArchiveNo } from '../binding/archive-number.js';
import { sealBlockers } from '../binding/bind.js';
import type { BindCase, BindContext, BoundDossier } from '../binding/types.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import { DossierSerialRepo } from '../storage/repos/dossier-serial-repo.js';
import { DossierVolumeRepo } from '../storage/repos/dossier-volume-repo.js';
import type { Archive } from '../archive/archive.js';
import { checkLedger, ledgerFile, type LedgerLine } from './seal-ledger.js';
import { today } from './bind-input.js';
import { archivingChecks, requireArchivingChecks } from '../fourness/dossier-checks.js';

/**
 * Sealing (归档) inside the caller's write transaction: re-bind, refuse while errors or unacknowledged
 * warnings remain, take the dossier's 归档号 (a new gap-free serial, or the one a corrected dossier
 * already holds), compose the 档号, write volumes and 目录 entries, and flip the draft to sealed —
 * after which triggers freeze it and its cases. Anything thrown rolls the whole seal back.
 */
export interface SealJob {
  dossierId: number;
  versionId: number;
  /** Who the number is issued to, for the ledger: `case:<案号>` or `batch:<first>…<last>(n)`. */
  subject: string;
  /** What the error messages call it (案号 or batch title). */
  label: string;
  caseIds: number[];
  datesFrom: Pick<BindCase, 'dates'>;
  profile: BindingProfile;
  checker: string | null;
  codes: { fondsNo: string | null; catalogNo: string | null };
  bind(ctx: BindContext): BoundDossier;
}

export interface Sealed {
  bound: BoundDossier;
  archiveNo: string;
  archiveCode: string | null;
  sha256: string;
  ledger: LedgerLine | null;
}

export function alreadySealed(label: string): AppError {
  return new AppError(
    'duplicate',
    `${label} is already sealed; open a correction (dossier.correct) to change it`,
    `${label} 已归档封存；如需修改请先提出更正`,
    { item: label },
  );
}

export function sealInTx(archive: Archive, user: UserInfo, job: SealJob): Sealed {
  const b = job.profile.binding;
  const repo = new DossierRepo(archive.db);
  const serials = new DossierSerialRepo(archive.db);
  const day = today(archive);
  const base: BindContext = { preparer: user.displayName, today: day, checker: job.checker, archiveNo: null, archiveCode: null };

  const blockers = sealBlockers(job.bind(base));
  if (blockers.length > 0) {
    const first = blockers[0]!;
    throw new AppError(
      'invalid_input',
      `cannot seal ${job.label}: ${blockers.length} problem(s) remain — ${first.message}${first.severity === 'warning' ? ' (acknowledge it with a reason)' : ''}`,
      `${job.label} 不能归档：尚有 ${blockers.length} 个问题 — ${first.messageZh}${first.severity === 'warning' ? '（请说明原因后确认）' : ''}`,
      { item: job.label, details: blockers },
    );
  }
  if (b.beikao.checkerRequired && !job.checker) {
    throw new AppError(
      'invalid_input',
      `cannot seal ${job.label}: the 检查人 (checker) is required by the profile`,
      `${job.label} 不能归档：立卷规范要求填写检查人`,
      { item: 'checker' },
    );
  }

  let issued = serials.ofDossier(job.dossierId);
  let ledger: LedgerLine | null = null;
  if (!issued) {
    const years = archiveYears(b, job.datesFrom, day);
    const serial = serials.allocate(years.serialYear);
    const archiveNo = formatArchiveNo(b, years.prefixYear, serial);
    checkLedger(ledgerFile(archive.layout), archiveNo, job.subject);
    const clash = serials.byArchiveNo(archiveNo);
    if (clash) {
      throw new AppError(
        'duplicate',
        `归档号 ${archiveNo} is already held by ${clash.subject} (the profile's year rule gives two serial years the same printed year)`,
        `归档号 ${archiveNo} 已被 ${clash.subject} 使用（立卷规范的年度规则使两个年度的流水号印出相同的号码）`,
        { item: archiveNo },
      );
    }
    issued = { year: years.serialYear, serial, archiveNo, dossierId: job.dossierId, subject: job.subject, issuedAt: archive.clock.now().toISOString() };
    serials.issue(issued);
    ledger = { archiveNo, year: issued.year, serial, subject: job.subject, at: issued.issuedAt };
  }

  const parts = { ...job.codes, fileNo: null, year: issued.year, serial: issued.serial };
  const bound = job.bind({ ...base, archiveNo: issued.archiveNo, archiveCode: parts });
  const archiveCode = composeArchiveCode(b, parts, { retentionCode: bound.retention.code, archiveNo: issued.archiveNo }, { index: 1, count: 1 });
  // 归档环节 四性检测: a failure throws and rolls the whole seal back (the serial too).
  requireArchivingChecks(job.label, archivingChecks(archive, bound, { archiveNo: issued.archiveNo, archiveCode }, job.profile));
  const now = archive.clock.now().toISOString();

  repo.setCases(job.versionId, job.caseIds);
  repo.replaceDeviations(job.versionId, bound.deviations, user.id, now);
  writeVolumes(archive, job.versionId, bound);
  const json = JSON.stringify(bound);
  const sha256 = createHash('sha256').update(json).digest('hex');
  repo.seal(job.versionId, {
    profileId: job.profile.id,
    profileVersion: job.profile.version,
    profileJson: JSON.stringify(job.profile),
    archiveYear: issued.year,
    archiveSerial: issued.serial,
    archiveNo: issued.archiveNo,
    archiveCode,
    fondsNo: job.codes.fondsNo,
    catalogNo: job.codes.catalogNo,
    retention: bound.retention.code,
    appraisalDue: bound.retention.appraisalDue,
    checker: job.checker,
    sealedAt: now,
    sealedBy: user.id,
    boundJson: json,
    boundSha256: sha256,
  });
  return { bound, archiveNo: issued.archiveNo, archiveCode, sha256, ledger };
}

function writeVolumes(archive: Archive, versionId: number, bound: BoundDossier): void {
  const vols = new DossierVolumeRepo(archive.db);
  for (const v of bound.volumes) {
    const volumeId = vols.insertVolume(versionId, {
      seq: v.index,
      part: v.part,
      partIndex: v.partIndex,
      label: v.label,
      archiveCode: v.archiveCode,
      pageCount: v.pageCount,
      entryCount: v.entries.length,
    });
    v.entries.forEach((e, i) => {
      e.parts.forEach((p, j) => {
        vols.insertEntry(volumeId, {
          rowSeq: e.seq,
          partSeq: j + 1,
          caseId: e.caseId,
          documentId: p.documentId,
          avId: p.type === 'av' ? (p.av?.id ?? `av-${e.seq}`) : null,
          kind: p.type === 'av' ? 'AV' : p.kind,
          title: p.title,
          docNo: p.docNo,
          responsible: p.responsible,
          date: p.date,
          pageStart: p.start,
          pageEnd: p.end,
          pagesLabel: v.toc.rows[i]?.pages ?? '',
          note: e.note,
          pagesJson: JSON.stringify(p.pages),
        });
      });
    });
  }
}
