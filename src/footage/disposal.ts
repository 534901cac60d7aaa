import { unlink } from 'node:fs/promises';
import { AppError } from '../api/errors.js';
import type { DisposalInfo } from '../api/types-footage.js';
import type { Archive } from '../archive/archive.js';
import { type DisposalRow, FootageDisposalRepo } from '../storage/repos/footage-disposal-repo.js';
import { FootageLinkRepo } from '../storage/repos/footage-link-repo.js';
import { FootageRepo } from '../storage/repos/footage-repo.js';
import type { Tx } from '../archive/audited-change.js';
import type { FootageProfile } from './footage-profile.js';
import { retentionOf } from './retention.js';

/**
 * Disposal of ordinary footage past its retention: an archivist requests it with a reason, someone
 * else (领导 or admin) approves or rejects it, once. Approval removes the stored files; the clip row,
 * its digests, sources and links stay as the record of what existed and who decided. Evidence
 * (linked to a case) is refused.
 */
export function requestDisposal(
  a: Archive,
  tx: Tx,
  clipId: number,
  reason: string,
  userId: number,
  rules: FootageProfile['retention'],
  today: string,
): DisposalInfo {
  const clips = new FootageRepo(a.db);
  const disposals = new FootageDisposalRepo(a.db);
  const id = tx(() => {
    const c = clips.byId(clipId);
    if (!c) throw new AppError('not_found', `clip ${clipId} not found`, `音像资料 ${clipId} 不存在`, { item: String(clipId) });
    if (c.disposalId !== null) throw new AppError('duplicate', `${c.originalName}: already disposed`, `${c.originalName}：已处置`, { item: c.originalName });
    refuseKept(a, c, rules, today);
    if (disposals.openFor(clipId))
      throw new AppError('duplicate', `${c.originalName}: a disposal request is already open`, `${c.originalName}：已有待审批的处置申请`, {
        item: c.originalName,
      });
    const newId = disposals.request(clipId, reason, userId, a.clock.now().toISOString());
    return {
      value: newId,
      audit: [
        {
          action: 'footage.disposal.request',
          targetType: 'clip',
          targetId: clipId,
          detail: { disposalId: newId, reason, name: c.originalName, sha256: c.sha256 },
        },
      ],
    };
  });
  return withClipName(a, disposals.byId(id)!, userId);
}

/** Disposal records, newest first, each with its clip's original name. */
/** The disposal requests (of one clip, or all), as `viewerId` sees them (whether each is their own). */
export function disposalList(a: Archive, viewerId: number, clipId?: number): DisposalInfo[] {
  return new FootageDisposalRepo(a.db).list(clipId).map((d) => withClipName(a, d, viewerId));
}

function withClipName(a: Archive, d: DisposalRow, viewerId: number): DisposalInfo {
  const { requestedById, ...rest } = d;
  return { ...rest, clipName: new FootageRepo(a.db).byId(d.clipId)?.originalName ?? String(d.clipId), requestedByYou: requestedById === viewerId };
}

export async function decideDisposal(
  a: Archive,
  tx: Tx,
  disposalId: number,
  approve: boolean,
  note: string | null,
  userId: number,
  rules: FootageProfile['retention'],
  today: string,
): Promise<DisposalInfo> {
  const clips = new FootageRepo(a.db);
  const disposals = new FootageDisposalRepo(a.db);
  const toRemove = tx(() => {
    const d = disposals.byId(disposalId);
    if (!d) throw new AppError('not_found', `disposal ${disposalId} not found`, `处置申请 ${disposalId} 不存在`, { item: String(disposalId) });
    if (d.state !== 'requested')
      throw new AppError('duplicate', `disposal ${disposalId} was already decided`, `处置申请 ${disposalId} 已审批`, { item: String(disposalId) });
    if (d.requestedById === userId)
      throw new AppError('forbidden', 'the person who requested a disposal cannot approve it', '处置申请人不能审批自己的申请', { item: String(disposalId) });
    const c = clips.byId(d.clipId)!;
    if (approve) refuseKept(a, c, rules, today);
    disposals.decide(disposalId, approve, userId, note, a.clock.now().toISOString());
    if (approve) clips.setDisposal(c.id, disposalId);
    return {
      value: approve ? [c.sha256, c.thumbSha256, c.sheetSha256].filter((s): s is string => s !== null && !disposals.referencedElsewhere(s, c.id)) : [],
      audit: [
        {
          action: approve ? 'footage.disposal.approve' : 'footage.disposal.reject',
          targetType: 'clip',
          targetId: c.id,
          before: approve ? { sha256: c.sha256, sm3: c.sm3, size: c.size, name: c.originalName } : undefined,
          detail: { disposalId, note, name: c.originalName },
        },
      ],
    };
  });
  for (const sha of toRemove) await unlink(a.store.pathOf(sha)).catch(() => undefined);
  return withClipName(a, disposals.byId(disposalId)!, userId);
}

function refuseKept(
  a: Archive,
  c: { id: number; originalName: string; startLocal: string | null; ingestedAt: string },
  rules: FootageProfile['retention'],
  today: string,
): void {
  const evidence = new FootageLinkRepo(a.db).hasCaseLink(c.id);
  const r = retentionOf({ evidence, startLocal: c.startLocal, ingestedAt: c.ingestedAt, rules, today });
  if (evidence)
    throw new AppError('forbidden', `${c.originalName}: linked to a case, kept as evidence`, `${c.originalName}：已关联案件，作为证据保存，不能处置`, {
      item: c.originalName,
    });
  if (!r.due)
    throw new AppError('forbidden', `${c.originalName}: must be kept until ${r.keepUntil}`, `${c.originalName}：保存期未满（至 ${r.keepUntil}）`, {
      item: c.originalName,
    });
}
