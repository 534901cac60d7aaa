import type { FournessRow } from '../api/types-fourness.js';
import type { BindingProfile } from '../domain/profile-binding.js';
import { fromProblems } from './items.js';
import { fieldValue, type PackageMetadata } from './metadata-read.js';

/**
 * The metadata items of a package with the rule each must meet (length, type, value range), and the
 * checks DA/T 70 lists for them: 长度, 类型和格式, 值域, 合理性, 特殊字符, 档号规范性, 重复性.
 */
type ValueType = 'text' | 'date' | 'instant' | 'integer' | 'number' | 'hex64';

interface Item {
  label: string;
  value: string | null;
  max: number;
  type: ValueType;
  /** Special characters are reported but not failed (the original file name is kept verbatim by design). */
  verbatim?: boolean;
}

const TYPE_RE: Record<ValueType, RegExp> = {
  text: /^[\s\S]*$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  instant: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/,
  integer: /^\d+$/,
  number: /^\d+(\.\d+)?$/,
  hex64: /^[0-9a-f]{64}$/,
};
const TYPE_ZH: Record<ValueType, string> = {
  text: '文本',
  date: '日期（YYYY-MM-DD）',
  instant: '时间',
  integer: '整数',
  number: '数值',
  hex64: '64 位十六进制摘要',
};

const FIELD_TYPES: Record<string, { type: ValueType; max?: number }> = {
  立案日期: { type: 'date' },
  结案日期: { type: 'date' },
  立卷日期: { type: 'date' },
  归档时间: { type: 'instant' },
  拍摄时间: { type: 'instant' },
  版本: { type: 'integer' },
  卷数: { type: 'integer' },
  文件件数: { type: 'integer' },
  视听资料件数: { type: 'integer' },
  页数: { type: 'integer' },
  '时长（秒）': { type: 'number' },
  归档内容SHA256: { type: 'hex64' },
  '归档内容SHA-256': { type: 'hex64' },
};

/** Every metadata item of the package, labelled for the report. */
export function metadataItems(m: PackageMetadata): Item[] {
  const items: Item[] = [
    { label: '案号', value: m.case.caseNo, max: 200, type: 'text' },
    { label: '案件题名', value: m.case.title, max: 500, type: 'text' },
    { label: '案卷题名', value: m.dossier.title, max: 500, type: 'text' },
    { label: '档号', value: m.dossier.archiveCode || null, max: 64, type: 'text' },
    { label: '归档号', value: m.dossier.archiveNo || null, max: 32, type: 'integer' },
    { label: '保管期限', value: m.dossier.retention, max: 20, type: 'text' },
    { label: '立卷规范', value: m.dossier.profile, max: 100, type: 'text' },
  ];
  const fields = (owner: string, fs: { name: string; value: string }[]) =>
    fs.forEach((f) =>
      items.push({ label: `${owner}${f.name}`, value: f.value, max: FIELD_TYPES[f.name]?.max ?? 1000, type: FIELD_TYPES[f.name]?.type ?? 'text' }),
    );
  fields('', m.case.fields);
  fields('', m.dossier.fields);
  for (const v of m.dossier.volumes) {
    items.push({ label: `${v.label || v.path} 页数`, value: String(v.pages), max: 6, type: 'integer' });
    for (const e of v.entries ?? []) {
      const at = `${v.label ? `${v.label}` : ''}第 ${e.seq} 件`;
      items.push({ label: `${at}题名`, value: e.title, max: 500, type: 'text' });
      if (e.docNo !== null) items.push({ label: `${at}文号`, value: e.docNo, max: 100, type: 'text' });
      if (e.responsible !== null) items.push({ label: `${at}责任者`, value: e.responsible, max: 100, type: 'text' });
      if (e.date !== null) items.push({ label: `${at}日期`, value: e.date, max: 10, type: 'date' });
    }
  }
  for (const a of m.av) {
    items.push({ label: `视听资料 ${a.id} 原始文件名`, value: a.fileName, max: 255, type: 'text', verbatim: true });
    fields(`视听资料 ${a.id} `, a.fields);
  }
  for (const e of m.audit) items.push({ label: `审计记录 ${e.seq} 时间`, value: e.at, max: 40, type: 'instant' });
  return items;
}

export function lengthRow(items: Item[]): FournessRow {
  const bad = items
    .filter((i) => i.value !== null && [...i.value].length > i.max)
    .map((i) => ({ item: i.label, why: `长度 ${[...i.value!].length} 超过 ${i.max}` }));
  return fromProblems('metadata-length', '每个元数据项的字符数不超过其上限（题名 500、案号 200、档号 64 …）', bad, [`检查 ${items.length} 个元数据项`]);
}

