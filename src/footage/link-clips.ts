import type { OpOutput, OpParsedInput } from '../api/contract.js';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import { txFor } from '../archive/audited-change.js';
import { assertCaseOpen } from '../cases/sealed-guard.js';
import { FootageLinkRepo } from '../storage/repos/footage-link-repo.js';
import { clipSummary } from './clip-view.js';
import type { FootageDeps } from './footage-deps.js';
import { activityName, caseIdOf, clipOrNotFound, footageView, officerOf } from './footage-lookups.js';

/** 关联: clips to a case, an officer and/or an activity; one audit entry per clip. */
export function linkClips(d: FootageDeps, user: UserInfo, input: OpParsedInput<'footage.link'>): OpOutput<'footage.link'> {
  const { archive, footage } = d;
  const links = new FootageLinkRepo(archive.db);
  const caseId = caseIdOf(archive, input);
  // A sealed dossier holds the clips its case had when sealed (triggers of 0004 enforce it too).
  if (caseId !== null) assertCaseOpen(archive, caseId, input.caseNo);
  const officer = officerOf(archive, input.certNo);
  const activity = activityName(footage.checklist, input.activity);
  for (const id of input.clipIds) clipOrNotFound(archive, id);
  txFor(
    archive,
    user,
  )(() => {
    const t = archive.clock.now().toISOString();
    // One audit entry per clip, so each clip's history (and an export's metadata.xml) finds it by its id.
    const audit = input.clipIds.map((clipId) => {
      const made: number[] = [];
      const add = (c: number | null, o: number | null, a: string | null) => {
        const id = links.link({ clipId, caseId: c, officerId: o, activity: a, by: user.id, now: t });
        if (id !== null) made.push(id);
      };
      if (caseId !== null) add(caseId, null, activity);
      else if (activity !== null) add(null, null, activity);
      if (officer) add(null, officer.id, null);
      return {
        action: 'footage.link',
        targetType: 'clip',
        targetId: clipId,
        after: { caseId, certNo: input.certNo ?? null, activity },
        detail: { links: made, clips: input.clipIds },
      };
    });
    return { value: null, audit };
  });
  if (caseId !== null) d.bus.emit({ type: 'case.changed', caseId });
  const v = footageView(archive, footage);
  return input.clipIds.map((id) => clipSummary(v, clipOrNotFound(archive, id)));
}

/** 解除关联: closes one link (it stays in the history with its reason). */
export function unlinkClip(d: FootageDeps, user: UserInfo, linkId: number, reason: string): OpOutput<'footage.unlink'> {
  const { archive } = d;
  const links = new FootageLinkRepo(archive.db);
  const l = links.byId(linkId);
  if (!l || l.removedAt !== null)
    throw new AppError('not_found', `link ${linkId} not found (or already removed)`, `关联 ${linkId} 不存在（或已解除）`, { item: String(linkId) });
  if (l.caseId !== null) assertCaseOpen(archive, l.caseId, l.caseNo ?? undefined);
  txFor(
    archive,
    user,
  )(() => {
    links.close(linkId, user.id, reason, archive.clock.now().toISOString());
    return {
      value: null,
      audit: [
        {
          action: 'footage.unlink',
          targetType: 'clip',
          targetId: l.clipId,
          before: { linkId, caseNo: l.caseNo, certNo: l.officerCertNo, activity: l.activity },
          detail: { reason },
        },
      ],
    };
  });
  if (l.caseId !== null) d.bus.emit({ type: 'case.changed', caseId: l.caseId });
  return clipSummary(footageView(archive, d.footage), clipOrNotFound(archive, l.clipId));
}
