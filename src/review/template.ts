import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import { describeIssues, type FieldIssue } from '../api/validate.js';
import { GRADES, type ReviewTemplate, templateSchema } from '../domain/review-template.js';

export * from '../domain/review-template.js';

const EPS = 1e-9;
const issue = (p: string, message: string, messageZh: string): FieldIssue => ({ path: p, message: `${p}: ${message}`, messageZh: `${p}：${messageZh}` });

/**
 * Checks what the schema cannot: the sums, the bands, the rule ids. Each issue names the field.
 * `knownRules` is the automatic checks' rule ids (RULE_IDS); null skips that check.
 */
export function templateIssues(t: ReviewTemplate, knownRules: readonly string[] | null): FieldIssue[] {
  const out: FieldIssue[] = [];
  const ids = new Set<string>();
  const seen = (id: string, p: string) => {
    if (ids.has(id)) out.push(issue(p, `id "${id}" is used twice`, `编号“${id}”重复`));
    ids.add(id);
  };
  const ruleAt = new Map<string, string>();
  const rules = (list: readonly string[], p: string) =>
    list.forEach((r, i) => {
      if (knownRules && !knownRules.includes(r)) out.push(issue(`${p}.rules.${i}`, `unknown rule id "${r}"`, `未知的自动检查规则“${r}”`));
      const before = ruleAt.get(r);
      if (before) out.push(issue(`${p}.rules.${i}`, `rule "${r}" is already mapped at ${before}`, `规则“${r}”已对应到 ${before}，一条规则只能对应一个评查项`));
      else ruleAt.set(r, p);
    });

  t.veto.forEach((v, i) => {
    const p = `veto.${i}`;
    seen(v.id, `${p}.id`);
    if (v.points !== undefined)
      out.push(issue(`${p}.points`, 'a veto item has no points (any hit makes the dossier 不合格)', '否决项不设分值（一经发现即为不合格卷）'));
    rules(v.rules, p);
  });

  let sum = 0;
  t.sections.forEach((s, si) => {
    const p = `sections.${si}`;
    seen(s.id, `${p}.id`);
    sum += s.points;
    let itemSum = 0;
    s.items.forEach((it, ii) => {
      const ip = `${p}.items.${ii}`;
      seen(it.id, `${ip}.id`);
      itemSum += it.points;
      if (it.deduct.min > it.deduct.max)
        out.push(issue(`${ip}.deduct.min`, `min ${it.deduct.min} is above max ${it.deduct.max}`, `扣分下限 ${it.deduct.min} 大于上限 ${it.deduct.max}`));
      if (it.deduct.max > it.points + EPS)
        out.push(
          issue(
            `${ip}.deduct.max`,
            `a deduction of ${it.deduct.max} exceeds the item's ${it.points} points`,
            `单次扣分 ${it.deduct.max} 超过该项分值 ${it.points}`,
          ),
        );
      if (it.deduct.max <= 0) out.push(issue(`${ip}.deduct.max`, 'must deduct something', '扣分上限必须大于 0'));
      rules(it.rules, ip);
    });
    if (Math.abs(itemSum - s.points) > EPS)
      out.push(
        issue(
          `${p}.points`,
          `items add up to ${round(itemSum)}, not the section's ${s.points}`,
          `各项分值合计 ${round(itemSum)}，与本部分分值 ${s.points} 不符`,
        ),
      );
  });
  if (Math.abs(sum - t.total) > EPS)
    out.push(issue('total', `sections add up to ${round(sum)}, not ${t.total}`, `各部分分值合计 ${round(sum)}，与总分 ${t.total} 不符`));

  // Grade bands: each grade once, ordered from 优秀 down, contiguous from 0 to the total, no overlap.
  const order = t.grades.map((g) => GRADES.indexOf(g.grade));
  if (new Set(order).size !== order.length) out.push(issue('grades', 'a grade is listed twice', '等次重复'));
  if (!t.grades.some((g) => g.grade === 'fail'))
    out.push(issue('grades', 'the 不合格 (fail) band is missing (a veto hit needs it)', '缺少“不合格”等次（否决项需要）'));
  const bands = [...t.grades].sort((a, b) => a.min - b.min);
  bands.forEach((b, i) => {
    const p = `grades.${t.grades.indexOf(b)}`;
    if (b.min >= b.max) out.push(issue(`${p}.min`, `min ${b.min} is not below max ${b.max}`, `下限 ${b.min} 不小于上限 ${b.max}`));
    const prev = bands[i - 1];
    if (i === 0 && b.min !== 0) out.push(issue(`${p}.min`, `the lowest band must start at 0, not ${b.min}`, `最低等次应从 0 分起，而不是 ${b.min}`));
    if (prev && b.min < prev.max)
      out.push(issue(`${p}.min`, `overlaps the ${prev.grade} band (${prev.min}–${prev.max})`, `与“${prev.grade}”等次（${prev.min}–${prev.max}）重叠`));
    if (prev && b.min > prev.max) out.push(issue(`${p}.min`, `leaves a gap after ${prev.max}`, `与下一等次之间有空档（${prev.max}–${b.min}）`));
    if (prev && GRADES.indexOf(b.grade) > GRADES.indexOf(prev.grade))
      out.push(issue(`${p}.grade`, `${b.grade} is placed above ${prev.grade}`, `等次顺序颠倒：${b.grade} 高于 ${prev.grade}`));
  });
  const top = bands[bands.length - 1];
  if (top && Math.abs(top.max - t.total) > EPS)
    out.push(issue(`grades.${t.grades.indexOf(top)}.max`, `the top band must end at the total ${t.total}`, `最高等次应止于总分 ${t.total}`));
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export type TemplateCheck = { ok: true; template: ReviewTemplate; issues: [] } | { ok: false; template: null; issues: FieldIssue[] };

export function parseTemplate(raw: unknown, knownRules: readonly string[] | null): TemplateCheck {
  const r = templateSchema.safeParse(raw);
  if (!r.success) return { ok: false, template: null, issues: describeIssues(r.error.issues) };
  const issues = templateIssues(r.data, knownRules);
  return issues.length ? { ok: false, template: null, issues } : { ok: true, template: r.data, issues: [] };
}

/** Checks a template file without throwing (`review-template check FILE`). */
export function checkTemplateFile(file: string, knownRules: readonly string[] | null): TemplateCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const m = (e as Error).message;
    return {
      ok: false,
      template: null,
      issues: [{ path: '', message: `${file}: not readable JSON (${m})`, messageZh: `${file}：不是有效的 JSON 文件（${m}）` }],
    };
  }
  return parseTemplate(raw, knownRules);
}