export function typeRow(items: Item[]): FournessRow {
  const bad = items
    .filter((i) => i.value !== null && i.value !== '' && !TYPE_RE[i.type].test(i.value))
    .map((i) => ({ item: i.label, why: `“${i.value!.slice(0, 40)}”不是${TYPE_ZH[i.type]}` }));
  const typed = items.filter((i) => i.type !== 'text').length;
  return fromProblems('metadata-type', '日期、时间、整数、摘要类元数据项的格式', bad, [`${typed} 个有类型的元数据项`]);
}

// eslint-disable-next-line no-control-regex
const SPECIAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd\ue000-\uf8ff]/;

export function charactersRow(items: Item[]): FournessRow {
  const hits = items.filter((i) => i.value !== null && SPECIAL.test(i.value));
  const bad = hits
    .filter((i) => !i.verbatim)
    .map((i) => ({ item: i.label, why: `含有特殊字符 U+${(SPECIAL.exec(i.value!)![0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` }));
  const kept = hits.filter((i) => i.verbatim).map((i) => `${i.label}含控制或不可见字符，照原样记录（包内文件名已去除）`);
  return fromProblems('metadata-characters', '元数据项不含控制字符、双向控制符、零宽字符、替换符（U+FFFD）、私用区字符', bad, [
    `检查 ${items.length} 个元数据项`,
    ...kept,
  ]);
}

export function rangeRow(m: PackageMetadata, profile: BindingProfile | null): FournessRow {
  const bad: { item: string; why: string }[] = [];
  const vocabulary = profile ? profile.binding.retention.vocabulary.map((r) => r.label) : ['永久', '长期', '短期', '定期30年', '定期10年'];
  if (!vocabulary.includes(m.dossier.retention))
    bad.push({ item: '保管期限', why: `“${m.dossier.retention}”不在${profile ? '立卷规范' : ''}的保管期限表（${vocabulary.join('、')}）中` });
  const procedure = fieldValue(m.case.fields, '程序');
  if (procedure !== null && !['一般程序', '简易程序'].includes(procedure)) bad.push({ item: '程序', why: `“${procedure}”不是一般程序或简易程序` });
  for (const v of m.dossier.volumes) if (v.pages < 1) bad.push({ item: `${v.label || v.path} 页数`, why: '页数须至少为 1' });
  for (const a of m.av) {
    const d = Number(fieldValue(a.fields, '时长（秒）') ?? 0);
    if (d < 0 || d > 86_400) bad.push({ item: `视听资料 ${a.id} 时长`, why: `${d} 秒不在 0–86400 之间` });
  }
  return fromProblems('metadata-range', '设定值域的元数据项（保管期限、程序、页数、时长）取值在值域内', bad, [
    `保管期限值域：${vocabulary.join('、')}${profile ? `（${profile.name}）` : '（未找到立卷规范，按通用值域）'}`,
  ]);
}

export function plausibleRow(m: PackageMetadata): FournessRow {
  const bad: { item: string; why: string }[] = [];
  const filed = fieldValue(m.case.fields, '立案日期');
  const closed = fieldValue(m.case.fields, '结案日期');
  const sealed = fieldValue(m.dossier.fields, '归档时间')?.slice(0, 10) ?? null;
  if (filed && closed && filed > closed) bad.push({ item: '立案日期', why: `立案日期 ${filed} 晚于结案日期 ${closed}` });
  if (closed && sealed && closed > sealed) bad.push({ item: '结案日期', why: `结案日期 ${closed} 晚于归档时间 ${sealed}` });
  const year = (s: string | null) => (s ? Number(s.slice(0, 4)) : null);
  for (const [label, v] of [
    ['立案日期', filed],
    ['结案日期', closed],
  ] as const) {
    const y = year(v);
    if (y !== null && (y < 1990 || y > 2100)) bad.push({ item: label, why: `年份 ${y} 不合理` });
  }
  for (const v of m.dossier.volumes)
    for (const e of v.entries ?? [])
      if (e.date && sealed && e.date > sealed) bad.push({ item: `第 ${e.seq} 件日期`, why: `文件日期 ${e.date} 晚于归档时间 ${sealed}` });
  for (const a of m.av) {
    const at = fieldValue(a.fields, '拍摄时间')?.slice(0, 10) ?? null;
    if (at && sealed && at > sealed) bad.push({ item: `视听资料 ${a.id} 拍摄时间`, why: `拍摄时间 ${at} 晚于归档时间 ${sealed}` });
  }
  return fromProblems('metadata-plausible', '日期先后合理：立案 ≤ 结案 ≤ 归档，文件日期与拍摄时间不晚于归档', bad, [
    `立案 ${filed ?? '—'}，结案 ${closed ?? '—'}，归档 ${sealed ?? '—'}`,
  ]);
}

