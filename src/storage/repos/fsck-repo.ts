import type { Db } from '../db.js';

export interface TriggerRow {
  name: string;
  table: string;
  sql: string;
}

/** What `juanzong fsck` asks the catalogue: SQLite's own checks, the triggers, work left running. */
export class FsckRepo {
  constructor(private readonly db: Db) {}

  /** `PRAGMA integrity_check`: an empty list when the file is sound. */
  integrityProblems(): string[] {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  }

  /** Rows whose foreign key points at nothing (`PRAGMA foreign_key_check`). */
  foreignKeyProblems(): { table: string; rowid: number | null; parent: string }[] {
    return this.db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
  }

  triggers(): TriggerRow[] {
    return this.db.prepare("SELECT name, tbl_name AS 'table', sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as TriggerRow[];
  }

  createTrigger(sql: string): void {
    this.db.exec(sql);
  }

  dropTrigger(name: string): void {
    this.db.exec(`DROP TRIGGER IF EXISTS "${name.replace(/"/g, '""')}"`);
  }

  runningIngests(): { id: number; sourceRoot: string; startedAt: string }[] {
    return this.db.prepare("SELECT id, source_root AS sourceRoot, started_at AS startedAt FROM footage_ingests WHERE state = 'running' ORDER BY id").all() as {
      id: number;
      sourceRoot: string;
      startedAt: string;
    }[];
  }

  runningFixityRuns(): { id: number; startedAt: string }[] {
    return this.db.prepare("SELECT id, started_at AS startedAt FROM fixity_runs WHERE state = 'running' ORDER BY id").all() as {
      id: number;
      startedAt: string;
    }[];
  }

  /**
   * An ingest whose process died: `failed`, with the reason as its one error (the table's states are
   * running/done/cancelled/failed); its catalogued clips stand.
   */
  markIngestInterrupted(id: number, reason: string, now: string): void {
    this.db
      .prepare("UPDATE footage_ingests SET state = 'failed', finished_at = ?, errors = 1, error_list = ? WHERE id = ? AND state = 'running'")
      .run(now, JSON.stringify([reason]), id);
  }

  markFixityInterrupted(id: number, now: string): void {
    this.db.prepare("UPDATE fixity_runs SET state = 'interrupted', finished_at = ? WHERE id = ? AND state = 'running'").run(now, id);
  }
}
