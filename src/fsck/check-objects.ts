import type { Archive } from '../archive/archive.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { findStrays, quarantineStrays, type StrayObject } from '../footage/quarantine.js';
import type { Job } from '../jobs/jobs.js';
import { FixityRepo } from '../storage/repos/footage-fixity-repo.js';
import type { FindingSink } from './findings.js';
import type { FsckFinding } from '../api/types-fsck.js';

export interface ObjectsCheck {
  checked: number;
  /**
   * Quarantines the strays old enough (moved, never deleted); the returned function records them,
   * inside the caller's audited transaction, and gives their audit entries.
   */
  repair: () => Promise<() => AuditRecord[]>;
}

/**
 * objects/ against the `objects` table, both ways: every row's file is there with its size and (unless
 * `quick`) its SHA-256; every file under objects/ has a row. A file without a row (a crash between the
 * rename and the commit, or something put there by hand) is quarantined by the repair; a missing or
 * damaged object is evidence lost, which only a backup can give back, so it is reported, never touched.
 */
export async function checkObjects(archive: Archive, sink: FindingSink, o: { quick: boolean; graceMs: number; job?: Job }): Promise<ObjectsCheck> {
  const repo = new FixityRepo(archive.db);
  const rows = repo.objects({});
  for (const row of rows) {
    if (o.job?.signal.aborted) break;
    const file = archive.store.pathOf(row.sha256);
    const label = label_(repo, row.sha256);
    o.job?.startItem(label, row.size);
    const st = await archive.files.stat(file).catch(() => null);
    if (!st) {
      sink.add({
        check: 'objects',
        kind: 'object.missing',
        item: row.sha256,
        message: `${label}: the catalogue has it but objects/ does not (deleted or moved away); restore it from a backup`,
        messageZh: `${label}：目录库中有记录，但 objects/ 中没有该文件（被删除或移走），请从备份恢复`,
        repair: null,
        repairZh: null,
      });
    } else {
      const actual = st.size !== row.size ? null : o.quick ? row.sha256 : (await archive.store.digestFile(file, label).catch(() => null))?.sha256;
      if (actual !== row.sha256) {
        sink.add({
          check: 'objects',
          kind: 'object.damaged',
          item: row.sha256,
          message: `${label}: the stored file no longer matches its SHA-256${st.size !== row.size ? ` (size ${st.size}, recorded ${row.size})` : ''}; restore it from a backup`,
          messageZh: `${label}：存储的文件与其 SHA-256 摘要不符${st.size !== row.size ? `（大小 ${st.size}，记录为 ${row.size}）` : ''}，请从备份恢复`,
          repair: null,
          repairZh: null,
        });
      }
    }
    o.job?.addBytes(row.size, label);
    o.job?.finishItem(label);
  }
  const strays = await findStrays(archive.layout, (s) => repo.knownObject(s));
  const now = archive.clock.now();
  const old: StrayObject[] = [];
  for (const s of strays) {
    const young = now.getTime() - s.mtimeMs < o.graceMs;
    if (!young) old.push(s);
    const f: Omit<FsckFinding, 'repaired'> = {
      check: 'objects',
      kind: 'object.stray',
      item: `objects/${s.relPath}`,
      message: `objects/${s.relPath}: a file the catalogue does not know (${s.size} bytes; left by a crash before its catalogue commit, or put there by hand)`,
      messageZh: `objects/${s.relPath}：目录库中没有记录的文件（${s.size} 字节；崩溃发生在登记之前，或被手工放入）`,
      repair: young ? null : 'move it to quarantine/ (recorded and audited, never deleted)',
      repairZh: young ? null : '移入 quarantine/ 隔离（记录并审计，不删除）',
    };
    if (young) {
      f.message += `; written ${Math.round((now.getTime() - s.mtimeMs) / 1000)} s ago, it may be another process's write in progress: run fsck again later`;
      f.messageZh += `；${Math.round((now.getTime() - s.mtimeMs) / 1000)} 秒前写入，可能是其他进程正在写入，请稍后再运行 fsck`;
    }
    sink.add(f);
  }
  return {
    checked: rows.length + strays.length,
    repair: async () => {
      const q = await quarantineStrays(archive.layout, old, { now, graceMs: o.graceMs });
      for (const s of q.moved) {
        const f = sink.list.find((x) => x.kind === 'object.stray' && x.item === `objects/${s.relPath}`);
        if (f) f.repaired = true;
      }
      return () =>
        q.moved.map((s) => {
          repo.addQuarantine({ name: s.relPath, size: s.size, movedTo: s.movedTo, runId: null, now: now.toISOString() });
          return {
            action: 'footage.quarantine',
            targetType: 'object',
            targetId: s.name,
            detail: { reason: 'fsck: a file in objects/ without a catalogue row', movedTo: s.movedTo, size: s.size },
          };
        });
    },
  };
}

function label_(repo: FixityRepo, sha256: string): string {
  const name = repo.describe(sha256).names[0];
  return name ? `${name} · ${sha256.slice(0, 8)}` : sha256.slice(0, 12);
}