/** 档号 against the profile's pattern, and the 归档号 against its `{year}{serial}` rule. */
export function archiveCodeRow(m: PackageMetadata, profile: BindingProfile | null): FournessRow {
  const checked = '档号、归档号符合立卷规范规定的编制格式';
  const bad: { item: string; why: string }[] = [];
  const evidence: string[] = [];
  const code = m.dossier.archiveCode;
  const no = m.dossier.archiveNo;
  if (!profile) {
    const generic = /^[A-Za-z0-9]+(?:[-·][A-Za-z0-9]+)+$/;
    evidence.push(`包内立卷规范“${m.dossier.profile}”未随本软件提供，按 DA/T 13 通用格式检查`);
    if (code && !generic.test(code)) bad.push({ item: '档号', why: `“${code}”不符合“全宗号-…-件号”的格式` });
    if (!/^\d{6,12}$/.test(no)) bad.push({ item: '归档号', why: `“${no}”不是数字编号` });
    return fromProblems('archive-code', checked, bad, evidence);
  }
  const b = profile.binding;
  const noRe = patternRegex(b.archiveNo.pattern, profile);
  if (!noRe.test(no)) bad.push({ item: '归档号', why: `“${no}”不符合格式 ${b.archiveNo.pattern}（流水号 ${b.archiveNo.serialDigits} 位）` });
  else evidence.push(`归档号 ${no} 符合 ${b.archiveNo.pattern}`);
  if (!code) evidence.push('档号未编制（全宗号、目录号未配置），由档案馆编制');
  else {
    const codeRe = patternRegex(b.archiveCode.pattern, profile);
    if (!codeRe.test(code)) bad.push({ item: '档号', why: `“${code}”不符合立卷规范的档号格式 ${b.archiveCode.pattern}` });
    else evidence.push(`档号 ${code} 符合 ${b.archiveCode.pattern}`);
  }
  return fromProblems('archive-code', checked, bad, evidence);
}

function patternRegex(pattern: string, profile: BindingProfile): RegExp {
  const b = profile.binding;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const codes = b.retention.vocabulary.map((r) => esc(r.code)).join('|');
  const piece: Record<string, string> = {
    fonds: '[A-Za-z0-9]{1,16}',
    catalog: '[A-Za-z0-9]{1,16}',
    file: `\\d{${b.archiveNo.serialDigits},}`,
    serial: `\\d{${b.archiveNo.serialDigits}}`,
    year: '\\d{4}',
    retention: `(?:${codes})`,
    class: esc(b.archiveCode.classCode),
    org: esc(b.archiveCode.orgCode),
    archiveNo: '\\d+',
    volume: '\\d+',
  };
  const parts = pattern.split(/(\{[A-Za-z]+\})/).map((p) => (/^\{[A-Za-z]+\}$/.test(p) ? (piece[p.slice(1, -1)] ?? '.+') : esc(p)));
  return new RegExp(`^${parts.join('')}$`);
}

/** 档号 / 文号 / 题名 repeated within the package. */
export function duplicatesRow(m: PackageMetadata): FournessRow {
  const bad: { item: string; why: string }[] = [];
  const seen = (label: string, values: { key: string; where: string }[]) => {
    const first = new Map<string, string>();
    for (const v of values) {
      const k = v.key.normalize('NFKC').replace(/\s+/g, '');
      if (!k) continue;
      const prev = first.get(k);
      if (prev) bad.push({ item: v.where, why: `${label}“${v.key}”与${prev}重复` });
      else first.set(k, v.where);
    }
  };
  const entries = m.dossier.volumes.flatMap((v) => (v.entries ?? []).map((e) => ({ e, where: `${v.label ? `${v.label}` : ''}第 ${e.seq} 件` })));
  seen(
    '文号',
    entries.map(({ e, where }) => ({ key: e.docNo ?? '', where })),
  );
  seen(
    '题名',
    // The same title may recur (two 询问笔录); a title with the same 文号 twice is one document filed twice.
    entries.filter(({ e }) => e.type === 'document' && e.docNo).map(({ e, where }) => ({ key: `${e.title}|${e.docNo}`, where })),
  );
  seen(
    '视听资料编号',
    m.av.map((a) => ({ key: a.id, where: `视听资料 ${a.id}` })),
  );
  seen(
    '卷的档号/路径',
    m.dossier.volumes.map((v) => ({ key: v.path, where: v.label || v.path })),
  );
  return fromProblems('metadata-duplicates', '包内档号、文号、题名（同文号的同题文件）、视听资料编号不重复', bad, [
    `${entries.length} 件、${m.av.length} 件视听资料、${m.dossier.volumes.length} 卷`,
  ]);
}
