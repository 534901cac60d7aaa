import type { Archive } from '../archive/archive.js';
import { FsckRepo } from '../storage/repos/fsck-repo.js';
import { expectedTriggers, sameSql } from './expected-triggers.js';
import type { FindingSink } from './findings.js';

/** `PRAGMA integrity_check` and `foreign_key_check`: damage only a backup can undo, so never repaired here. */
export function checkCatalogue(archive: Archive, sink: FindingSink): number {
  const repo = new FsckRepo(archive.db);
  const problems = repo.integrityProblems();
  for (const p of problems.slice(0, 50)) {
    sink.add({
      check: 'catalogue',
      kind: 'catalogue.integrity',
      item: 'catalog.db',
      message: `catalog.db: SQLite integrity check: ${p}`,
      messageZh: `catalog.db：SQLite 完整性检查发现问题：${p}`,
      repair: null,
      repairZh: null,
    });
  }
  const fks = repo.foreignKeyProblems();
  for (const f of fks.slice(0, 50)) {
    sink.add({
      check: 'catalogue',
      kind: 'catalogue.foreign-key',
      item: `${f.table}#${f.rowid ?? '?'}`,
      message: `catalog.db: row ${f.rowid ?? '?'} of ${f.table} points at a missing row of ${f.parent}`,
      messageZh: `catalog.db：${f.table} 表第 ${f.rowid ?? '?'} 行引用的 ${f.parent} 记录不存在`,
      repair: null,
      repairZh: null,
    });
  }
  return 1;
}

/**
 * The append-only and sealed-record triggers, compared with those the migrations create. A missing
 * or altered trigger means someone changed the schema by hand; the repair recreates it (audited).
 */
export function checkTriggers(archive: Archive, sink: FindingSink): { checked: number; repair: () => string[] } {
  const repo = new FsckRepo(archive.db);
  const have = new Map(repo.triggers().map((t) => [t.name, t]));
  const todo: { name: string; sql: string; altered: boolean }[] = [];
  const expected = expectedTriggers();
  for (const t of expected) {
    const got = have.get(t.name);
    if (got && sameSql(got.sql, t.sql)) continue;
    const altered = Boolean(got);
    todo.push({ name: t.name, sql: t.sql, altered });
    sink.add({
      check: 'triggers',
      kind: altered ? 'trigger.altered' : 'trigger.missing',
      item: t.name,
      message: altered
        ? `trigger ${t.name} on ${t.table} differs from the one this version creates (changed by hand?)`
        : `trigger ${t.name} on ${t.table} is missing: ${t.table} is no longer protected (dropped by hand?)`,
      messageZh: altered
        ? `${t.table} 表的触发器 ${t.name} 与本版本创建的不同（被手工修改？）`
        : `${t.table} 表的触发器 ${t.name} 缺失，该表不再受保护（被手工删除？）`,
      repair: 'recreate the trigger as the migrations define it',
      repairZh: '按迁移脚本的定义重建该触发器',
    });
  }
  return {
    checked: expected.length,
    repair: () => {
      for (const t of todo) {
        if (t.altered) repo.dropTrigger(t.name);
        repo.createTrigger(t.sql);
      }
      return todo.map((t) => t.name);
    },
  };
}
