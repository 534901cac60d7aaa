import { AppError } from '../api/errors.js';
import type { RenderVolume } from './render-model.js';

export const MAX_PAGES = 8000;

/** Catches a malformed render model before any file is touched (a programming error upstream). */
export function validateVolume(v: RenderVolume): void {
  const fail = (en: string, zh: string) => new AppError('invalid_input', `${v.meta.title}: ${en}`, `${v.meta.title}：${zh}`, { item: v.meta.title });
  if (!v.meta.title.trim()) throw fail('the volume has no title', '案卷题名为空');
  if (v.pages.length === 0) throw fail('the volume has no pages', '该卷没有页面');
  // One flat page tree; PDF/A-1's array limit (8,191) is kept so older validators accept it too. A
  // volume is about 200 pages by the filing rules (一案数卷 beyond that).
  if (v.pages.length > MAX_PAGES)
    throw fail(`a volume holds at most ${MAX_PAGES} pages (this one has ${v.pages.length})`, `一册最多 ${MAX_PAGES} 页（本册 ${v.pages.length} 页），请分册`);
  if (Number.isNaN(v.meta.createdAt.getTime())) throw fail('the creation date is invalid', '形成日期无效');
  for (const e of v.outline) {
    if (!Number.isInteger(e.pageIndex) || e.pageIndex < 0 || e.pageIndex >= v.pages.length) {
      throw fail(
        `bookmark "${e.title}" points at page ${e.pageIndex + 1} of ${v.pages.length}`,
        `书签“${e.title}”指向不存在的第 ${e.pageIndex + 1} 页（共 ${v.pages.length} 页）`,
      );
    }
  }
  v.pages.forEach((p, i) => {
    if (p.stamp && !p.stamp.text.trim()) throw fail(`page ${i + 1} has an empty page number`, `第 ${i + 1} 面的页号为空`);
    if ((p.kind === 'scan' || p.kind === 'pdf') && !p.file) throw fail(`page ${i + 1} (${p.label}) has no file`, `第 ${i + 1} 面（${p.label}）没有文件`);
  });
}
