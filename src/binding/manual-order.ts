import type { OrderedDoc } from './order.js';
import type { Deviation, ManualOrder } from './types.js';
import { keptInOrder } from '../domain/common-order.js';

/**
 * Applies the archivist's recorded order to the profile order. Documents the recorded order does not
 * mention (filed after the reorder) keep their profile neighbour: each goes right after the document
 * that precedes it in the profile order. The deviations are the documents outside the longest run
 * the two orders share (the fewest moves that explain the difference), each with its recorded reason.
 */
export function applyManualOrder(
  caseId: number,
  profile: readonly OrderedDoc[],
  manual: ManualOrder | null,
): { ordered: OrderedDoc[]; deviations: Deviation[] } {
  if (!manual) return { ordered: [...profile], deviations: [] };
  const byId = new Map(profile.map((o) => [o.doc.id, o]));
  const seen = new Set<number>();
  const result: OrderedDoc[] = [];
  for (const id of manual.order) {
    const o = byId.get(id);
    if (o && !seen.has(id)) {
      result.push(o);
      seen.add(id);
    }
  }
  profile.forEach((o, i) => {
    if (seen.has(o.doc.id)) return;
    const prev = i > 0 ? profile[i - 1] : undefined;
    const at = prev ? result.indexOf(prev) + 1 : 0;
    result.splice(at, 0, o);
    seen.add(o.doc.id);
  });
  return { ordered: result, deviations: deviationsOf(caseId, profile, result, manual.reasons) };
}

/** The documents that moved: everything outside a longest common subsequence of the two orders. */
export function deviationsOf(caseId: number, profile: readonly OrderedDoc[], actual: readonly OrderedDoc[], reasons: Record<string, string>): Deviation[] {
  const kept = keptInOrder(
    profile.map((o) => o.doc.id),
    actual.map((o) => o.doc.id),
  );
  const profilePos = new Map(profile.map((o, i) => [o.doc.id, i + 1]));
  return actual.flatMap((o, i) =>
    kept.has(o.doc.id)
      ? []
      : [
          {
            caseId,
            documentId: o.doc.id,
            title: o.doc.title,
            profilePosition: profilePos.get(o.doc.id) ?? 0,
            actualPosition: i + 1,
            reason: reasons[String(o.doc.id)]?.trim() || null,
          },
        ],
  );
}
