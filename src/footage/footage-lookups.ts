import { AppError } from '../api/errors.js';
import type { Archive } from '../archive/archive.js';
import { caseNotFound } from '../cases/case-detail.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { FootageLinkRepo } from '../storage/repos/footage-link-repo.js';
import { type ClipRow, FootageRepo } from '../storage/repos/footage-repo.js';
import type { ViewContext } from './clip-view.js';
import { findActivity, type FootageProfile } from './footage-profile.js';
import { parseDateTime, zoned } from './local-time.js';
import type { FootageServices } from './services.js';

// Turns the user's words for a clip, a case, an officer, an activity or a time into catalogue values.

/** An officer as a link names one. */
export type OfficerRef = NonNullable<ReturnType<FootageLinkRepo['officerByCertNo']>>;

/** A clip by id, or a not_found error naming it. */
export function clipOrNotFound(archive: Archive, id: number): ClipRow {
  const c = new FootageRepo(archive.db).byId(id);
  if (!c) throw new AppError('not_found', `clip ${id} not found`, `音像资料 ${id} 不存在`, { item: String(id) });
  return c;
}

/** The case an input names by id or by 案号; null when it names none. */
export function caseIdOf(archive: Archive, i: { caseId?: number | undefined; caseNo?: string | undefined }): number | null {
  const cases = new CaseRepo(archive.db);
  if (i.caseId !== undefined) {
    if (!cases.row(i.caseId)) throw caseNotFound(i.caseId);
    return i.caseId;
  }
  if (i.caseNo === undefined) return null;
  const id = cases.idByCaseNo(i.caseNo);
  if (id === undefined) throw caseNotFound(i.caseNo);
  return id;
}

/** The officer with this 执法证号; null when none is given. */
export function officerOf(archive: Archive, certNo: string | undefined): OfficerRef | null {
  if (certNo === undefined) return null;
  const o = new FootageLinkRepo(archive.db).officerByCertNo(certNo);
  if (!o) throw new AppError('not_found', `no officer with 执法证号 ${certNo}`, `执法证号 ${certNo} 对应的执法人员不存在`, { item: certNo });
  return o;
}

/** An activity by code or name becomes its name in the checklist; other names are kept as typed. */
export function activityName(checklist: FootageProfile, a: string | undefined): string | null {
  return a === undefined ? null : (findActivity(checklist, a)?.name ?? a);
}

/** A date or date-time in the camera zone as a UTC bound; a bare date as an upper bound means the end of that day. */
export function utcBound(timezone: string, s: string, what: string, endOfDay: boolean): string {
  const d = parseDateTime(s, timezone);
  if (!d) throw new AppError('invalid_input', `${what}: ${s} is not a date`, `${what}：${s} 不是有效日期`, { item: what });
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s.trim());
  return zoned(endOfDay && dateOnly ? new Date(d.getTime() + 86_400_000) : d, 'UTC').utc;
}

/** What clip views need: the catalogue, the checklist and today's date in the camera zone. */
export function footageView(archive: Archive, footage: FootageServices): ViewContext {
  return { db: archive.db, checklist: footage.checklist, today: zoned(archive.clock.now(), footage.timezone()).local.slice(0, 10) };
}

/** Today's date (`YYYY-MM-DD`) in the camera zone: the day retention is counted to. */
export function footageToday(archive: Archive, footage: FootageServices): string {
  return footageView(archive, footage).today;
}
