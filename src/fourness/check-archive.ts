import { createHash } from 'node:crypto';
import type { FixityReport } from '../api/types-footage.js';
import type { FournessReport, FournessRow } from '../api/types-fourness.js';
import type { UserInfo } from '../api/types.js';
import type { BoundDossier } from '../binding/types.js';
import type { FootageDeps } from '../footage/footage-deps.js';
import { verifyFixity } from '../footage/verify-fixity.js';
import { FournessRepo } from '../storage/repos/fourness-repo.js';
import { assemble } from './check-package.js';
import { fromProblems, grouped, row } from './items.js';
import { recordFourness } from './results.js';
import { virusRows } from './virus-scan.js';

type Problem = { item: string; why: string };

/** Cover fields the archives office assigns later, or that are empty by design. */
const FILLED_LATER = new Set(['archiveCode', 'fondsNo', 'catalogNo', 'fileNo', 'volume', 'secrecy']);

/**
 * 长期保存环节 四性检测 of the whole archive: the full fixity audit of every stored object (SHA-256,
 * and SM3 for footage; resumable — an interrupted run is taken up where it stopped, src/footage/fixity.ts),
 * the audit chain and its anchors, the catalogue's integrity_check, the 归档号 sequence without gaps,
 * 档号 unique, each sealed dossier's bound content against its recorded digest and its 必填著录项, and a
 * virus scan of objects/ where ClamAV is installed. The result is recorded (`fourness.check` on
 * `archive 0`) and returned as a report.
 */
export async function checkArchive(d: FootageDeps, user: UserInfo, input: { restart: boolean; jobId?: string | undefined }): Promise<FournessReport> {
  const started = Date.now();
  const { archive } = d;
  const fixity = await verifyFixity(d, user, {
    mode: 'full',
    olderThanDays: 0,
    resume: !input.restart,
    ...(input.jobId ? { jobId: input.jobId } : {}),
  } as never);
  const repo = new FournessRepo(archive.db);
  const audit = archive.audit.verify();
  const versions = repo.sealedVersions();
  const rows: FournessRow[] = [fixityRow(fixity, audit)];

  const codes = new Map<string, string>();
  const dupes: Problem[] = [];
  const required: Problem[] = [];
  const content: Problem[] = [];
  for (const v of versions) {
    const label = `${v.archiveNo}（第 ${v.versionNo} 版）`;
    if (v.boundSha256 && createHash('sha256').update(v.boundJson).digest('hex') !== v.boundSha256)
      content.push({ item: label, why: '归档内容与其记录的 SHA-256 不符' });
    if (v.archiveCode) {
      const prev = codes.get(v.archiveCode);
      if (prev && !prev.startsWith(`${v.archiveNo}（`)) dupes.push({ item: label, why: `档号 ${v.archiveCode} 与 ${prev} 重复` });
      else codes.set(v.archiveCode, label);
    }
    let bound: BoundDossier | null = null;
    try {
      bound = JSON.parse(v.boundJson) as BoundDossier;
    } catch {
      content.push({ item: label, why: '归档内容无法读取' });
    }
    const summary = bound?.procedure === 'summary';
    for (const vol of bound?.volumes ?? [])
      for (const l of vol.cover.lines)
        if (!FILLED_LATER.has(l.id) && !(summary && l.id === 'filedOn') && !String(l.value ?? '').trim())
          required.push({ item: `${label} 卷皮“${l.label}”`, why: '必填著录项为空' });
  }
  rows.push(fromProblems('metadata-duplicates', '全库已归档案卷的档号不重复', dupes, [`${versions.length} 个已归档版本，${codes.size} 个档号`]));
  rows.push(fromProblems('required-items', '每个已归档案卷卷皮的必填著录项有值', required, [`${versions.length} 个已归档版本`]));
  rows.push(fromProblems('content-complete', '每个已归档版本的归档内容与封存时记录的 SHA-256 一致', content, [`${versions.length} 个版本`]));

  const history = repo.sealedDossiersWithoutSealEntry().map((id) => ({ item: `案卷 ${id}`, why: '已归档但审计日志中没有归档记录' }));
  rows.push(fromProblems('process-history', '每个已归档案卷在审计日志中有归档（或更正）记录', history, [`审计日志 ${audit.checked} 条`]));
  rows.push(continuityRow(repo));
  const integrity = repo.integrity();
  rows.push(
    integrity.length === 1 && integrity[0] === 'ok'
      ? row('database-accessible', { outcome: 'pass', checked: '目录库（catalog.db）可访问，SQLite integrity_check 通过', evidence: ['integrity_check: ok'] })
      : row('database-accessible', {
          outcome: 'fail',
          checked: '目录库（catalog.db）可访问，SQLite integrity_check 通过',
          reason: integrity.slice(0, 5).join('；'),
          failing: ['catalog.db'],
        }),
  );
  rows.push(...(await virusRows(archive.layout.objects)));
  rows.push(
    audit.ok
      ? row('process-security', {
          outcome: 'pass',
          checked: '全部操作记录在不可篡改的哈希链中，与库外锚点一致',
          evidence: [`${audit.checked} 条，链头 ${audit.headSeq}`],
        })
      : row('process-security', {
          outcome: 'fail',
          checked: '全部操作记录在不可篡改的哈希链中，与库外锚点一致',
          reason: audit.firstBroken?.reasonZh ?? audit.problems?.[0]?.reasonZh ?? '审计链核验未通过',
          failing: [`审计记录 ${audit.firstBroken?.seq ?? 0}`],
        }),
  );
  const report = assemble(
    rows,
    { stage: 'preservation', checkedBy: user.displayName, now: () => archive.clock.now(), label: archive.meta.get('name') || archive.layout.root },
    archive.layout.root,
    started,
    'archive',
  );
  recordFourness(archive, user, { type: 'archive', id: 0 }, report, archive.layout.root);
  return report;
}

