import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import type { Role } from '../domain/roles.js';
import { RetrievalGrantRepo } from '../storage/repos/retrieval-grant-repo.js';
import { RetrievalRefusalRepo } from '../storage/repos/retrieval-refusal-repo.js';
import { zoned } from '../footage/local-time.js';
import { archiveZone } from './times.js';

export type AccessNeed = 'view' | 'copy';

export interface AccessDecision {
  allowed: true;
  /** null: 实时调阅 by role (supervisor, admin). */
  grantId: number | null;
  until: string | null;
}

/** 领导 and 管理员 may watch (and copy) any clip at once — still logged. */
export const LIVE_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** Whether the user's role watches any clip without a grant (实时调阅). */
export function watchesLive(user: UserInfo): boolean {
  return LIVE_ROLES.includes(user.role);
}

/** The clip's original name, or a not_found error naming the id. */
export function clipNameOf(archive: Archive, clipId: number): string {
  const c = archive.db.prepare('SELECT original_name AS name FROM clips WHERE id = ?').get(clipId) as { name: string } | undefined;
  if (!c) throw new AppError('not_found', `clip ${clipId} does not exist`, `音像记录 ${clipId} 不存在`, { item: String(clipId) });
  return c.name;
}

/** An instant as `2027-01-01 00:00` on the archive's clock (Asia/Shanghai unless it says otherwise), for messages. */
export function localMinute(archive: Archive, iso: string): string {
  return zoned(new Date(iso), archiveZone(archive)).local.slice(0, 16).replace('T', ' ');
}

/** Why the user has no usable grant for the clip, in English and Chinese. */
function whyRefused(archive: Archive, user: UserInfo, clipId: number, need: AccessNeed, now: string): { en: string; zh: string } {
  const grants = new RetrievalGrantRepo(archive.db).anyCovering(user.id, clipId);
  if (grants.some((g) => g.revokedAt === null && g.until > now && !g.allowCopy) && need === 'copy')
    return { en: 'the grant allows watching but not copying', zh: '调阅授权只允许观看，不允许复制' };
  const revoked = grants.find((g) => g.revokedAt !== null);
  if (revoked && !grants.some((g) => g.revokedAt === null && g.until > now))
    return { en: `grant ${revoked.id} was revoked (${revoked.revokeReason ?? ''})`, zh: `调阅授权 ${revoked.id} 已被撤销（${revoked.revokeReason ?? ''}）` };
  const expired = grants.find((g) => g.revokedAt === null && g.until <= now);
  if (expired) {
    const at = localMinute(archive, expired.until);
    return { en: `grant ${expired.id} expired at ${at} (${archiveZone(archive)})`, zh: `调阅授权 ${expired.id} 已于 ${at} 到期` };
  }
  return { en: 'no grant covers this clip', zh: '没有覆盖该音像记录的调阅授权' };
}

/**
 * Decides whether `user` may view (or copy) the clip at `now`. 领导/管理员: always (grantId null).
 * Everyone else: an active grant (not revoked, not expired, allowing copy when copying) that covers the
 * clip by case link, clip id or recorded time. A refusal is recorded (retrieval_refusals + audit
 * 'retrieval.refused') in its own transaction — call this outside any other transaction — and thrown
 * as AppError('forbidden').
 */
export function assertClipAccess(archive: Archive, user: UserInfo, clipId: number, need: AccessNeed, now: Date): AccessDecision {
  const name = clipNameOf(archive, clipId);
  if (watchesLive(user)) return { allowed: true, grantId: null, until: null };
  const at = now.toISOString();
  const g = new RetrievalGrantRepo(archive.db).activeCovering(user.id, clipId, at, need === 'copy');
  if (g) return { allowed: true, grantId: g.id, until: g.until };
  const why = whyRefused(archive, user, clipId, need, at);
  const refusalId = change(archive, user, () => {
    const id = new RetrievalRefusalRepo(archive.db).insert(user.id, clipId, need, at, `${why.zh}（${why.en}）`);
    return {
      value: id,
      audit: [{ action: 'retrieval.refused', targetType: 'clip', targetId: clipId, detail: { need, why: why.en, refusalId: id, clip: name } }],
    };
  });
  const verb = need === 'copy' ? { en: 'copy', zh: '复制' } : { en: 'view', zh: '调阅' };
  throw new AppError(
    'forbidden',
    `not allowed to ${verb.en} clip ${clipId} (${name}): ${why.en}; file a retrieval request first`,
    `无权${verb.zh}该音像记录：${name}（${why.zh}，请先提交调阅申请）`,
    { item: name, details: { clipId, refusalId } },
  );
}
