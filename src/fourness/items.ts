import type { FournessDimension, FournessOutcome, FournessRow } from '../api/types-fourness.js';

/**
 * The DA/T 70-2018 items that apply to our packages and archive, with the codes DOMAIN.md §5.1 gives
 * (a vendor's result set; items without a published code have none). Each check module returns a
 * row for one of these keys; `row()` fills in the code, dimension and name.
 */
export const FOURNESS_ITEMS = {
  fixity: { code: '1-1', dimension: 'authenticity', name: '固化信息有效性检测' },
  'metadata-length': { code: null, dimension: 'authenticity', name: '元数据项数据长度检测' },
  'metadata-type': { code: null, dimension: 'authenticity', name: '元数据项数据类型、格式检测' },
  'metadata-range': { code: null, dimension: 'authenticity', name: '设定值域的元数据项值域符合度检测' },
  'metadata-plausible': { code: null, dimension: 'authenticity', name: '元数据项数据值合理性检测' },
  'metadata-characters': { code: null, dimension: 'authenticity', name: '元数据项数据包含特殊字符检测' },
  'archive-code': { code: null, dimension: 'authenticity', name: '档号规范性检测' },
  'metadata-duplicates': { code: null, dimension: 'authenticity', name: '元数据项数据重复性检测' },
  'electronic-properties': { code: '1-10', dimension: 'authenticity', name: '内容数据电子属性一致性检测' },
  'metadata-content-link': { code: '1-11', dimension: 'authenticity', name: '元数据与内容关联真实性检测' },
  'package-structure': { code: null, dimension: 'authenticity', name: '说明文件和目录文件规范性、信息包目录结构规范性检测' },
  'package-consistency': { code: '1-14', dimension: 'authenticity', name: '归档信息包真实性、一致性检测' },
  'item-count': { code: '2-1', dimension: 'integrity', name: '总件数相符性检测' },
  'byte-count': { code: '2-2', dimension: 'integrity', name: '总字节数相符性检测' },
  'metadata-complete': { code: '2-3', dimension: 'integrity', name: '元数据项完整性检测' },
  'required-items': { code: '2-4', dimension: 'integrity', name: '元数据必填著录项检测' },
  'process-history': { code: '2-5', dimension: 'integrity', name: '过程信息完整性检测' },
  continuity: { code: '2-6', dimension: 'integrity', name: '连续性元数据项检测' },
  'content-complete': { code: '2-7', dimension: 'integrity', name: '内容数据完整性检测' },
  'package-metadata-complete': { code: '2-10', dimension: 'integrity', name: '信息包元数据完整性检测' },
  'package-content-complete': { code: '2-11', dimension: 'integrity', name: '信息包内容数据完整性检测' },
  'metadata-readable': { code: '3-1', dimension: 'usability', name: '信息包元数据可读性检测' },
  'database-accessible': { code: '3-2', dimension: 'usability', name: '数据库元数据可访问性检测' },
  'content-format': { code: '3-3', dimension: 'usability', name: '内容数据格式检测' },
  'package-format': { code: '3-8', dimension: 'usability', name: '信息包内容格式合规性检测' },
  antivirus: { code: '4-1', dimension: 'security', name: '系统安装杀毒软件检测' },
  virus: { code: '4-2', dimension: 'security', name: '病毒感染检测' },
  'process-security': { code: '4-7', dimension: 'security', name: '归档、操作过程安全性检测' },
} as const satisfies Record<string, { code: string | null; dimension: FournessDimension; name: string }>;

export type FournessKey = keyof typeof FOURNESS_ITEMS;

const MAX_NAMED = 50;

/** What a check found: its outcome and the reason, the evidence, the failing items. */
export interface Finding {
  outcome: FournessOutcome;
  checked: string;
  reason?: string | null;
  evidence?: string[];
  failing?: string[];
}

export function row(key: FournessKey, f: Finding): FournessRow {
  const item = FOURNESS_ITEMS[key];
  const failing = [...new Set(f.failing ?? [])];
  return {
    key,
    code: item.code,
    dimension: item.dimension,
    name: item.name,
    checked: f.checked,
    outcome: f.outcome,
    reason: f.outcome === 'pass' ? null : (f.reason ?? null),
    evidence: f.evidence ?? [],
    failing: failing.slice(0, MAX_NAMED),
    failingCount: failing.length,
  };
}

/** A row from a list of problems: pass when there are none, else fail with the first few as the reason. */
export function fromProblems(key: FournessKey, checked: string, problems: { item: string; why: string }[], evidence: string[]): FournessRow {
  if (problems.length === 0) return row(key, { outcome: 'pass', checked, evidence });
  const shown = problems.slice(0, 5).map((p) => `${p.item}：${p.why}`);
  const more = problems.length > 5 ? `；另有 ${problems.length - 5} 处` : '';
  return row(key, { outcome: 'fail', checked, reason: shown.join('；') + more, evidence, failing: problems.map((p) => p.item) });
}

/** 2,481,223,117 */
export function grouped(n: number): string {
  return n.toLocaleString('en-US');
}
