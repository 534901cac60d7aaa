import type { UserInfo } from '../api/types.js';
import type { AuditAction } from '../domain/audit-actions.js';
import { ViewTargetRepo } from '../storage/repos/view-target-repo.js';
import type { Archive } from './archive.js';
import { change } from './audited-change.js';

/**
 * Every read of evidence content or detail is an audit entry: who, when (the entry's time), what.
 * To keep the log readable, one entry per (user, action, object) per VIEW_WINDOW_MS: a case page
 * that fetches 40 page thumbnails of one document, or re-reads case.get after every edit, writes one
 * entry a minute, not hundreds. Page thumbnails are recorded against their document (one object), a
 * document file, a clip's thumbnail or contact sheet against itself. The window is per process:
 * each CLI command that reads writes its own entry. Playback of originals and proxies is recorded by
 * 调阅 (src/retrieval/views.ts), not here.
 */
export const VIEW_WINDOW_MS = 60_000;

export type ViewAction = Extract<AuditAction, `${string}.view`>;

export interface ViewRecord {
  action: ViewAction;
  targetType: string;
  targetId: string | number;
  detail?: Record<string, unknown>;
}

const recent = new WeakMap<Archive, Map<string, number>>();

/** Records a view unless the same user viewed the same object the same way within the window. */
export function recordView(archive: Archive, user: UserInfo, v: ViewRecord): boolean {
  let seen = recent.get(archive);
  if (!seen) recent.set(archive, (seen = new Map()));
  const key = `${user.id}|${v.action}|${v.targetType}|${v.targetId}`;
  const now = archive.clock.now().getTime();
  const last = seen.get(key);
  if (last !== undefined && now - last < VIEW_WINDOW_MS) return false;
  change(archive, user, () => ({
    value: undefined,
    audit: [{ action: v.action, targetType: v.targetType, targetId: v.targetId, ...(v.detail ? { detail: v.detail } : {}) }],
  }));
  seen.set(key, now);
  if (seen.size > 5000) for (const [k, t] of seen) if (now - t >= VIEW_WINDOW_MS) seen.delete(k);
  return true;
}

export type ViewedMedia = 'page-thumb' | 'file' | 'clip-thumb' | 'clip-sheet';

/** The view record of a media fetch by id (null when the id names nothing). */
export function mediaView(archive: Archive, kind: ViewedMedia, id: number): ViewRecord | null {
  if (kind === 'page-thumb' || kind === 'file') {
    const repo = new ViewTargetRepo(archive.db);
    const t = kind === 'page-thumb' ? repo.ofPage(id) : repo.ofFile(id);
    if (!t) return null;
    return kind === 'page-thumb'
      ? { action: 'document.pages.view', targetType: 'document', targetId: t.documentId, detail: { caseId: t.caseId, firstPageId: id } }
      : { action: 'document.file.view', targetType: 'document', targetId: t.documentId, detail: { caseId: t.caseId, fileId: id } };
  }
  return { action: kind === 'clip-thumb' ? 'footage.thumb.view' : 'footage.sheet.view', targetType: 'clip', targetId: id };
}