function fixityRow(f: FixityReport, audit: ReturnType<FootageDeps['archive']['audit']['verify']>): FournessRow {
  const bad: Problem[] = f.problems.map((p) => ({ item: p.names[0] ?? p.sha256, why: p.messageZh }));
  if (!audit.ok) bad.push({ item: '审计日志', why: audit.firstBroken?.reasonZh ?? '审计链核验未通过' });
  if (f.state !== 'done') bad.push({ item: '完整性巡检', why: `巡检未完成（${f.state}），剩余 ${f.remaining} 个对象；再次运行将从中断处继续` });
  return fromProblems('fixity', '重新计算全部存储对象的 SHA-256（音像另算 SM3）与目录库比对；核验审计哈希链与库外锚点', bad, [
    `${f.checked} 个对象、${grouped(f.bytes)} 字节重新计算（巡检 ${f.runId}）`,
    `审计链 ${audit.checked} 条${audit.ok ? '核验通过' : '未通过'}`,
  ]);
}

function continuityRow(repo: FournessRepo): FournessRow {
  const bad: Problem[] = [];
  const byYear = new Map<number, number[]>();
  for (const s of repo.serials()) byYear.set(s.year, [...(byYear.get(s.year) ?? []), s.serial]);
  const counters = repo.counters();
  for (const [year, serials] of byYear) {
    serials.forEach((s, i) => {
      if (s !== i + 1) bad.push({ item: `${year} 年归档号`, why: `第 ${i + 1} 号缺失（流水号不连续，下一个为 ${s}）` });
    });
    const last = counters.get(year);
    if (last !== undefined && last !== serials.length) bad.push({ item: `${year} 年归档号`, why: `计数器为 ${last}，已登记 ${serials.length} 个` });
  }
  const years = [...byYear].map(([y, s]) => `${y} 年 ${s.length} 个`).join('、');
  return fromProblems('continuity', '每年的归档号流水号从 1 起连续，无缺号', bad.slice(0, 200), [years || '尚无归档号']);
}
