import type { FournessRow } from '../api/types-fourness.js';
import { entryHash } from '../audit/chain.js';
import { SM3_TAG_FILE } from '../export/bagit.js';
import { fromProblems, grouped, row } from './items.js';
import { fieldValue } from './metadata-read.js';
import { type PackageEvidence, payloadFiles } from './package-evidence.js';
import { REPORT_XML, TAG_FILES } from './package-files.js';

type Problem = { item: string; why: string };

/** 1-1: the digests metadata.xml records for each 件 (the catalogue's, taken at ingest and seal), re-computed; the audit entries' own hashes. */
export function fixityRow(e: PackageEvidence): FournessRow {
  const checked = '重新计算每个文件的 SHA-256 与 SM3，与 metadata.xml 记录的固化摘要比对；核验审计记录哈希链';
  if (!e.meta) return row('fixity', { outcome: 'fail', checked, reason: 'metadata.xml 无法读取，没有可比对的固化信息', failing: ['data/metadata.xml'] });
  const bad: Problem[] = [];
  let compared = 0;
  const compare = (path: string | null, label: string, recorded: Record<string, string>) => {
    if (!path) return;
    const got = e.digests.get(path);
    if (!got) return bad.push({ item: path, why: e.unreadable.get(path) ?? '文件缺失' });
    compared++;
    if (recorded['SHA-256'] && recorded['SHA-256'] !== got.sha256) bad.push({ item: path, why: `${label}的 SHA-256 与记录不符` });
    if (recorded.SM3 && recorded.SM3 !== got.sm3) bad.push({ item: path, why: `${label}的 SM3 与记录不符` });
    if (!recorded['SHA-256'] && !recorded.SM3) bad.push({ item: path, why: `${label}没有记录摘要` });
  };
  for (const v of e.meta.dossier.volumes) compare(v.path, `卷“${v.label || v.path}”`, v.digests);
  for (const a of e.meta.av) compare(a.path ? a.path : null, `视听资料“${a.fileName}”`, a.digests);
  const evidence = [`${compared} 个文件的 SHA-256 与 SM3 与 metadata.xml 一致`];
  const chain = chainOfEvents(e);
  bad.push(...chain.problems);
  evidence.push(chain.evidence);
  if (e.chain) {
    if (!e.chain.ok) bad.push({ item: '审计日志', why: e.chain.problem ?? '审计链核验未通过' });
    else evidence.push(`档案库审计链中本案 ${e.chain.checked} 条记录核验通过（与前后记录衔接、与锚点一致）`);
  }
  return fromProblems('fixity', checked, bad, evidence);
}

/** Each exported audit event's hash recomputed from what metadata.xml holds (src/audit/chain.ts), and consecutive entries linked. */
function chainOfEvents(e: PackageEvidence): { problems: Problem[]; evidence: string } {
  const events = e.meta?.audit ?? [];
  const problems: Problem[] = [];
  let verified = 0;
  for (const ev of events) {
    if (!ev.hash) {
      problems.push({ item: `审计记录 ${ev.seq}`, why: '没有哈希值' });
      continue;
    }
    if (ev.prevHash === null || ev.targetType === null || ev.targetId === null) continue;
    const h = entryHash(ev.prevHash, {
      seq: ev.seq,
      at: ev.at,
      actorId: ev.actorId,
      actor: ev.actor,
      action: ev.action,
      targetType: ev.targetType,
      targetId: ev.targetId,
      beforeDigest: ev.beforeDigest,
      afterDigest: ev.afterDigest,
      detail: ev.detail,
    });
    if (h !== ev.hash) problems.push({ item: `审计记录 ${ev.seq}`, why: '内容与其哈希值不符（被改动）' });
    else verified++;
  }
  for (let i = 1; i < events.length; i++) {
    const a = events[i - 1]!;
    const b = events[i]!;
    if (b.seq === a.seq + 1 && b.prevHash && a.hash && b.prevHash !== a.hash) problems.push({ item: `审计记录 ${b.seq}`, why: `与第 ${a.seq} 条的链接不符` });
  }
  return { problems, evidence: `包内 ${events.length} 条审计记录中 ${verified} 条按内容重新计算哈希一致` };
}

