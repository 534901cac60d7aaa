import type { ClipDetail, ClipOfficerRef, ClipSummary, FieldConflictInfo, FieldSource } from '../api/types-footage.js';
import type { Db } from '../storage/db.js';
import { DeviceRepo } from '../storage/repos/device-repo.js';
import { FixityRepo } from '../storage/repos/footage-fixity-repo.js';
import { FootageLinkRepo } from '../storage/repos/footage-link-repo.js';
import { FootageRepo, type ClipRow } from '../storage/repos/footage-repo.js';
import type { FootageProfile } from './footage-profile.js';
import { retentionOf } from './retention.js';

export interface ViewContext {
  db: Db;
  checklist: FootageProfile;
  /** Today in the archive's zone, `YYYY-MM-DD`. */
  today: string;
}

/** The read model of a clip: its links, who held the camera (per the register) and its retention. */
export function clipSummary(v: ViewContext, c: ClipRow): ClipSummary {
  const links = new FootageLinkRepo(v.db).forClip(c.id, true);
  const cases = links.filter((l) => l.caseId !== null).map((l) => ({ linkId: l.id, caseId: l.caseId!, caseNo: l.caseNo!, activity: l.activity }));
  const officers: ClipOfficerRef[] = links
    .filter((l) => l.officerCertNo !== null)
    .map((l) => ({ certNo: l.officerCertNo!, name: l.officerName!, via: 'link', linkId: l.id }));
  const holder = c.deviceSerial && c.startUtc ? new DeviceRepo(v.db).holderAt(c.deviceSerial, c.startUtc) : undefined;
  if (holder && !officers.some((o) => o.certNo === holder.certNo))
    officers.push({ certNo: holder.certNo, name: holder.officerName, via: 'register', linkId: null });
  const activities = [...new Set(links.map((l) => l.activity).filter((a): a is string => a !== null))];
  return {
    id: c.id,
    kind: c.kind,
    mediaType: c.mediaType,
    originalName: c.originalName,
    size: c.size,
    sha256: c.sha256,
    sm3: c.sm3,
    deviceSerial: c.deviceSerial,
    userNo: c.userNo,
    unitCode: c.unitCode,
    important: c.important === 1,
    start: c.startLocal,
    end: c.endLocal,
    durationSec: c.durationSec,
    timezone: c.timezone,
    width: c.width,
    height: c.height,
    videoCodec: c.videoCodec,
    audioCodec: c.audioCodec,
    hasThumb: c.thumbSha256 !== null,
    hasSheet: c.sheetSha256 !== null,
    derivedState: c.derivedState,
    cases,
    officers,
    activities,
    retention: retentionOf({ evidence: cases.length > 0, startLocal: c.startLocal, ingestedAt: c.ingestedAt, rules: v.checklist.retention, today: v.today }),
    disposed: c.disposalId !== null,
    ingestedAt: c.ingestedAt,
  };
}

export function clipDetail(v: ViewContext, c: ClipRow): ClipDetail {
  const fs = JSON.parse(c.fieldSources) as { sources: Partial<Record<string, FieldSource>>; conflicts: FieldConflictInfo[] };
  const holder = c.deviceSerial && c.startUtc ? new DeviceRepo(v.db).holderAt(c.deviceSerial, c.startUtc) : undefined;
  return {
    ...clipSummary(v, c),
    namePattern: c.namePattern,
    fileSeq: c.fileSeq,
    fieldSources: fs.sources,
    conflicts: fs.conflicts,
    container: c.container,
    frameRate: c.frameRate,
    creationTime: c.creationTime,
    fileMtime: c.fileMtime,
    probe: c.probe ? (JSON.parse(c.probe) as Record<string, unknown>) : null,
    sources: new FootageRepo(v.db).sources(c.id),
    links: new FootageLinkRepo(v.db).forClip(c.id, false).map((l) => ({
      id: l.id,
      caseId: l.caseId,
      caseNo: l.caseNo,
      officer: l.officerCertNo ? { certNo: l.officerCertNo, name: l.officerName ?? '' } : null,
      activity: l.activity,
      linkedAt: l.linkedAt,
      linkedBy: l.linkedBy,
      removedAt: l.removedAt,
      removedBy: l.removedBy,
      removedReason: l.removedReason,
    })),
    holder: holder ? { certNo: holder.certNo, name: holder.officerName, from: holder.fromLocal, to: holder.toLocal } : null,
    lastFixity: new FixityRepo(v.db).lastResult(c.sha256) ?? null,
  };
}
