import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Segment, ViewSessionInfo, ViewStartResult } from '../api/types-retrieval.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { FixityRepo } from '../storage/repos/footage-fixity-repo.js';
import { RetrievalViewRepo } from '../storage/repos/retrieval-view-repo.js';
import { assertClipAccess, localMinute } from './access.js';
import { mergeSegments, totalOf } from './segments.js';
import { requestProxy } from './proxy.js';
import { nodeFilePort } from '../ports/file-port.js';
import { closeStaleViews } from './stale-views.js';

interface ClipFacts {
  name: string;
  duration: number | null;
  proxyDone: boolean;
  sha256: string;
}

function clipFacts(archive: Archive, clipId: number): ClipFacts {
  const c = archive.db.prepare('SELECT original_name AS name, duration_sec AS duration, proxy_state AS proxy, sha256 FROM clips WHERE id = ?').get(clipId) as
    { name: string; duration: number | null; proxy: string; sha256: string } | undefined;
  if (!c) throw new AppError('not_found', `clip ${clipId} does not exist`, `音像记录 ${clipId} 不存在`, { item: String(clipId) });
  return { name: c.name, duration: c.duration, proxyDone: c.proxy === 'done', sha256: c.sha256 };
}

/**
 * Opens a playback session: checks access (a refusal is recorded and thrown), then records who
 * started watching which clip under which grant. Audited as 'retrieval.view'. The player loads the
 * proxy when one was made (formats Chromium cannot play), else the original.
 */
export function viewStart(archive: Archive, user: UserInfo, clipId: number): ViewStartResult {
  const facts = clipFacts(archive, clipId);
  // Sessions left open (a closed tab, a crash) end as 自动结束 before a new one starts: everyone's
  // silent ones, and this person's earlier ones (src/retrieval/stale-views.ts).
  const now = archive.clock.now();
  closeStaleViews(archive, now);
  closeStaleViews(archive, now, { user, clipId });
  const decision = assertClipAccess(archive, user, clipId, 'view', archive.clock.now());
  // A format Chromium cannot play is played only through its proxy: made now in the background when
  // there is none (or the last run failed), while the player says so and polls clip.proxyStatus.
  const p = requestProxy(archive, nodeFilePort, user, clipId);
  const media = p.needed || facts.proxyDone ? 'clip-proxy' : 'clip';
  const proxy: ViewStartResult['proxy'] =
    media === 'clip'
      ? null
      : p.state === 'done'
        ? { state: 'done', error: null }
        : p.state === 'failed'
          ? { state: 'failed', error: p.error }
          : { state: 'making', error: null };
  const viewId = change(archive, user, () => {
    const at = archive.clock.now().toISOString();
    const id = new RetrievalViewRepo(archive.db).open({ userId: user.id, clipId, grantId: decision.grantId, viaProxy: media === 'clip-proxy', at });
    return {
      value: id,
      audit: [
        {
          action: 'retrieval.view',
          targetType: 'clip',
          targetId: clipId,
          detail: { viewId: id, clip: facts.name, grantId: decision.grantId, mode: decision.grantId === null ? 'live' : 'grant', media },
        },
      ],
    };
  });
  return {
    viewId,
    access: { mode: decision.grantId === null ? 'live' : 'grant', grantId: decision.grantId, until: decision.until },
    media,
    proxy,
    lastFixity: new FixityRepo(archive.db).lastResult(facts.sha256) ?? null,
  };
}

function openSession(archive: Archive, user: UserInfo, viewId: number): ViewSessionInfo {
  const v = new RetrievalViewRepo(archive.db).byId(viewId);
  if (!v || v.userId !== user.id)
    throw new AppError('not_found', `view session ${viewId} does not exist`, `调阅记录 ${viewId} 不存在`, { item: String(viewId) });
  if (v.endedAt !== null) {
    const auto = v.endReason === 'auto';
    throw new AppError(
      'invalid_input',
      `view session ${viewId} was closed${auto ? ' automatically' : ''} at ${v.endedAt}`,
      `调阅记录 ${viewId} 已于 ${localMinute(archive, v.endedAt)} ${auto ? '自动结束' : '结束'}`,
      { item: String(viewId) },
    );
  }
  return v;
}

/**
 * Adds played stretches to the caller's open session (merged with those already recorded). Access is
 * checked again on every call: once the grant has expired or been revoked the session is closed with
 * what it had recorded before (the new stretches are not added), the refusal is recorded, and the
 * forbidden error — "已于…到期" / "已被撤销（理由）" — is thrown for the player to show.
 */
export function viewProgress(archive: Archive, user: UserInfo, viewId: number, segments: readonly Segment[]): ViewSessionInfo {
  const v = openSession(archive, user, viewId);
  try {
    assertClipAccess(archive, user, v.clipId, 'view', archive.clock.now());
  } catch (e) {
    if (e instanceof AppError && e.code === 'forbidden') closeRefused(archive, user, v, e);
    throw e;
  }
  return record(archive, user, viewId, segments, false);
}

function closeRefused(archive: Archive, user: UserInfo, v: ViewSessionInfo, e: AppError): void {
  change(archive, user, () => {
    new RetrievalViewRepo(archive.db).update(v.id, v.segments, v.totalSec, archive.clock.now().toISOString(), true);
    return {
      value: null,
      audit: [
        {
          action: 'retrieval.viewEnd',
          targetType: 'clip',
          targetId: v.clipId,
          detail: { viewId: v.id, grantId: v.grantId, segments: v.segments, totalSec: v.totalSec, refused: e.message },
        },
      ],
    };
  });
}

/** Closes the caller's session with its last stretches; the record is frozen. Audited as 'retrieval.viewEnd'. */
export function viewEnd(archive: Archive, user: UserInfo, viewId: number, segments: readonly Segment[] = []): ViewSessionInfo {
  return record(archive, user, viewId, segments, true);
}

function record(archive: Archive, user: UserInfo, viewId: number, segments: readonly Segment[], end: boolean): ViewSessionInfo {
  return change(archive, user, () => {
    const repo = new RetrievalViewRepo(archive.db);
    const v = openSession(archive, user, viewId);
    const merged = mergeSegments([...v.segments, ...segments], clipFacts(archive, v.clipId).duration);
    const total = totalOf(merged);
    repo.update(viewId, merged, total, archive.clock.now().toISOString(), end);
    const after = repo.byId(viewId)!;
    const audit = end
      ? [{ action: 'retrieval.viewEnd', targetType: 'clip', targetId: v.clipId, detail: { viewId, grantId: v.grantId, segments: merged, totalSec: total } }]
      : [];
    return { value: after, audit };
  });
}