/** 1-10: each file's name, size, format and creation time against metadata.xml. */
export function propertiesRow(e: PackageEvidence): FournessRow {
  const checked = '文件名、大小、格式、创建时间（卷）与时长（音像）与 metadata.xml 记录一致';
  if (!e.meta) return row('electronic-properties', { outcome: 'fail', checked, reason: 'metadata.xml 无法读取', failing: ['data/metadata.xml'] });
  const bad: Problem[] = [];
  const sizes = new Map(e.pkg.files.map((f) => [f.path, f.size]));
  const sealed = fieldValue(e.meta.dossier.fields, '归档时间');
  for (const v of e.meta.dossier.volumes) {
    const size = sizes.get(v.path);
    if (size === undefined) continue; // named by 1-11
    if (v.size !== null && v.size !== size) bad.push({ item: v.path, why: `大小 ${grouped(size)} 字节，记录为 ${grouped(v.size)}` });
    if (!v.path.toLowerCase().endsWith('.pdf')) bad.push({ item: v.path, why: '卷文件的扩展名不是 .pdf' });
    const p = e.pdfa.get(v.path);
    if (p && p.pages !== null && p.pages !== v.pages) bad.push({ item: v.path, why: `PDF 有 ${p.pages} 页，记录为 ${v.pages} 页` });
  }
  let probed = 0;
  for (const a of e.meta.av) {
    if (!a.path) continue;
    const size = sizes.get(a.path);
    if (size === undefined) continue;
    if (a.size !== null && a.size !== size) bad.push({ item: a.path, why: `大小 ${grouped(size)} 字节，记录为 ${grouped(a.size)}` });
    const f = e.footage.get(a.path);
    if (!f) continue;
    probed++;
    if (f.container && !f.extensionAgrees) bad.push({ item: a.path, why: `内容是 ${f.container}，与扩展名不符` });
    const recorded = Number(fieldValue(a.fields, '时长（秒）'));
    const actual = f.probed?.durationSec ?? null;
    if (Number.isFinite(recorded) && recorded > 0 && actual !== null && Math.abs(actual - recorded) > Math.max(1, recorded * 0.01))
      bad.push({ item: a.path, why: `时长 ${actual.toFixed(1)} 秒，记录为 ${recorded} 秒` });
  }
  return fromProblems('electronic-properties', checked, bad, [
    `${e.meta.dossier.volumes.length} 卷、${probed} 个音像文件${sealed ? `；归档时间 ${sealed}` : ''}`,
  ]);
}

/** 1-11: every file metadata.xml names is in the package at that path, and every payload file is named by it. */
export function linkRow(e: PackageEvidence): FournessRow {
  const checked = 'metadata.xml 记录的每个存储路径都有文件，包内每个内容文件都有元数据';
  if (!e.meta) return row('metadata-content-link', { outcome: 'fail', checked, reason: 'metadata.xml 无法读取', failing: ['data/metadata.xml'] });
  const onDisk = new Set(payloadFiles(e).map((f) => f.path));
  const named = new Map<string, string>();
  for (const v of e.meta.dossier.volumes) named.set(v.path, `卷“${v.label || v.path}”`);
  for (const a of e.meta.av) if (a.path) named.set(a.path, `视听资料“${a.fileName}”`);
  const bad: Problem[] = [];
  for (const [p, what] of named) if (!onDisk.has(p)) bad.push({ item: p, why: `${what}的文件不在包内` });
  for (const p of onDisk) if (p !== 'data/metadata.xml' && !named.has(p)) bad.push({ item: p, why: '包内文件没有对应的元数据' });
  for (const v of e.meta.dossier.volumes) {
    const last = Math.max(0, ...(v.entries ?? []).map((x) => x.end ?? x.start ?? 0));
    if (last > v.pages) bad.push({ item: v.path, why: `目录页号到第 ${last} 页，卷只有 ${v.pages} 页` });
    for (const x of v.entries ?? [])
      if (x.avId && !e.meta.av.some((a) => a.id === x.avId)) bad.push({ item: `第 ${x.seq} 件`, why: `视听资料 ${x.avId} 不在 avItems 中` });
  }
  return fromProblems('metadata-content-link', checked, bad, [
    `${named.size} 个存储路径与 ${onDisk.size - (onDisk.has('data/metadata.xml') ? 1 : 0)} 个内容文件一一对应`,
  ]);
}

