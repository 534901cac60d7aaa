import { statSync } from 'node:fs';
import { AppError } from '../api/errors.js';
import type { FournessRow } from '../api/types-fourness.js';
import type { Archive } from '../archive/archive.js';
import type { BoundDossier } from '../binding/types.js';
import type { BindingProfile } from '../domain/profile-binding.js';
import { DocumentRepo } from '../storage/repos/document-repo.js';
import { FootageRepo } from '../storage/repos/footage-repo.js';
import { fromProblems } from './items.js';
import { archiveCodeRow } from './metadata-rules.js';
import type { PackageMetadata } from './metadata-read.js';

type Problem = { item: string; why: string };

const FILLED_LATER = new Set(['archiveCode', 'fondsNo', 'catalogNo', 'fileNo', 'volume', 'secrecy']);
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufffd]/;

/**
 * 归档环节 四性检测, inside the sealing transaction (synchronous: it reads the catalogue and stats
 * the stored objects; their digests were taken at import and are re-read by the fixity audits):
 * 1-1 every stored file of the dossier is there with its recorded size and the audit chain verifies;
 * 档号/归档号 by the profile's pattern; 2-4 必填著录项; 2-6 件号 and page continuity; special characters
 * in 题名/文号/责任者. Returns the rows; `requireArchivingChecks` throws when one fails.
 */
export function archivingChecks(
  archive: Archive,
  bound: BoundDossier,
  numbers: { archiveNo: string; archiveCode: string | null },
  profile: BindingProfile,
): FournessRow[] {
  const docs = new DocumentRepo(archive.db);
  const clips = new FootageRepo(archive.db);
  const missing: Problem[] = [];
  let objects = 0;
  const present = (sha256: string, size: number, label: string) => {
    objects++;
    const st = (() => {
      try {
        return statSync(archive.store.pathOf(sha256));
      } catch {
        return null;
      }
    })();
    if (!st) missing.push({ item: label, why: '存储文件缺失' });
    else if (st.size !== size) missing.push({ item: label, why: `存储文件 ${st.size} 字节，登记为 ${size} 字节` });
  };
  const required: Problem[] = [];
  const continuity: Problem[] = [];
  const chars: Problem[] = [];
  for (const v of bound.volumes) {
    const at = v.label ? `${v.label}` : '';
    for (const l of v.cover.lines)
      if (!FILLED_LATER.has(l.id) && !(bound.procedure === 'summary' && l.id === 'filedOn') && !String(l.value ?? '').trim())
        required.push({ item: `${at}卷皮“${l.label}”`, why: '必填著录项为空' });
    v.entries.forEach((e, i) => {
      if (e.seq !== i + 1) continuity.push({ item: `${at}第 ${e.seq} 件`, why: `件号应为 ${i + 1}` });
      for (const [name, value] of [
        ['题名', e.title],
        ['文号', e.docNo],
        ['责任者', e.responsible],
      ] as const)
        if (value && SPECIAL.test(value)) chars.push({ item: `${at}第 ${e.seq} 件${name}`, why: '含有控制字符或双向控制符' });
      for (const p of e.parts) {
        if (p.documentId !== null) for (const f of docs.files(p.documentId)) present(f.sha256, f.size, `《${p.title}》${f.originalName}`);
        if (p.type === 'av' && p.av && /^\d+$/.test(p.av.id)) {
          const o = clips.mediaObject('clip', Number(p.av.id));
          if (o) present(o.sha256, o.size, p.av.fileName);
        }
      }
    });
  }
  const audit = archive.audit.verify();
  if (!audit.ok) missing.push({ item: '审计日志', why: audit.firstBroken?.reasonZh ?? audit.problems?.[0]?.reasonZh ?? '审计链核验未通过' });
  const pseudo = { dossier: { archiveNo: numbers.archiveNo, archiveCode: numbers.archiveCode ?? '', profile: profile.id } } as unknown as PackageMetadata;
  return [
    fromProblems('fixity', '案卷的每个存储文件都在且大小与登记一致；审计哈希链核验通过', missing, [`${objects} 个存储文件；审计链 ${audit.checked} 条`]),
    archiveCodeRow(pseudo, profile),
    fromProblems('required-items', '立卷规范规定的卷皮必填著录项有值', required, [`${bound.volumes.length} 卷`]),
    fromProblems('continuity', '卷内件号从 1 起连续', continuity, [`${bound.volumes.reduce((n, v) => n + v.entries.length, 0)} 件`]),
    fromProblems('metadata-characters', '题名、文号、责任者不含控制字符或双向控制符', chars, []),
  ];
}

/** Sealing is refused while an 归档环节 check fails; the error names the item and the reason. */
export function requireArchivingChecks(label: string, rows: FournessRow[]): void {
  const failed = rows.filter((r) => r.outcome === 'fail');
  if (!failed.length) return;
  const first = failed[0]!;
  throw new AppError(
    'invalid_input',
    `cannot seal ${label}: 四性检测 (归档环节) failed — ${first.name}: ${first.failing.slice(0, 3).join(', ')}`,
    `${label} 不能归档：四性检测（归档环节）未通过 — ${first.code ? `${first.code} ` : ''}${first.name}：${first.reason ?? ''}`,
    { item: first.failing[0] ?? label, details: failed },
  );
}