/** Loads a template file or throws naming the file and the first bad field. */
export function loadTemplateFile(file: string, knownRules: readonly string[] | null): ReviewTemplate {
  const r = checkTemplateFile(file, knownRules);
  if (r.ok) return r.template;
  const first = r.issues[0];
  const more = r.issues.length > 1 ? ` (+${r.issues.length - 1})` : '';
  const moreZh = r.issues.length > 1 ? `（另有 ${r.issues.length - 1} 处）` : '';
  throw new AppError('invalid_input', `${file}: ${first?.message ?? 'invalid'}${more}`, `${file}：${first?.messageZh ?? '无效'}${moreZh}`, {
    item: file,
    details: r.issues,
  });
}

export function templatesDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'review-templates');
}

/** The templates shipped in resources/review-templates (each validated). */
export function listTemplates(resourcesDir: string, knownRules: readonly string[] | null): ReviewTemplate[] {
  const dir = templatesDir(resourcesDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^[a-z0-9][a-z0-9-]*\.json$/.test(f))
    .sort()
    .map((f) => loadTemplateFile(path.join(dir, f), knownRules));
}

export function loadTemplate(resourcesDir: string, id: string, knownRules: readonly string[] | null): ReviewTemplate {
  const file = path.join(templatesDir(resourcesDir), `${id}.json`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || !existsSync(file)) throw new AppError('not_found', `no review template "${id}"`, `没有评查标准“${id}”`, { item: id });
  const t = loadTemplateFile(file, knownRules);
  if (t.id !== id)
    throw new AppError('invalid_input', `${file}: id "${t.id}" does not match the file name`, `${file}：id “${t.id}”与文件名不符`, { item: file });
  return t;
}

/** The canonical stored form of a template version and its digest. */
export function templateDigest(t: ReviewTemplate): { json: string; sha256: string } {
  const json = JSON.stringify(t);
  return { json, sha256: createHash('sha256').update(json).digest('hex') };
}