/** 说明文件 / 目录结构: bagit.txt, bag-info.txt, the data/ layout, no stray tag files or links. */
export function structureRow(e: PackageEvidence): FournessRow {
  const bad: Problem[] = [];
  if (!e.pkg.bagit || !/^BagIt-Version: 1\.0$/m.test(e.pkg.bagit)) bad.push({ item: 'bagit.txt', why: '缺失或不是 BagIt 1.0' });
  for (const k of ['Source-Organization', 'Bagging-Date', 'Payload-Oxum', 'External-Identifier'])
    if (!e.pkg.bagInfo.get(k)) bad.push({ item: 'bag-info.txt', why: `缺少 ${k}` });
  if (!e.pkg.files.some((f) => f.path === 'data/metadata.xml')) bad.push({ item: 'data/metadata.xml', why: '缺失' });
  const tagged = new Set<string>(TAG_FILES);
  for (const f of e.pkg.files) {
    if (f.path.startsWith('data/')) {
      if (!/^data\/(metadata\.xml|volumes\/[^/]+|footage\/[^/]+)$/.test(f.path)) bad.push({ item: f.path, why: '不在 data/volumes/ 或 data/footage/ 下' });
    } else if (!tagged.has(f.path) && !e.pkg.tagManifest.entries.has(f.path)) bad.push({ item: f.path, why: '包顶层多出的文件（不是标签文件）' });
  }
  for (const o of e.pkg.odd) bad.push({ item: o, why: '不是普通文件（链接或设备文件）' });
  return fromProblems('package-structure', 'bagit.txt、bag-info.txt 规范，包内目录为 data/volumes、data/footage 与 data/metadata.xml，无多余文件或链接', bad, [
    `${e.pkg.files.length} 个文件`,
  ]);
}

/** 1-14: the package now against the package as written (the writer's digests) or as its report recorded it. */
export function consistencyRow(e: PackageEvidence): FournessRow {
  const checked = '信息包当前状态与生成时（或上次检测时）一致';
  const b = e.before;
  if (!b) return row('package-consistency', { outcome: 'na', checked, reason: '包内没有先前的四性检测报告，无从比较前后状态（其余各项照常检测）' });
  if (b.kind === 'writer') {
    const bad: Problem[] = [];
    for (const [p, w] of b.digests) {
      const now = e.digests.get(p);
      if (!now) bad.push({ item: p, why: '写入后不见了' });
      else if (now.sha256 !== w.sha256 || now.sm3 !== w.sm3 || now.size !== w.size) bad.push({ item: p, why: '回读与写入时的摘要不同' });
    }
    return fromProblems('package-consistency', '回读的信息包与写入时计算的摘要一致（写入前后）', bad, [`${b.digests.size} 个文件写入与回读一致`]);
  }
  const manifest = e.digests.get('manifest-sha256.txt')?.sha256 ?? null;
  const sm3 = e.digests.get(SM3_TAG_FILE)?.sha256 ?? null;
  const oxum = e.pkg.bagInfo.get('Payload-Oxum') ?? '';
  const bad: Problem[] = [];
  if (manifest !== b.fingerprint.manifestSha256) bad.push({ item: 'manifest-sha256.txt', why: `与 ${b.checkedAt} 检测时不同` });
  if (sm3 !== b.fingerprint.sm3ManifestSha256) bad.push({ item: SM3_TAG_FILE, why: `与 ${b.checkedAt} 检测时不同` });
  if (oxum !== b.fingerprint.payloadOxum) bad.push({ item: 'bag-info.txt', why: `Payload-Oxum ${oxum}，检测时为 ${b.fingerprint.payloadOxum}` });
  return fromProblems('package-consistency', `${checked}（${REPORT_XML} 记录的清单摘要）`, bad, [`与 ${b.checkedAt} 的检测报告比对`]);
}

