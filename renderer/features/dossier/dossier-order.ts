/**
 * The document order of a case's dossier as the reorder dialog needs it: the flat bound order, the
 * profile order it deviates from, and which documents count as moved. Pure.
 *
 * The view carries the bound volumes, the recorded manual order (when there is one) and the
 * deviations (moved documents with their profile positions); the profile order is rebuilt from
 * those. "Moved" uses the core's rule (everything outside a longest common subsequence of the two
 * orders, same tie-breaking), so the dialog asks for a reason exactly where `dossier.reorder` will.
 */
import type { DossierView } from '../../../src/api/types-dossier.js';
import { keptInOrder } from '../../../src/domain/common-order.js';

export interface OrderDoc {
  documentId: number;
  title: string;
  kind: string;
  kindName: string;
  date: string | null;
  pageCount: number;
  /** 正卷/副卷 label of the volume it is bound in ('' for a single volume). */
  volumeLabel: string;
  part: 'main' | 'secondary';
}

/** The case's documents (AV sheets are placed by the profile, not ordered by hand), in bound volume order. */
export function documentsOf(view: DossierView): OrderDoc[] {
  const out: OrderDoc[] = [];
  const seen = new Set<number>();
  for (const v of view.bound.volumes) {
    for (const e of v.entries) {
      if (view.caseId !== null && e.caseId !== view.caseId) continue;
      for (const p of e.parts) {
        if (p.type !== 'document' || p.documentId === null || seen.has(p.documentId)) continue;
        seen.add(p.documentId);
        out.push({
          documentId: p.documentId,
          title: p.title,
          kind: p.kind,
          kindName: p.kindName,
          date: p.date,
          pageCount: p.pages.length,
          volumeLabel: v.label,
          part: v.part,
        });
      }
    }
  }
  return out;
}

/**
 * The flat order the binder used: the recorded manual order when there is one (documents it does not
 * list go after their neighbour in volume order), else the volume order.
 */
export function currentOrder(view: DossierView): number[] {
  const volumeOrder = documentsOf(view).map((d) => d.documentId);
  const manual = view.manualOrder?.order;
  if (!manual) return volumeOrder;
  const known = new Set(volumeOrder);
  const result = manual.filter((id, i) => known.has(id) && manual.indexOf(id) === i);
  volumeOrder.forEach((id, i) => {
    if (result.includes(id)) return;
    const prev = i > 0 ? volumeOrder[i - 1] : undefined;
    const at = prev === undefined ? 0 : result.indexOf(prev) + 1;
    result.splice(at, 0, id);
  });
  return result;
}

/** The profile order: moved documents at their recorded profile positions, the others in bound order. */
export function profileOrderOf(view: DossierView, current: readonly number[]): number[] {
  const n = current.length;
  const slots: (number | null)[] = new Array<number | null>(n).fill(null);
  const moved = new Set<number>();
  for (const d of view.bound.deviations) {
    if (view.caseId !== null && d.caseId !== view.caseId) continue;
    const i = d.profilePosition - 1;
    if (i < 0 || i >= n || slots[i] !== null || !current.includes(d.documentId)) return [...current];
    slots[i] = d.documentId;
    moved.add(d.documentId);
  }
  const rest = current.filter((id) => !moved.has(id));
  let k = 0;
  return slots.map((s) => s ?? rest[k++]!);
}

/** Documents outside a longest common subsequence of the two orders (the core's rule and tie-breaking). */
export function movedDocuments(profile: readonly number[], actual: readonly number[]): Set<number> {
  const kept = keptInOrder(profile, actual);
  return new Set(actual.filter((id) => !kept.has(id)));
}

/** Moves the item at `from` to index `to` (the index it ends up at). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item!);
  return out;
}
