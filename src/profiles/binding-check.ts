import type { z } from 'zod';
import { describeIssues, type FieldIssue } from '../api/validate.js';
import { pathLabelZh, pathText } from '../api/field-labels.js';
import {
  ARCHIVE_CODE_PLACEHOLDERS,
  ARCHIVE_NO_PLACEHOLDERS,
  bindingSchema,
  type DateEndpoint,
  placeholders,
  type ProfileBinding,
  type Requirement,
} from '../domain/profile-binding.js';

/**
 * Validates a profile's `binding` section: the schema, then the cross-references against the
 * profile's own catalogue (kind codes, stages) and within the section (group ids, conditions,
 * retention codes, pattern placeholders). Every issue names the field path, in English and Chinese.
 */
type Path = (string | number)[];

const REASONS: Record<string, [string, string]> = {
  bad_binding_id: ['must be lowercase letters, digits and -', '只能使用小写字母、数字和 -'],
  bad_kind_code: ['must be 2–16 uppercase letters/digits', '必须为 2–16 位大写字母或数字'],
  bad_retention_code: ['must be an uppercase code such as Y, D30, D10', '必须为保管期限代码，如 Y、D30、D10'],
  empty_condition: ['needs at least one test in any or all', '条件至少需要一项判断（any 或 all）'],
  unknown_kind: ['names a document kind the catalogue (documentKinds) does not define', '引用了文书种类目录中没有的文书种类代码'],
  unknown_group: ['names an order group this procedure does not define', '引用了该程序立卷顺序中没有的分组'],
  unknown_condition: ['names a condition not defined under binding.conditions', '引用了 binding.conditions 中未定义的条件'],
  unknown_retention: ['names a retention code not in retention.vocabulary', '引用了保管期限代码表中没有的代码'],
  unknown_stage: ['names a stage the profile does not define', '引用了规范中未定义的阶段'],
  unknown_placeholder: ['uses a placeholder this pattern does not support', '使用了该格式不支持的占位符'],
  needs_serial: ['must contain {serial}', '必须包含 {serial}（流水号）'],
  duplicate: ['is duplicated', '重复'],
  kind_in_two_groups: ['lists a kind that an earlier group of the same procedure already lists', '该文书种类已在同一程序的前面分组中列出'],
  missing_binding: ['is missing: the profile has no binding rules (立卷规则)', '缺少立卷规则（binding）部分'],
};

export interface BindingCheckProfile {
  stages: { id: string }[];
  documentKinds: { code: string }[];
}

/** Parses `raw` (the profile's `binding` value) and cross-checks it; returns the binding or the issues. */
export function checkBinding(raw: unknown, profile: BindingCheckProfile): { ok: true; binding: ProfileBinding } | { ok: false; issues: FieldIssue[] } {
  if (raw === undefined) return { ok: false, issues: [issue(['binding'], 'missing_binding')] };
  const r = bindingSchema.safeParse(raw);
  if (!r.success) return { ok: false, issues: describeBindingIssues(r.error.issues) };
  const issues = crossCheck(r.data, profile).map(([p, reason, extra]) => issue(['binding', ...p], reason, extra));
  return issues.length ? { ok: false, issues } : { ok: true, binding: r.data };
}

function describeBindingIssues(raw: readonly z.core.$ZodIssue[]): FieldIssue[] {
  const generic = describeIssues(raw.map((i) => ({ ...i, path: ['binding', ...i.path] })));
  return raw.map((i, n) => (REASONS[i.message] ? issue(['binding', ...(i.path as Path)], i.message) : generic[n]!));
}

function issue(path: Path, reason: string, extra?: string): FieldIssue {
  const [en, zh] = REASONS[reason] ?? [reason, reason];
  const p = pathText(path);
  const tail = extra ? ` (${extra})` : '';
  const tailZh = extra ? `（${extra}）` : '';
  return { path: p, message: `${p}: ${en}${tail}`, messageZh: `${pathLabelZh(path)}：${zh}${tailZh}` };
}

