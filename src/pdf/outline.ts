import type { PdfObjectWriter } from './object-writer.js';
import { dict, ref, textString } from './pdf-syntax.js';
import type { OutlineEntry } from './render-model.js';

/**
 * Writes the outline (bookmarks): one flat item per 卷内目录 row, each opening its first page.
 * Returns the outline root's object number, or null when there are no entries.
 */
export async function writeOutline(w: PdfObjectWriter, entries: readonly OutlineEntry[], pageObjects: readonly number[]): Promise<number | null> {
  const items = entries.filter((e) => pageObjects[e.pageIndex] !== undefined);
  if (items.length === 0) return null;
  const root = w.alloc();
  const nums = items.map(() => w.alloc());
  for (let i = 0; i < items.length; i++) {
    const e = items[i]!;
    await w.object(
      nums[i]!,
      dict({
        Title: textString(e.title),
        Parent: ref(root),
        Prev: i > 0 ? ref(nums[i - 1]!) : undefined,
        Next: i < items.length - 1 ? ref(nums[i + 1]!) : undefined,
        Dest: `[${ref(pageObjects[e.pageIndex]!)} /Fit]`,
      }),
    );
  }
  await w.object(root, dict({ Type: '/Outlines', First: ref(nums[0]!), Last: ref(nums[nums.length - 1]!), Count: String(items.length) }));
  return root;
}
