import { type Grade, GRADE_LABELS, type ReviewTemplate } from './review-template.js';

/** A finding as scoring sees it: the item it is on, whether it counts, the points it deducts. */
export interface ScoredFinding {
  itemId: string;
  decision: 'proposed' | 'accepted' | 'rejected';
  points: number;
}

export interface ItemScore {
  itemId: string;
  title: string;
  max: number;
  deducted: number;
  score: number;
  hits: number;
}

export interface SectionScore {
  sectionId: string;
  title: string;
  max: number;
  deducted: number;
  score: number;
  items: ItemScore[];
}

/** The score sheet: per section and item, the total, the grade; a veto hit makes it 0 and 不合格. */
export interface ScoreSheet {
  templateId: string;
  templateVersion: string;
  total: number;
  max: number;
  grade: Grade;
  gradeLabel: string;
  vetoed: boolean;
  vetoHits: { itemId: string; title: string }[];
  sections: SectionScore[];
  /** Proposals not yet accepted or rejected (a review with any cannot be submitted). */
  open: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Scores accepted findings on a template. Pure. Deductions stop at zero per item and section. */
export function scoreSheet(t: ReviewTemplate, findings: readonly ScoredFinding[]): ScoreSheet {
  const counted = findings.filter((f) => f.decision === 'accepted');
  const vetoHits = t.veto.filter((v) => counted.some((f) => f.itemId === v.id)).map((v) => ({ itemId: v.id, title: v.title }));
  const sections = t.sections.map((s): SectionScore => {
    const items = s.items.map((it): ItemScore => {
      const on = counted.filter((f) => f.itemId === it.id);
      const raw = it.deduct.per === 'once' ? Math.max(0, ...on.map((f) => f.points)) : on.reduce((a, f) => a + f.points, 0);
      const deducted = r2(Math.min(it.points, raw));
      return { itemId: it.id, title: it.title, max: it.points, deducted, score: r2(it.points - deducted), hits: on.length };
    });
    const deducted = r2(
      Math.min(
        s.points,
        items.reduce((a, i) => a + i.deducted, 0),
      ),
    );
    return { sectionId: s.id, title: s.title, max: s.points, deducted, score: r2(s.points - deducted), items };
  });
  const vetoed = vetoHits.length > 0;
  const total = vetoed ? 0 : r2(sections.reduce((a, s) => a + s.score, 0));
  const grade = vetoed ? 'fail' : gradeOf(t, total);
  return {
    templateId: t.id,
    templateVersion: t.version,
    total,
    max: t.total,
    grade,
    gradeLabel: GRADE_LABELS[grade].zh,
    vetoed,
    vetoHits,
    sections,
    open: findings.filter((f) => f.decision === 'proposed').length,
  };
}

export function gradeOf(t: ReviewTemplate, total: number): Grade {
  const top = Math.max(...t.grades.map((g) => g.max));
  const band = t.grades.find((g) => total >= g.min && (total < g.max || (g.max === top && total <= g.max)));
  return band?.grade ?? 'fail';
}

/** Where an item id lives in a template (a veto item, or a section's item), or null. */
export function findItem(
  t: ReviewTemplate,
  itemId: string,
): { kind: 'veto'; title: string } | { kind: 'item'; title: string; min: number; max: number } | null {
  const v = t.veto.find((x) => x.id === itemId);
  if (v) return { kind: 'veto', title: v.title };
  for (const s of t.sections) for (const it of s.items) if (it.id === itemId) return { kind: 'item', title: it.title, min: it.deduct.min, max: it.deduct.max };
  return null;
}

/** The item a rule id pre-fills, or null when the template does not map it. */
export function itemForRule(t: ReviewTemplate, ruleId: string): { itemId: string; veto: boolean; points: number } | null {
  const v = t.veto.find((x) => x.rules.includes(ruleId));
  if (v) return { itemId: v.id, veto: true, points: 0 };
  for (const s of t.sections) for (const it of s.items) if (it.rules.includes(ruleId)) return { itemId: it.id, veto: false, points: it.deduct.min };
  return null;
}
