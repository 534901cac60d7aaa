import type { FournessRow } from '../api/types-fourness.js';
import { fromProblems, row } from './items.js';
import { fieldValue, type PackageMetadata } from './metadata-read.js';
import type { PackageEvidence } from './package-evidence.js';
import { pdfaProblems } from './pdfa-conformance.js';

type Problem = { item: string; why: string };

/** Cover fields the archives office assigns later, or that are empty by design (one volume has no 卷册 label). */
const FILLED_LATER = new Set(['archiveCode', 'fondsNo', 'catalogNo', 'fileNo', 'volume', 'secrecy']);

/** 2-3: the metadata elements every package must have (DA/T 46-style: case, dossier, volumes with digests, AV items with digests). */
export function completeRow(m: PackageMetadata | null): FournessRow {
  const checked = '案件、案卷、卷（路径、页数、摘要、卷皮著录项、卷内目录）、视听资料（文件名、摘要）与审计记录等元数据项齐全';
  if (!m) return row('metadata-complete', { outcome: 'fail', checked, reason: 'metadata.xml 无法读取', failing: ['data/metadata.xml'] });
  const bad: Problem[] = [];
  if (!m.case.caseNo) bad.push({ item: '案号', why: '缺失' });
  if (!m.dossier.title) bad.push({ item: '案卷题名', why: '缺失' });
  if (!m.dossier.archiveNo) bad.push({ item: '归档号', why: '缺失' });
  if (!m.dossier.retention) bad.push({ item: '保管期限', why: '缺失' });
  if (!m.dossier.profile) bad.push({ item: '立卷规范', why: '缺失' });
  if (m.dossier.volumes.length === 0) bad.push({ item: '卷', why: '没有任何卷' });
  for (const v of m.dossier.volumes) {
    const at = v.label || v.path;
    if (!v.digests['SHA-256'] || !v.digests.SM3) bad.push({ item: at, why: '缺少 SHA-256 或 SM3 摘要' });
    if (!v.cover) bad.push({ item: at, why: '缺少卷皮著录项（cover）' });
    if (!v.entries) bad.push({ item: at, why: '缺少卷内目录（entries）' });
  }
  for (const a of m.av) {
    if (!a.fileName) bad.push({ item: `视听资料 ${a.id}`, why: '缺少原始文件名' });
    if (!a.digests['SHA-256']) bad.push({ item: `视听资料 ${a.id}`, why: '缺少 SHA-256 摘要' });
  }
  return fromProblems('metadata-complete', checked, bad, [`${m.dossier.volumes.length} 卷、${m.av.length} 件视听资料、${m.audit.length} 条审计记录`]);
}

/** 2-4: the 必填著录项 the profile puts on the cover, each 件's 题名/日期/页号, each AV item's 拍摄时间/拍摄人/时长. */
export function requiredRow(m: PackageMetadata | null): FournessRow {
  const checked = '立卷规范规定的卷皮著录项有值；每件文件有题名、日期、页号；每件视听资料有拍摄时间、拍摄人、时长';
  if (!m) return row('required-items', { outcome: 'fail', checked, reason: 'metadata.xml 无法读取', failing: ['data/metadata.xml'] });
  const bad: Problem[] = [];
  let required = 0;
  // 简易程序 (当场处罚) has no 立案 (行政处罚法 第51条): its 立案日期 is empty by law.
  const summary = fieldValue(m.case.fields, '程序') === '简易程序';
  for (const v of m.dossier.volumes) {
    const at = v.label ? `${v.label}` : '';
    for (const c of v.cover ?? []) {
      if (FILLED_LATER.has(c.field) || (summary && c.field === 'filedOn')) continue;
      required++;
      if (!c.value.trim()) bad.push({ item: `${at}卷皮“${c.label}”`, why: '必填著录项为空' });
    }
    for (const e of v.entries ?? []) {
      const where = `${at}第 ${e.seq} 件“${e.title || '（无题名）'}”`;
      if (!e.title.trim()) bad.push({ item: where, why: '缺少题名' });
      if (e.type === 'document') {
        if (!e.date) bad.push({ item: where, why: '缺少日期' });
        if (e.start === null) bad.push({ item: where, why: '缺少页号' });
      }
    }
  }
  for (const a of m.av) {
    for (const name of ['拍摄时间', '拍摄人', '时长（秒）'])
      if (!fieldValue(a.fields, name)?.trim()) bad.push({ item: `视听资料“${a.fileName}”`, why: `缺少${name}` });
  }
  return fromProblems('required-items', checked, bad, [`卷皮必填著录项 ${required} 个（档号、全宗号、目录号、案卷号由档案馆编制，不作必填）`]);
}

