import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { RefusalInfo, RetrievalLogResult, ViewSessionInfo } from '../api/types-retrieval.js';
import type { Archive } from '../archive/archive.js';
import { RetrievalRefusalRepo } from '../storage/repos/retrieval-refusal-repo.js';
import { RetrievalViewRepo } from '../storage/repos/retrieval-view-repo.js';
import { UserRepo } from '../storage/repos/user-repo.js';
import { closeStaleViews } from './stale-views.js';
import { instantOf } from './times.js';

export interface LogFilter {
  clipId?: number;
  userId?: number;
  /** Login name, as the CLI takes it. */
  username?: string;
  /** A date or date-time (archive zone when without offset); `to` as a date includes that day. */
  from?: string;
  to?: string;
}

/** Who may read everyone's 调阅记录: the records room and its supervisors. Others see their own. */
export function readsAllViews(user: UserInfo): boolean {
  return user.role === 'admin' || user.role === 'supervisor' || user.role === 'archivist';
}

export interface ResolvedFilter {
  clipId?: number;
  userId?: number;
  from?: string;
  to?: string;
}

export function resolveFilter(archive: Archive, user: UserInfo, f: LogFilter): ResolvedFilter {
  const out: ResolvedFilter = {};
  if (f.clipId !== undefined) out.clipId = f.clipId;
  if (f.userId !== undefined) out.userId = f.userId;
  if (f.username !== undefined) {
    const u = new UserRepo(archive.db).byUsername(f.username);
    if (!u) throw new AppError('not_found', `user ${f.username} does not exist`, `用户 ${f.username} 不存在`, { item: f.username });
    out.userId = u.id;
  }
  if (!readsAllViews(user)) {
    if (out.userId !== undefined && out.userId !== user.id)
      throw new AppError('forbidden', "only supervisors and archivists read other people's retrieval records", '只有领导和档案员可以查看他人的调阅记录', {
        item: 'userId',
      });
    out.userId = user.id;
  }
  if (f.from !== undefined) out.from = instantOf(archive, f.from, 'from').toISOString();
  if (f.to !== undefined) out.to = instantOf(archive, f.to, 'to', true).toISOString();
  if (out.from !== undefined && out.to !== undefined && out.to <= out.from)
    throw new AppError('invalid_input', `the period ends (${f.to}) before it starts (${f.from})`, `查询时段的结束时间（${f.to}）早于开始时间（${f.from}）`, {
      item: 'to',
    });
  return out;
}

/** 调阅记录: view sessions and refused attempts matching the filter, and a per-person summary. */
export function retrievalLog(archive: Archive, user: UserInfo, f: LogFilter): RetrievalLogResult {
  const r = resolveFilter(archive, user, f);
  // A session left open long enough is listed as 自动结束, not as still being watched.
  closeStaleViews(archive, archive.clock.now());
  const views = new RetrievalViewRepo(archive.db).list(r);
  const names = archive.db.prepare('SELECT original_name AS n FROM clips WHERE id = ?');
  const refusals: RefusalInfo[] = new RetrievalRefusalRepo(archive.db).list(r).map(({ userName, ...x }) => ({
    ...x,
    user: userName,
    clipName: (names.get(x.clipId) as { n: string } | undefined)?.n ?? null,
  }));
  return { views, refusals, people: people(views, refusals) };
}

function people(views: readonly ViewSessionInfo[], refusals: readonly RefusalInfo[]): RetrievalLogResult['people'] {
  const by = new Map<number, { userId: number; user: string; sessions: number; clips: Set<number>; totalSec: number; refusals: number }>();
  const get = (userId: number, user: string) => {
    let p = by.get(userId);
    if (!p) by.set(userId, (p = { userId, user, sessions: 0, clips: new Set(), totalSec: 0, refusals: 0 }));
    return p;
  };
  for (const v of views) {
    const p = get(v.userId, v.user);
    p.sessions++;
    p.clips.add(v.clipId);
    p.totalSec += v.totalSec;
  }
  for (const x of refusals) get(x.userId, x.user).refusals++;
  return [...by.values()]
    .map((p) => ({
      userId: p.userId,
      user: p.user,
      sessions: p.sessions,
      clips: p.clips.size,
      totalSec: Math.round(p.totalSec * 100) / 100,
      refusals: p.refusals,
    }))
    .sort((a, b) => b.sessions - a.sessions || a.user.localeCompare(b.user));
}