/** 2-1 件数, 2-2 字节数, 2-7 内容数据完整性 (manifest vs content), 2-11 declared vs actual files. */
export function countRows(e: PackageEvidence): FournessRow[] {
  const payload = payloadFiles(e);
  const oxum = /^(\d+)\.(\d+)$/.exec(e.pkg.bagInfo.get('Payload-Oxum') ?? '');
  const bytes = payload.reduce((n, f) => n + f.size, 0);
  const rows: FournessRow[] = [];

  const items: Problem[] = [];
  const m = e.meta;
  if (m) {
    const declared = (name: string) => {
      const v = fieldValue(m.dossier.fields, name);
      return v === null ? null : Number(v);
    };
    const docs = m.dossier.volumes.flatMap((v) => v.entries ?? []).filter((x) => x.type === 'document').length;
    const docDeclared = declared('文件件数');
    const hasEntries = m.dossier.volumes.some((v) => v.entries);
    if (hasEntries && docDeclared !== null && docDeclared !== docs) items.push({ item: '文件件数', why: `著录 ${docDeclared} 件，目录中有 ${docs} 件` });
    const avDeclared = declared('视听资料件数');
    if (avDeclared !== null && avDeclared !== m.av.length) items.push({ item: '视听资料件数', why: `著录 ${avDeclared} 件，avItems 中有 ${m.av.length} 件` });
    const volDeclared = declared('卷数');
    if (volDeclared !== null && volDeclared !== m.dossier.volumes.length)
      items.push({ item: '卷数', why: `著录 ${volDeclared} 卷，包内 ${m.dossier.volumes.length} 卷` });
  }
  if (oxum && Number(oxum[2]) !== payload.length) items.push({ item: 'Payload-Oxum', why: `声明 ${oxum[2]} 个文件，实有 ${payload.length} 个` });
  if (e.pkg.manifest.entries.size !== payload.length)
    items.push({ item: 'manifest-sha256.txt', why: `清单 ${e.pkg.manifest.entries.size} 行，实有 ${payload.length} 个文件` });
  rows.push(
    fromProblems('item-count', '著录的文件件数、视听资料件数、卷数与包内一致；Payload-Oxum 与清单的文件数与实有文件数一致', items, [
      `实有 ${payload.length} 个内容文件`,
    ]),
  );

  const byteProblems: Problem[] = [];
  if (!oxum) byteProblems.push({ item: 'bag-info.txt', why: '没有 Payload-Oxum' });
  else if (Number(oxum[1]) !== bytes) byteProblems.push({ item: 'Payload-Oxum', why: `声明 ${grouped(Number(oxum[1]))} 字节，实有 ${grouped(bytes)} 字节` });
  const evidence = oxum && Number(oxum[1]) === bytes ? `总字节数 ${grouped(bytes)} = manifest（Payload-Oxum ${oxum[0]}）` : `总字节数 ${grouped(bytes)}`;
  rows.push(fromProblems('byte-count', '内容文件总字节数与 bag-info.txt 的 Payload-Oxum 相符', byteProblems, [evidence]));

  const content: Problem[] = [];
  for (const [p, want] of e.pkg.manifest.entries) {
    const got = e.digests.get(p);
    if (!got) content.push({ item: p, why: e.unreadable.get(p) ?? '清单中的文件缺失' });
    else if (got.sha256 !== want) content.push({ item: p, why: 'SHA-256 与 manifest-sha256.txt 不符（内容被改动）' });
  }
  for (const [p, want] of e.pkg.sm3.entries) {
    const got = e.digests.get(p);
    if (got && got.sm3 !== want) content.push({ item: p, why: `SM3 与 ${SM3_TAG_FILE} 不符（内容被改动）` });
  }
  if (!e.pkg.sm3.present) content.push({ item: SM3_TAG_FILE, why: '缺失' });
  for (const l of [...e.pkg.manifest.bad, ...e.pkg.sm3.bad]) content.push({ item: l, why: '清单行无法解析' });
  if (e.complete) {
    for (const [p, want] of e.pkg.tagManifest.entries) {
      const got = e.digests.get(p);
      if (!got || got.sha256 !== want) content.push({ item: p, why: '标签文件缺失或与 tagmanifest-sha256.txt 不符' });
    }
    if (!e.pkg.tagManifest.present) content.push({ item: 'tagmanifest-sha256.txt', why: '缺失' });
  }
  rows.push(
    fromProblems('content-complete', '每个内容文件的 SHA-256、SM3 与包内清单一致，标签文件与标签清单一致', content, [
      `${e.pkg.manifest.entries.size} 个文件 SHA-256、${e.pkg.sm3.entries.size} 个文件 SM3 重新计算`,
    ]),
  );

  const listed = new Set(e.pkg.manifest.entries.keys());
  const complete: Problem[] = [];
  for (const f of payload) if (!listed.has(f.path)) complete.push({ item: f.path, why: '包内多出的文件（清单中没有）' });
  for (const p of listed) if (!payload.some((f) => f.path === p)) complete.push({ item: p, why: '清单中有而包内缺失（被删除或改名）' });
  for (const d of e.pkg.manifest.duplicates) complete.push({ item: d, why: '清单中重复列出' });
  rows.push(
    fromProblems('package-content-complete', '清单声明的文件与包内实有文件一一对应（无增加、删除、改名）', complete, [
      `清单 ${listed.size} 个，实有 ${payload.length} 个`,
    ]),
  );
  return rows;
}

/** 2-10: the package-level metadata (bag-info.txt) that a receiver needs. */
export function packageMetadataRow(e: PackageEvidence): FournessRow {
  const need = ['Source-Organization', 'Bagging-Date', 'Payload-Oxum', 'External-Identifier', 'Bag-Software-Agent'];
  const bad = need.filter((k) => !e.pkg.bagInfo.get(k)).map((k) => ({ item: `bag-info.txt ${k}`, why: '缺失' }));
  const date = e.pkg.bagInfo.get('Bagging-Date');
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) bad.push({ item: 'bag-info.txt Bagging-Date', why: `“${date}”不是日期` });
  return fromProblems('package-metadata-complete', `信息包说明（bag-info.txt）含 ${need.join('、')}`, bad, [
    `立档单位：${e.pkg.bagInfo.get('Source-Organization') ?? '—'}；档号：${e.pkg.bagInfo.get('External-Identifier') ?? '—'}`,
  ]);
}