/** 2-5: the case's processing history is in the package: the seal, each document's and clip's registration. */
export function historyRow(m: PackageMetadata | null): FournessRow {
  const checked = '包内有本案的过程信息：归档（dossier.seal）、每件文件的登记、每件视听资料的采集';
  if (!m) return row('process-history', { outcome: 'fail', checked, reason: 'metadata.xml 无法读取', failing: ['data/metadata.xml'] });
  const bad: Problem[] = [];
  const actions = new Map<string, number>();
  for (const e of m.audit) actions.set(e.action, (actions.get(e.action) ?? 0) + 1);
  if (!actions.has('dossier.seal') && !actions.has('dossier.sealBatch')) bad.push({ item: '审计记录', why: '没有归档（dossier.seal）记录' });
  if (!m.audit.some((e) => e.action.startsWith('case.'))) bad.push({ item: '审计记录', why: '没有案件登记记录' });
  for (const a of m.av)
    if (!m.audit.some((e) => e.targetType === 'clip' && e.targetId === a.id) && !m.audit.some((e) => e.target === `clip ${a.id}`))
      bad.push({ item: `视听资料 ${a.id}`, why: '没有采集或关联记录' });
  for (let i = 1; i < m.audit.length; i++) if (m.audit[i]!.seq <= m.audit[i - 1]!.seq) bad.push({ item: `审计记录 ${m.audit[i]!.seq}`, why: '顺序号没有递增' });
  const shown = [...actions].map(([a, n]) => `${a} ×${n}`).join('、');
  return fromProblems('process-history', checked, bad, [`${m.audit.length} 条审计记录：${shown || '无'}`]);
}

/** 2-6: 件号 1…n without gaps in each volume, page ranges that follow on, volumes 1…n, a 归档号 whose serial starts at 1 or later. */
export function continuityRow(m: PackageMetadata | null): FournessRow {
  const checked = '卷内件号从 1 起连续、页号前后衔接，归档号流水号有效';
  if (!m) return row('continuity', { outcome: 'fail', checked, reason: 'metadata.xml 无法读取', failing: ['data/metadata.xml'] });
  const bad: Problem[] = [];
  let entries = 0;
  for (const v of m.dossier.volumes) {
    const at = v.label ? `${v.label}` : '';
    const list = v.entries ?? [];
    entries += list.length;
    list.forEach((e, i) => {
      if (e.seq !== i + 1) bad.push({ item: `${at}第 ${e.seq} 件`, why: `件号应为 ${i + 1}（件号不连续）` });
      const prev = list[i - 1];
      const prevEnd = prev ? (prev.end ?? prev.start) : null;
      if (prevEnd !== null && e.start !== null && e.start !== prevEnd + 1 && e.start <= prevEnd)
        bad.push({ item: `${at}第 ${e.seq} 件`, why: `起始页 ${e.start} 与上一件的止页 ${prevEnd} 重叠` });
      if (prevEnd !== null && e.start !== null && e.start > prevEnd + 1)
        bad.push({ item: `${at}第 ${e.seq} 件`, why: `第 ${prevEnd + 1}–${e.start - 1} 页缺失（页号不连续）` });
      if (e.start !== null && e.end !== null && e.end < e.start) bad.push({ item: `${at}第 ${e.seq} 件`, why: `止页 ${e.end} 小于起始页 ${e.start}` });
    });
  }
  const serial = /^(\d{4})(\d+)$/.exec(m.dossier.archiveNo);
  if (!serial || Number(serial[2]) < 1) bad.push({ item: '归档号', why: `“${m.dossier.archiveNo}”没有有效的年度流水号` });
  return fromProblems('continuity', checked, bad, [`${m.dossier.volumes.length} 卷、${entries} 件；归档号 ${m.dossier.archiveNo || '—'}`]);
}

/** 3-1: metadata.xml parses and validates against the shipped schema. */
export function readableRow(e: PackageEvidence): FournessRow {
  const checked = 'data/metadata.xml 可解析，并符合随软件提供的 XML Schema（resources/schema/transfer-package.xsd，libxml2 校验）';
  if (e.pkg.metadataXml === null)
    return row('metadata-readable', { outcome: 'fail', checked, reason: 'data/metadata.xml 不存在', failing: ['data/metadata.xml'] });
  if (e.parseErrors.length)
    return row('metadata-readable', { outcome: 'fail', checked, reason: `XML 无法解析：${e.parseErrors[0]}`, failing: ['data/metadata.xml'] });
  if (!e.schema.valid)
    return row('metadata-readable', {
      outcome: 'fail',
      checked,
      reason: `不符合 Schema：${e.schema.errors.slice(0, 3).join('；')}`,
      failing: ['data/metadata.xml'],
      evidence: e.schema.errors.slice(0, 20),
    });
  return row('metadata-readable', { outcome: 'pass', checked, evidence: [`${Buffer.byteLength(e.pkg.metadataXml)} 字节，解析并通过 Schema 校验`] });
}

