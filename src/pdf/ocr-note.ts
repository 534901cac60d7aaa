import { withBeikaoNote } from './import-plan.js';
import type { RenderVolume } from './render-model.js';

/** How many pages the note names one by one before it sums up the rest. */
const LISTED = 20;

/**
 * The 备考表 says which scan pages go out without a text layer because their OCR had not finished
 * (`text: null`; `undefined` means the caller keeps no OCR at all, and says nothing). A page whose
 * OCR ran and found no words is not named: it is image-only because there is nothing to read.
 */
export function withOcrNote(v: RenderVolume): RenderVolume {
  const pending = v.pages.flatMap((p, i) => (p.kind === 'scan' && p.text === null ? [{ i, p }] : []));
  if (!pending.length) return v;
  const names = pending.slice(0, LISTED).map(({ i, p }) => (p.stamp ? `第${p.stamp.text}页` : `卷内第${i + 1}面`));
  const more = pending.length > LISTED ? `等 ${pending.length} 页` : `共 ${pending.length} 页`;
  const note = `${names.join('、')}${more}扫描页的文字识别（OCR）导出时尚未完成，以纯图像导出，不含可检索的文字层。`;
  return withBeikaoNote(v, note);
}
