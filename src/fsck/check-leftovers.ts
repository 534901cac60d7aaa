import path from 'node:path';
import type { Archive } from '../archive/archive.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { recoverExports, sweepParts } from '../export/export-intent.js';
import { stuckIngests } from '../footage/inflight.js';
import { ExportLogRepo } from '../storage/repos/export-log-repo.js';
import { FsckRepo } from '../storage/repos/fsck-repo.js';
import type { FindingSink } from './findings.js';

const INTERRUPTED = 'interrupted: the process running this ingest ended (killed or crashed) / 执行该采集的进程已中断';

/**
 * Work left `running` by a process that is gone: ingest runs no live process claims (src/footage/inflight.ts)
 * and fixity runs. The repair ends them as interrupted; what they had recorded stands.
 */
export function checkRuns(archive: Archive, sink: FindingSink): { checked: number; repair: () => AuditRecord[] } {
  const repo = new FsckRepo(archive.db);
  const stuck = stuckIngests(archive);
  const fixity = repo.runningFixityRuns();
  for (const r of stuck)
    sink.add({
      check: 'runs',
      kind: 'ingest.stuck',
      item: `ingest ${r.id}`,
      message: `ingest ${r.id} of ${r.sourceRoot} (started ${r.startedAt}) is still "running" but no process is running it`,
      messageZh: `采集 ${r.id}（${r.sourceRoot}，开始于 ${r.startedAt}）仍显示“进行中”，但已没有进程在执行`,
      repair: 'mark it interrupted (the clips it recorded stand)',
      repairZh: '标记为已中断（已登记的音像记录保留）',
    });
  for (const r of fixity)
    sink.add({
      check: 'runs',
      kind: 'fixity.stuck',
      item: `fixity run ${r.id}`,
      message: `fixity run ${r.id} (started ${r.startedAt}) is still "running"`,
      messageZh: `完整性核验 ${r.id}（开始于 ${r.startedAt}）仍显示“进行中”`,
      repair: 'mark it interrupted (its results stand; the next run resumes)',
      repairZh: '标记为已中断（已有结果保留，下次核验续做）',
    });
  return {
    checked: repo.runningIngests().length + fixity.length,
    repair: () => {
      const now = archive.clock.now().toISOString();
      const audit: AuditRecord[] = [];
      for (const r of stuck) {
        repo.markIngestInterrupted(r.id, INTERRUPTED, now);
        audit.push({ action: 'footage.ingest.finish', targetType: 'footage_ingest', targetId: r.id, detail: { state: 'interrupted', by: 'fsck' } });
      }
      for (const r of fixity) repo.markFixityInterrupted(r.id, now);
      for (const f of sink.list) if (f.kind === 'ingest.stuck' || f.kind === 'fixity.stuck') f.repaired = true;
      return audit;
    },
  };
}

/**
 * Leftovers of killed exports: intents in inflight/ not yet resolved (their place unreachable when
 * the archive was opened) and `.part` folders carrying this archive's marker beside the folders
 * exports were written to. The repair finishes or removes them; never anything without our marker.
 */
export async function checkLeftovers(archive: Archive, sink: FindingSink): Promise<{ checked: number; repair: () => Promise<string[]> }> {
  const pending = await recoverExports(archive, { dryRun: true });
  const places = [...new Set(new ExportLogRepo(archive.db).folders().map((f) => path.dirname(f)))];
  const parts: string[] = [];
  for (const p of places) parts.push(...(await sweepParts(archive, p, { dryRun: true })));
  const add = (kind: string, item: string, en: string, zh: string, repair: [string, string] | null) =>
    sink.add({
      check: 'leftovers',
      kind,
      item,
      message: `${item}: ${en}`,
      messageZh: `${item}：${zh}`,
      repair: repair?.[0] ?? null,
      repairZh: repair?.[1] ?? null,
    });
  for (const f of pending.finished)
    add('export.unplaced', f, 'an export recorded in the audit log whose folder was not yet renamed into place', '审计日志已记录的导出，其文件夹尚未就位', [
      'finish the rename',
      '完成改名就位',
    ]);
  for (const f of [...pending.removed, ...parts])
    add('export.part', f, 'the hidden folder of an export that was interrupted before it was recorded', '导出中断（未登记）留下的隐藏文件夹', [
      'remove it (the archive still holds everything it copied)',
      '删除（其内容均为档案库中已有文件的副本）',
    ]);
  for (const f of pending.waiting)
    add(
      'export.waiting',
      f,
      'an interrupted export whose location cannot be reached now (drive unplugged?)',
      '中断的导出，其位置当前无法访问（存储设备已拔出？）',
      null,
    );
  return {
    checked: places.length + pending.finished.length + pending.removed.length + pending.waiting.length,
    repair: async () => {
      const done = await recoverExports(archive);
      for (const p of places) done.removed.push(...(await sweepParts(archive, p)));
      const fixed = new Set([...done.finished, ...done.removed]);
      for (const f of sink.list) if ((f.kind === 'export.part' || f.kind === 'export.unplaced') && fixed.has(f.item)) f.repaired = true;
      return [...fixed];
    },
  };
}
