import { PROCEDURE_LABELS, type Procedure } from '../domain/case.js';
import type { DocumentKind } from '../domain/profile.js';
import type { BindingProfile, OrderGroup } from '../domain/profile-binding.js';
import { issues } from './issues.js';
import type { BindDocument, BindIssue } from './types.js';

/**
 * The profile order of a case's documents: by group (立案 → 调查取证 → …), inside a group by date or
 * by the listed kind order, then documents that attach to another (送达回证 after what it serves,
 * 清单 after its 决定书). Reports unknown kinds, kinds outside the procedure's order, and two
 * documents claiming a single position.
 */
export interface OrderedDoc {
  doc: BindDocument;
  groupId: string;
  groupIndex: number;
  /** The document this one was placed after (attach rule), if any. */
  attachedTo: number | null;
}

const day = (d: string | null) => (d ? d.slice(0, 10) : '9999-99-99');

function kindsByCode(profile: BindingProfile): Map<string, DocumentKind> {
  return new Map(profile.documentKinds.map((k) => [k.code, k]));
}

/** Name variants used to recognise which document a 送达回证 serves ("行政处罚决定书送达回证"). */
function nameVariants(k: DocumentKind): string[] {
  const strip = (s: string) => s.replace(/[(（][^)）]*[)）]/g, '');
  return [...new Set([k.name, strip(k.name), ...k.aliases, ...k.aliases.map(strip)])].filter((v) => v.length >= 3);
}

export function profileOrder(
  profile: BindingProfile,
  procedure: Procedure,
  caseId: number,
  docs: readonly BindDocument[],
): { ordered: OrderedDoc[]; issues: BindIssue[] } {
  const b = profile.binding;
  const groups: OrderGroup[] = b.order[procedure];
  const catalogue = kindsByCode(profile);
  const found: BindIssue[] = [];
  const slot = new Map<string, { groupIndex: number; kindIndex: number }>();
  groups.forEach((g, gi) => g.kinds.forEach((k, ki) => slot.set(k, { groupIndex: gi, kindIndex: ki })));
  const unlisted = Math.max(
    0,
    groups.findIndex((g) => g.id === b.unlistedGroup[procedure]),
  );

  const placed = docs.map((doc) => {
    const kind = catalogue.get(doc.kind);
    let s = slot.get(doc.kind);
    if (!kind) found.push(issues.unknownKind(caseId, doc, profile.name));
    else if (!s) found.push(issues.kindNotInOrder(caseId, doc, kind.name, PROCEDURE_LABELS[procedure]));
    s ??= { groupIndex: unlisted, kindIndex: Number.MAX_SAFE_INTEGER };
    return { doc, ...s };
  });

  // Two documents of a single-position kind.
  const counts = new Map<string, BindDocument[]>();
  for (const d of docs) if (b.kinds[d.kind]?.single) counts.set(d.kind, [...(counts.get(d.kind) ?? []), d]);
  for (const [code, list] of counts) {
    if (list.length > 1) found.push(issues.duplicatePosition(caseId, list[1]!, catalogue.get(code)?.name ?? code, list.length));
  }

  const cmp = (a: (typeof placed)[number], c: (typeof placed)[number]): number => {
    if (a.groupIndex !== c.groupIndex) return a.groupIndex - c.groupIndex;
    const byDate = day(a.doc.date).localeCompare(day(c.doc.date));
    const byKind = a.kindIndex - c.kindIndex;
    const primary = groups[a.groupIndex]?.sort === 'listed' ? byKind || byDate : byDate || byKind;
    return primary || a.doc.seq - c.doc.seq;
  };
  const attaches = (d: BindDocument) => (catalogue.has(d.kind) ? b.kinds[d.kind]?.attach : undefined);
  const base = placed.filter((p) => !attaches(p.doc)).sort(cmp);
  const out: OrderedDoc[] = base.map((p) => ({ doc: p.doc, groupId: groups[p.groupIndex]?.id ?? '', groupIndex: p.groupIndex, attachedTo: null }));

  const insertByGroup = (p: (typeof placed)[number]) => {
    const at = out.findIndex((o) => cmp({ doc: o.doc, groupIndex: o.groupIndex, kindIndex: slot.get(o.doc.kind)?.kindIndex ?? 0 }, p) > 0);
    const entry = { doc: p.doc, groupId: groups[p.groupIndex]?.id ?? '', groupIndex: p.groupIndex, attachedTo: null };
    if (at < 0) out.push(entry);
    else out.splice(at, 0, entry);
  };
  const insertAfter = (p: (typeof placed)[number], anchor: OrderedDoc) => {
    // After the anchor and everything already attached to it.
    let end = out.indexOf(anchor);
    out.forEach((o, i) => {
      if (o.attachedTo === anchor.doc.id && i > end) end = i;
    });
    out.splice(end + 1, 0, { doc: p.doc, groupId: anchor.groupId, groupIndex: anchor.groupIndex, attachedTo: anchor.doc.id });
  };
  const notAfter = (o: OrderedDoc, d: BindDocument) => day(o.doc.date) <= day(d.date);
  const latest = (list: OrderedDoc[]) =>
    list.reduce<OrderedDoc | undefined>((best, o) => (!best || day(o.doc.date) >= day(best.doc.date) ? o : best), undefined);

  const attached = placed.filter((p) => attaches(p.doc)).sort((a, c) => day(a.doc.date).localeCompare(day(c.doc.date)) || a.doc.seq - c.doc.seq);
  // Fixed attachments (清单 after 决定书) first, so a 送达回证 lands after the whole block.
  for (const p of attached.filter((x) => attaches(x.doc) !== 'served')) {
    const rule = attaches(p.doc) as { after: string[] };
    const candidates = out.filter((o) => rule.after.includes(o.doc.kind));
    const anchor = latest(candidates.filter((o) => notAfter(o, p.doc))) ?? candidates[0];
    if (anchor) insertAfter(p, anchor);
    else insertByGroup(p);
  }
  for (const p of attached.filter((x) => attaches(x.doc) === 'served')) {
    const issued = out.filter((o) => catalogue.get(o.doc.kind)?.hasDocNo && attaches(o.doc) !== 'served' && notAfter(o, p.doc));
    const named = issued.filter((o) => nameVariants(catalogue.get(o.doc.kind)!).some((v) => p.doc.title.includes(v)));
    // Among named documents the last in the order (a 回证 for 告知书 and 听证告知书 follows both).
    const anchor = named.length ? named.reduce((a, o) => (out.indexOf(o) > out.indexOf(a) ? o : a)) : latest(issued);
    if (anchor) insertAfter(p, anchor);
    else insertByGroup(p);
  }
  return { ordered: out, issues: found };
}
