import { type CaseFacts, type FactDocument, type FactOfficer } from '../case-facts.js';

/** Helpers the rules share: which documents a 送达回证 serves, who acted on a document, working-day due dates. */

export const DECISION_KINDS = ['CFJDS', 'BYCF', 'XQCC', 'DCCF'] as const;

export function byDate(a: FactDocument, b: FactDocument): number {
  return (a.date ?? '').localeCompare(b.date ?? '') || a.seq - b.seq;
}

/** The decision document (决定书): the earliest dated one of the decision kinds, else the first undated. */
export function decisionDoc(f: CaseFacts): FactDocument | undefined {
  const docs = f.documents.filter((d) => (DECISION_KINDS as readonly string[]).includes(d.kind));
  return docs.filter((d) => d.date).sort(byDate)[0] ?? docs[0];
}

/** The decision day: the case's 决定 date, else the decision document's. */
export function decisionDay(f: CaseFacts): string | null {
  return f.case.dates.decision ?? decisionDoc(f)?.date ?? null;
}

/**
 * The documents a 送达回证 serves, read from its title (e.g. 行政处罚事先告知书、听证告知书送达回证):
 * the kinds whose name or alias it names (longest first, so 不予行政处罚决定书 is not also
 * 行政处罚决定书), and documents whose 文号 it quotes.
 */
export function servedKinds(f: CaseFacts, sdhz: FactDocument): string[] {
  let title = sdhz.title.replace(/送达回证|送达回执|送达/g, '|');
  const names = f.kinds
    .filter((k) => k.code !== 'SDHZ' && k.code !== 'QT')
    .flatMap((k) => [k.name, ...k.aliases].map((n) => ({ code: k.code, n: n.replace(/[()（）]/g, '') })))
    .filter((x) => x.n.length >= 3)
    .sort((a, b) => b.n.length - a.n.length);
  title = title.replace(/[()（）]/g, '');
  const out: string[] = [];
  for (const { code, n } of names) {
    if (title.includes(n)) {
      if (!out.includes(code)) out.push(code);
      title = title.split(n).join('|');
    }
  }
  for (const d of f.documents) if (d.docNo && sdhz.title.includes(d.docNo) && !out.includes(d.kind)) out.push(d.kind);
  return out;
}

/** The 送达回证 that serves a document of this kind, dated on or after `from` (the earliest such). */
export function serviceOf(f: CaseFacts, kind: string, from: string | null): FactDocument | undefined {
  return f.documents.filter((d) => d.kind === 'SDHZ' && servedKinds(f, d).includes(kind) && (!from || !d.date || d.date >= from)).sort(byDate)[0];
}

/** 笔录 and on-the-spot acts that need two officers with 执法证 (Art. 42; 强制法 Art. 18). */
export const ACTING_KINDS = ['XCJCBL', 'XWBL', 'DZSJ', 'CSSB', 'CYTZS', 'XXTZS', 'KYJDS', 'QCBL', 'DCCF'] as const;

const GENERAL_ROLE = /承办|调查|记录|现场执法|当场|检查|取证|询问|勘验|执法人员/;
const SEIZURE_ROLE = /扣押|查封/;
const DEMOLITION_ROLE = /拆除|强制执行/;
const NOT_ACTING = /审核|审批|讨论|备案|主持|监督|结案/;

/**
 * Which officers acted on a document, from the roles the case gives them: 承办/调查/记录/现场执法…
 * on every 笔录; 扣押/查封 on the 查封扣押 documents; 强制拆除 on its 现场笔录. 审核, 审批, 主持 and
 * the like do not act on a 笔录. When no officer has a role, every officer named on the case counts.
 */
export function actingOfficers(f: CaseFacts, d: FactDocument): FactOfficer[] {
  const officers = f.case.officers;
  if (officers.every((o) => o.roles.length === 0)) return officers;
  return officers.filter((o) =>
    o.roles.some((r) => {
      if (NOT_ACTING.test(r) && !DEMOLITION_ROLE.test(r) && !SEIZURE_ROLE.test(r)) return false;
      if (GENERAL_ROLE.test(r)) return true;
      if (SEIZURE_ROLE.test(r)) return d.kind === 'KYJDS' || d.kind === 'KYQD';
      if (DEMOLITION_ROLE.test(r)) return d.kind === 'QCBL';
      return false;
    }),
  );
}

/** The due day `n` working days after `from` on the archive's calendar, and whether the calendar covers the years involved. */
export function workingDue(f: CaseFacts, from: string, n: number): { due: string; covered: boolean } {
  const due = f.calendar.addWorkingDays(from, n);
  const covered = f.calendar.covers(Number(from.slice(0, 4))) && f.calendar.covers(Number(due.slice(0, 4)));
  return { due, covered };
}

export function calendarNote(f: CaseFacts, from: string, due: string): { en: string; zh: string } {
  const years = [...new Set([Number(from.slice(0, 4)), Number(due.slice(0, 4))])].filter((y) => !f.calendar.covers(y));
  return {
    en: `the work calendar has no official holiday schedule for ${years.join(', ')} (an administrator can enter it)`,
    zh: `工作日历中没有 ${years.join('、')} 年的节假日安排（可由管理员补充）`,
  };
}

/** Text in the case's extra at a dotted path, or '' (e.g. penalty.hearing). */
export function extraText(f: CaseFacts, dotted: string): string {
  let v: unknown = f.case.extra;
  for (const k of dotted.split('.')) {
    if (v === null || typeof v !== 'object') return '';
    v = (v as Record<string, unknown>)[k];
  }
  return typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('、') : '';
}

export function extraValue(f: CaseFacts, dotted: string): unknown {
  let v: unknown = f.case.extra;
  for (const k of dotted.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}
