import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { ClipMarkInfo } from '../api/types-retrieval.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { RetrievalMarkRepo } from '../storage/repos/retrieval-mark-repo.js';
import { assertClipAccess } from './access.js';

/**
 * Marks a second of a clip with a note (e.g. 告知权利, 出示证件). 领导, 评查员 (with a grant covering
 * the clip) and 管理员. Audited as 'retrieval.mark'.
 */
export function addMark(archive: Archive, user: UserInfo, clipId: number, second: number, note: string): ClipMarkInfo {
  const c = archive.db.prepare('SELECT original_name AS name, duration_sec AS duration FROM clips WHERE id = ?').get(clipId) as
    { name: string; duration: number | null } | undefined;
  if (!c) throw new AppError('not_found', `clip ${clipId} does not exist`, `音像记录 ${clipId} 不存在`, { item: String(clipId) });
  assertClipAccess(archive, user, clipId, 'view', archive.clock.now());
  const text = note.trim();
  if (text.length === 0) throw new AppError('invalid_input', 'write a note for the mark', '请填写标记说明', { item: 'note' });
  if (c.duration !== null && second > c.duration + 0.5)
    throw new AppError(
      'invalid_input',
      `second ${second} is past the end of ${c.name} (${c.duration} s)`,
      `标记时间 ${second} 秒超出音像记录 ${c.name} 的时长（${c.duration} 秒）`,
      {
        item: 'second',
      },
    );
  const id = change(archive, user, () => {
    const at = archive.clock.now().toISOString();
    const s = Math.round(second * 100) / 100;
    const id = new RetrievalMarkRepo(archive.db).insert(clipId, s, text, user.id, at);
    return { value: id, audit: [{ action: 'retrieval.mark', targetType: 'clip', targetId: clipId, detail: { markId: id, second: s, note: text } }] };
  });
  return new RetrievalMarkRepo(archive.db).byId(id)!;
}

export function listMarks(archive: Archive, clipId: number): ClipMarkInfo[] {
  return new RetrievalMarkRepo(archive.db).forClip(clipId);
}