function crossCheck(b: ProfileBinding, profile: BindingCheckProfile): [Path, string, string?][] {
  const out: [Path, string, string?][] = [];
  const kinds = new Set(profile.documentKinds.map((k) => k.code));
  const stages = new Set(profile.stages.map((s) => s.id));
  const conditions = new Set(Object.keys(b.conditions));
  const kind = (p: Path, c: string) => {
    if (!kinds.has(c)) out.push([p, 'unknown_kind', c]);
  };
  const cond = (p: Path, ids: string[] | undefined) => ids?.forEach((id, i) => !conditions.has(id) && out.push([[...p, i], 'unknown_condition', id]));

  for (const [id, c] of Object.entries(b.conditions)) {
    for (const part of ['any', 'all'] as const) {
      c[part].forEach((t, i) => 'hasKind' in t && t.hasKind.forEach((k, j) => kind(['conditions', id, part, i, 'hasKind', j], k)));
    }
  }
  for (const [c, kb] of Object.entries(b.kinds)) {
    kind(['kinds', c], c);
    kb.satisfiedBy.forEach((k, i) => kind(['kinds', c, 'satisfiedBy', i], k));
    if (kb.attach && kb.attach !== 'served') kb.attach.after.forEach((k, i) => kind(['kinds', c, 'attach', 'after', i], k));
    kb.requiredWhen.forEach((r: Requirement, i) => {
      if (r === 'always') return;
      cond(['kinds', c, 'requiredWhen', i, 'when'], r.when);
      cond(['kinds', c, 'requiredWhen', i, 'unless'], r.unless);
    });
  }
  for (const proc of ['general', 'summary'] as const) {
    const ids = new Set<string>();
    const listed = new Set<string>();
    b.order[proc].forEach((g, i) => {
      if (ids.has(g.id)) out.push([['order', proc, i, 'id'], 'duplicate', g.id]);
      ids.add(g.id);
      g.kinds.forEach((k, j) => {
        kind(['order', proc, i, 'kinds', j], k);
        if (listed.has(k)) out.push([['order', proc, i, 'kinds', j], 'kind_in_two_groups', k]);
        listed.add(k);
      });
    });
    if (!ids.has(b.unlistedGroup[proc])) out.push([['unlistedGroup', proc], 'unknown_group', b.unlistedGroup[proc]]);
    if (!ids.has(b.avSheets.group[proc])) out.push([['avSheets', 'group', proc], 'unknown_group', b.avSheets.group[proc]]);
  }
  const codes = new Set<string>();
  b.retention.vocabulary.forEach((v, i) => {
    if (codes.has(v.code)) out.push([['retention', 'vocabulary', i, 'code'], 'duplicate', v.code]);
    codes.add(v.code);
  });
  for (const proc of ['general', 'summary'] as const) {
    if (!codes.has(b.retention.byProcedure[proc])) out.push([['retention', 'byProcedure', proc], 'unknown_retention', b.retention.byProcedure[proc]]);
  }
  for (const [label, c] of Object.entries(b.retention.aliases)) if (!codes.has(c)) out.push([['retention', 'aliases', label], 'unknown_retention', c]);
  b.dateChecks.beforeFilingStages.forEach((s, i) => !stages.has(s) && out.push([['dateChecks', 'beforeFilingStages', i], 'unknown_stage', s]));
  const seqIds = new Set<string>();
  b.dateChecks.sequence.forEach((rule, i) => {
    if (seqIds.has(rule.id)) out.push([['dateChecks', 'sequence', i, 'id'], 'duplicate', rule.id]);
    seqIds.add(rule.id);
    const ends: [string, DateEndpoint][] = [
      ['earlier', rule.earlier],
      ['later', rule.later],
    ];
    for (const [side, e] of ends) if ('kinds' in e) e.kinds.forEach((k, j) => kind(['dateChecks', 'sequence', i, side, 'kinds', j], k));
  });
  const pattern = (p: Path, text: string, allowed: readonly string[]) =>
    placeholders(text).forEach((ph) => !allowed.includes(ph) && out.push([p, 'unknown_placeholder', `{${ph}}`]));
  pattern(['archiveNo', 'pattern'], b.archiveNo.pattern, ARCHIVE_NO_PLACEHOLDERS);
  if (!placeholders(b.archiveNo.pattern).includes('serial')) out.push([['archiveNo', 'pattern'], 'needs_serial']);
  pattern(['archiveCode', 'pattern'], b.archiveCode.pattern, ARCHIVE_CODE_PLACEHOLDERS);
  pattern(['archiveCode', 'volumeSuffix'], b.archiveCode.volumeSuffix, ARCHIVE_CODE_PLACEHOLDERS);
  return out;
}