/** 3-3 (formats: PDF/A on every volume, footage probed) and 3-8 (no encryption, no non-public compression or codecs). */
export function formatRows(e: PackageEvidence): FournessRow[] {
  const fmt: Problem[] = [];
  const comp: Problem[] = [];
  const ev: string[] = [];
  for (const [p, f] of e.pdfa) {
    for (const why of pdfaProblems(f)) {
      const target = /加密|压缩/.test(why) ? comp : fmt;
      target.push({ item: p, why });
      if (why === '已加密' && target === comp) fmt.push({ item: p, why: '已加密，不符合 PDF/A' });
    }
    ev.push(
      `${p}：${f.pages ?? '?'} 页，PDF/A-${f.claim ?? '?'}，字体 ${f.fonts} 个${f.unembeddedFonts.length ? `（${f.unembeddedFonts.length} 个未嵌入）` : '全部嵌入'}${f.outputIntent ? '，有 OutputIntent' : ''}${f.encrypted ? '，已加密' : ''}`,
    );
  }
  for (const [p, f] of e.footage) {
    if (f.probeError) fmt.push({ item: p, why: `音像文件无法读取：${f.probeError}` });
    else if (!f.container) fmt.push({ item: p, why: '文件头不是已知的音像容器格式' });
    if (f.nonPublicCodecs.length) comp.push({ item: p, why: `非公开编码：${f.nonPublicCodecs.join('、')}` });
    if (f.probed)
      ev.push(`${p}：${f.probed.formatName}，${f.probed.codecs.join('/')}${f.probed.durationSec !== null ? `，${f.probed.durationSec.toFixed(1)} 秒` : ''}`);
  }
  for (const f of e.pkg.files.filter((x) => x.path.startsWith('data/') && x.path !== 'data/metadata.xml'))
    if (!e.pdfa.has(f.path) && !e.footage.has(f.path)) fmt.push({ item: f.path, why: '不是卷（PDF）或音像文件，格式未知' });
  return [
    fromProblems(
      'content-format',
      '每卷符合 PDF/A-2b（XMP pdfaid、OutputIntent、字体全部嵌入、未加密）；每个音像文件的容器与编码可由 ffprobe 读取',
      fmt,
      ev.slice(0, 40),
    ),
    fromProblems('package-format', '内容文件未加密，未使用非公开压缩（LZW 等）或非公开音视频编码', comp, [`${e.pdfa.size} 卷、${e.footage.size} 个音像文件`]),
  ];
}

/** 3-2: the catalogue database is not part of a package. */
export function databaseRow(): FournessRow {
  return row('database-accessible', {
    outcome: 'na',
    checked: '数据库元数据可访问',
    reason: '移交包不含数据库，元数据全部在 data/metadata.xml 中（见 3-1）；数据库的检测在长期保存环节进行',
  });
}

/** 4-7: who did what, from the audit events: every event names its operator, times are in order, nothing changed the dossier after the seal but corrections and exports. */
export function processSecurityRow(m: PackageMetadata | null): FournessRow {
  const checked = '每条操作记录有操作人与时间，时间先后有序；归档后除更正、导出、查阅外无改动案卷的操作';
  if (!m) return row('process-security', { outcome: 'fail', checked, reason: 'metadata.xml 无法读取', failing: ['data/metadata.xml'] });
  const bad: Problem[] = [];
  const actors = new Map<string, number>();
  for (const e of m.audit) {
    if (!e.actor.trim()) bad.push({ item: `审计记录 ${e.seq}`, why: '没有操作人' });
    else actors.set(e.actor, (actors.get(e.actor) ?? 0) + 1);
  }
  for (let i = 1; i < m.audit.length; i++)
    if (m.audit[i]!.at < m.audit[i - 1]!.at) bad.push({ item: `审计记录 ${m.audit[i]!.seq}`, why: '时间早于上一条记录' });
  const seal = m.audit.find((e) => e.action === 'dossier.seal' || e.action === 'dossier.sealBatch');
  if (seal) {
    const allowed =
      /^(dossier\.(correct|export|seal|sealBatch|acknowledge)|fourness\.|retrieval\.|review\.|clip\.(view|export|proxy)|footage\.(view|verify|derive)|document\.view|case\.view)/;
    for (const e of m.audit)
      if (e.seq > seal.seq && (e.targetType === 'dossier' || e.targetType === 'document') && !allowed.test(e.action))
        bad.push({ item: `审计记录 ${e.seq}`, why: `归档后有“${e.action}”操作` });
  }
  const who = [...actors].map(([a, n]) => `${a}（${n}）`).join('、');
  return fromProblems('process-security', checked, bad, [`操作人：${who || '无'}`, seal ? `归档：${seal.actor}，${seal.at}` : '无归档记录']);
}
