import { existsSync } from 'node:fs';
import { AppError, type ErrorPayload, toErrorPayload } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { assertClipAccess } from './access.js';

/** The original footage ('clip') or its H.264/AAC playback proxy ('clip-proxy'). */
export type ClipMediaKind = 'clip' | 'clip-proxy';

export type ClipMediaAnswer =
  { ok: true; path: string; mediaType: string; size: number; grantId: number | null } | { ok: false; status: 403 | 404 | 409; error: ErrorPayload };

interface Row {
  name: string;
  sha256: string;
  media_type: string;
  disposal_id: number | null;
  proxy_sha256: string | null;
  proxy_state: string;
}

/**
 * Resolves a clip's original or proxy for one media (Range) request by a signed-in user. Runs the
 * access rule on every request, so a grant that expires or is revoked mid-playback refuses the next
 * range; a refusal is recorded. A disposed clip, a missing or quarantined object, or an absent proxy
 * comes back as a clear refusal instead of a file.
 */
export function resolveClipMedia(archive: Archive, user: UserInfo, kind: ClipMediaKind, clipId: number): ClipMediaAnswer {
  const c = archive.db
    .prepare('SELECT original_name AS name, sha256, media_type, disposal_id, proxy_sha256, proxy_state FROM clips WHERE id = ?')
    .get(clipId) as Row | undefined;
  if (!c) return refuse(404, new AppError('not_found', `clip ${clipId} does not exist`, `音像记录 ${clipId} 不存在`, { item: String(clipId) }));
  try {
    const decision = assertClipAccess(archive, user, clipId, 'view', archive.clock.now());
    if (c.disposal_id !== null)
      return refuse(409, new AppError('not_found', `clip ${c.name} was disposed of`, `音像记录 ${c.name} 已经销毁`, { item: c.name }));
    const sha = kind === 'clip' ? c.sha256 : c.proxy_state === 'done' ? c.proxy_sha256 : null;
    if (sha === null)
      return refuse(
        404,
        new AppError('not_found', `clip ${c.name} has no playback proxy (${c.proxy_state})`, `音像记录 ${c.name} 没有可播放的转码副本`, { item: c.name }),
      );
    const obj = archive.db.prepare('SELECT size, media_type AS mediaType FROM objects WHERE sha256 = ?').get(sha) as
      { size: number; mediaType: string } | undefined;
    const quarantined = archive.db.prepare('SELECT 1 FROM quarantined_objects WHERE name = ?').get(sha) !== undefined;
    const path = archive.store.pathOf(sha);
    if (!obj || quarantined || !existsSync(path))
      return refuse(
        409,
        new AppError(
          'io_error',
          `the stored file of clip ${c.name} is missing or quarantined; run a fixity check`,
          `音像记录 ${c.name} 的存储文件缺失或已隔离，请进行完整性检查`,
          {
            item: c.name,
          },
        ),
      );
    return { ok: true, path, mediaType: kind === 'clip' ? c.media_type : obj.mediaType, size: obj.size, grantId: decision.grantId };
  } catch (e) {
    const p = toErrorPayload(e);
    return { ok: false, status: p.code === 'forbidden' ? 403 : p.code === 'not_found' ? 404 : 409, error: p };
  }
}

function refuse(status: 403 | 404 | 409, e: AppError): ClipMediaAnswer {
  return { ok: false, status, error: e.toJSON() };
}
