import type { z } from 'zod';
import { AppError } from './errors.js';
import { pathLabelZh, pathText, reasonText } from './field-labels.js';

export interface FieldIssue {
  path: string;
  message: string;
  messageZh: string;
}

/** Converts zod issues to messages naming the field, in English and Chinese. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((i) => {
    const known = reasonText(i.message);
    const generic = known[0] === i.message;
    const en = generic ? i.message : known[0];
    let zh = generic ? zhForCode(i) : known[1];
    const p = pathText(i.path);
    const label = pathLabelZh(i.path);
    zh = label ? `${label}：${zh}` : zh;
    return { path: p, message: p ? `${p}: ${en}` : en, messageZh: zh };
  });
}

const ZH_TYPES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否（true/false）',
  array: '列表',
  object: '对象',
  date: '日期',
};

function zhForCode(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? '缺少此项' : `类型不对（应为 ${ZH_TYPES[i.expected] ?? i.expected}）`;
    case 'too_small':
      return '太短或太少';
    case 'too_big':
      return '太长或太多';
    case 'invalid_value':
      return `取值无效，可选：${i.values.map(String).join('、')}`;
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return `含有未知字段：${i.keys.join('、')}`;
    case 'invalid_union':
      return '格式不符合任何一种允许的形式';
    default:
      return '无效';
  }
}

/** Parses `input` or throws `invalid_input` naming each bad field. `what` names the item (a file, an operation). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  // reportInput: an issue says what it got, so 'wrong type' is not told as 'missing' (缺少此项).
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return r.data;
  const issues = describeIssues(r.error.issues);
  const first = issues[0];
  const more = issues.length > 1 ? ` (+${issues.length - 1})` : '';
  const moreZh = issues.length > 1 ? `（另有 ${issues.length - 1} 处）` : '';
  throw new AppError('invalid_input', `${what}: ${first?.message ?? 'invalid input'}${more}`, `${what}：${first?.messageZh ?? '输入无效'}${moreZh}`, {
    item: what,
    details: issues,
  });
}
