import type { OpOutput, OpParsedInput } from '../api/contract.js';
import type { Archive } from '../archive/archive.js';
import { FootageRepo } from '../storage/repos/footage-repo.js';
import { clipDetail, clipSummary } from './clip-view.js';
import { activityName, caseIdOf, clipOrNotFound, footageView, utcBound } from './footage-lookups.js';
import type { FootageServices } from './services.js';

/** 音像资料 list: by case, officer, device, time span (camera zone), activity, unlinked or kind; paged. */
export function listClips(archive: Archive, footage: FootageServices, q: OpParsedInput<'footage.list'>): OpOutput<'footage.list'> {
  const caseId = caseIdOf(archive, q);
  const tz = footage.timezone();
  const r = new FootageRepo(archive.db).list(
    {
      ...(caseId !== null ? { caseId } : {}),
      ...(q.certNo !== undefined ? { officerCertNo: q.certNo } : {}),
      ...(q.deviceSerial !== undefined ? { deviceSerial: q.deviceSerial } : {}),
      ...(q.from !== undefined ? { fromUtc: utcBound(tz, q.from, 'from', false) } : {}),
      ...(q.to !== undefined ? { toUtc: utcBound(tz, q.to, 'to', true) } : {}),
      ...(q.activity !== undefined ? { activity: activityName(footage.checklist, q.activity)! } : {}),
      ...(q.unlinked ? { unlinked: true } : {}),
      ...(q.kind !== undefined ? { kind: q.kind } : {}),
    },
    q.limit,
    q.offset,
  );
  const v = footageView(archive, footage);
  return { total: r.total, items: r.rows.map((c) => clipSummary(v, c)) };
}

/** One clip with its links, derivatives and retention. */
export function getClip(archive: Archive, footage: FootageServices, id: number): OpOutput<'footage.get'> {
  return clipDetail(footageView(archive, footage), clipOrNotFound(archive, id));
}

/** Unlinked clips whose retention has run out by `asOf` (default: today in the camera zone). */
export function retentionDue(archive: Archive, footage: FootageServices, asOf: string | undefined): OpOutput<'footage.retentionDue'> {
  const v = footageView(archive, footage);
  const today = asOf ?? v.today;
  const { rows } = new FootageRepo(archive.db).list({ unlinked: true }, 100_000, 0);
  return rows.map((c) => clipSummary({ ...v, today }, c)).filter((c) => c.retention.due);
}

/** Makes the derivatives (thumbnail, contact sheet) still missing, and says how many remain. */
export async function derivePending(archive: Archive, footage: FootageServices): Promise<OpOutput<'footage.derive'>> {
  footage.derive.enqueuePending();
  const r = await footage.derive.idle();
  return { ...r, pending: new FootageRepo(archive.db).pendingDerived().length };
}
