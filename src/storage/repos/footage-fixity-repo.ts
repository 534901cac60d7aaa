import type { Db } from '../db.js';

export interface FixityRunRow {
  id: number;
  mode: 'full' | 'incremental';
  state: 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';
  startedAt: string;
  finishedAt: string | null;
  olderThanDays: number | null;
  byteBudget: number | null;
  resumedRun: number | null;
  planned: number;
  checked: number;
  bytes: number;
  ok: number;
  changed: number;
  vanished: number;
  appeared: number;
}

export interface ObjectToCheck {
  sha256: string;
  size: number;
  /** The SM3 recorded for a clip (other objects carry SHA-256 only). */
  sm3: string | null;
  lastOk: string | null;
}

const RUN_COLS = `id, mode, state, started_at AS startedAt, finished_at AS finishedAt, older_than_days AS olderThanDays, byte_budget AS byteBudget,
  resumed_run AS resumedRun, objects_planned AS planned, objects_checked AS checked, bytes_checked AS bytes, ok, changed, vanished, appeared`;

/** Fixity runs, per-object results (append-only) and quarantined strays. */
export class FixityRepo {
  constructor(private readonly db: Db) {}

  /**
   * Objects to verify, least recently verified first. Objects of disposed clips are not expected on
   * disk any more. `notSince`: only those without an `ok` result since then.
   */
  objects(opts: { notSince?: string; skipRun?: number }): ObjectToCheck[] {
    return this.db
      .prepare(
        `SELECT o.sha256, o.size, c.sm3, (SELECT max(r.checked_at) FROM fixity_results r WHERE r.sha256 = o.sha256 AND r.outcome = 'ok') AS lastOk
         FROM objects o LEFT JOIN clips c ON c.sha256 = o.sha256
         WHERE NOT EXISTS (SELECT 1 FROM clips d JOIN footage_disposals fd ON fd.id = d.disposal_id
                           WHERE fd.state = 'approved' AND o.sha256 IN (d.sha256, d.thumb_sha256, d.sheet_sha256))
           AND (@skipRun IS NULL OR NOT EXISTS (SELECT 1 FROM fixity_results s WHERE s.run_id = @skipRun AND s.sha256 = o.sha256))
         ORDER BY lastOk IS NOT NULL, lastOk, o.created_at, o.sha256`,
      )
      .all({ skipRun: opts.skipRun ?? null })
      .filter((r) => opts.notSince === undefined || (r as ObjectToCheck).lastOk === null || (r as ObjectToCheck).lastOk! < opts.notSince) as ObjectToCheck[];
  }

  knownObject(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM objects WHERE sha256 = ?').get(sha256) !== undefined;
  }

  startRun(r: {
    mode: string;
    olderThanDays: number | null;
    byteBudget: number | null;
    resumedRun: number | null;
    planned: number;
    by: number | null;
    now: string;
  }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO fixity_runs (mode, state, started_at, older_than_days, byte_budget, resumed_run, objects_planned, by_user)
           VALUES (@mode, 'running', @now, @olderThanDays, @byteBudget, @resumedRun, @planned, @by)`,
        )
        .run(r).lastInsertRowid,
    );
  }

  addResult(r: {
    runId: number;
    sha256: string;
    outcome: string;
    actualSha256: string | null;
    actualSm3: string | null;
    actualSize: number | null;
    detail: string | null;
    now: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO fixity_results (run_id, sha256, checked_at, outcome, actual_sha256, actual_sm3, actual_size, detail)
         VALUES (@runId, @sha256, @now, @outcome, @actualSha256, @actualSm3, @actualSize, @detail)`,
      )
      .run(r);
    const col = r.outcome === 'ok' ? 'ok' : r.outcome === 'changed' ? 'changed' : r.outcome === 'vanished' ? 'vanished' : 'appeared';
    this.db
      .prepare(`UPDATE fixity_runs SET ${col} = ${col} + 1, objects_checked = objects_checked + ?, bytes_checked = bytes_checked + ? WHERE id = ?`)
      .run(r.outcome === 'appeared' ? 0 : 1, r.actualSize ?? 0, r.runId);
  }

  finishRun(id: number, state: string, now: string): void {
    this.db.prepare('UPDATE fixity_runs SET state = ?, finished_at = ? WHERE id = ?').run(state, now, id);
  }

  run(id: number): FixityRunRow | undefined {
    return this.db.prepare(`SELECT ${RUN_COLS} FROM fixity_runs WHERE id = ?`).get(id) as FixityRunRow | undefined;
  }

  lastRun(mode?: string): FixityRunRow | undefined {
    return this.db.prepare(`SELECT ${RUN_COLS} FROM fixity_runs ${mode ? 'WHERE mode = ?' : ''} ORDER BY id DESC LIMIT 1`).get(...(mode ? [mode] : [])) as
      FixityRunRow | undefined;
  }

  /** Runs left `running` by a process that died: marked interrupted (their results stand). */
  markInterrupted(now: string, except: number[] = []): void {
    this.db
      .prepare(
        `UPDATE fixity_runs SET state = 'interrupted', finished_at = ? WHERE state = 'running' AND id NOT IN (${except.map(() => '?').join(',') || 'NULL'})`,
      )
      .run(now, ...except);
  }

  problems(runId: number): { sha256: string; outcome: 'changed' | 'vanished' | 'appeared'; detail: string | null; actualSize: number | null }[] {
    return this.db
      .prepare("SELECT sha256, outcome, detail, actual_size AS actualSize FROM fixity_results WHERE run_id = ? AND outcome <> 'ok' ORDER BY id")
      .all(runId) as {
      sha256: string;
      outcome: 'changed' | 'vanished' | 'appeared';
      detail: string | null;
      actualSize: number | null;
    }[];
  }

  lastResult(sha256: string): { checkedAt: string; outcome: 'ok' | 'changed' | 'vanished' | 'appeared' } | undefined {
    return this.db.prepare('SELECT checked_at AS checkedAt, outcome FROM fixity_results WHERE sha256 = ? ORDER BY id DESC LIMIT 1').get(sha256) as
      { checkedAt: string; outcome: 'ok' | 'changed' | 'vanished' | 'appeared' } | undefined;
  }

  /** What an object is, for people: original names and the cases it belongs to. */
  describe(sha256: string): { names: string[]; cases: string[] } {
    const names = this.db
      .prepare(
        `SELECT 1 AS k, original_name AS n FROM clips WHERE sha256 = @s
         UNION ALL SELECT 1, original_name FROM document_files WHERE object_sha256 = @s
         UNION ALL SELECT 2, '缩略图 thumbnail: ' || original_name FROM clips WHERE thumb_sha256 = @s
         UNION ALL SELECT 2, '索引图 contact sheet: ' || original_name FROM clips WHERE sheet_sha256 = @s
         UNION ALL SELECT 2, '页面缩略图 page thumbnail: ' || d.title || ' p' || p.seq FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.thumb_sha256 = @s
         UNION ALL SELECT 3, s.rel_path FROM clip_sources s JOIN clips c ON c.id = s.clip_id WHERE c.sha256 = @s
         ORDER BY k`,
      )
      .all({ s: sha256 }) as { n: string }[];
    const cases = this.db
      .prepare(
        `SELECT k.case_no AS n FROM clip_links l JOIN clips c ON c.id = l.clip_id JOIN cases k ON k.id = l.case_id
           WHERE l.removed_at IS NULL AND @s IN (c.sha256, c.thumb_sha256, c.sheet_sha256)
         UNION SELECT k.case_no FROM document_files f JOIN documents d ON d.id = f.document_id JOIN cases k ON k.id = d.case_id WHERE f.object_sha256 = @s
         UNION SELECT k.case_no FROM pages p JOIN documents d ON d.id = p.document_id JOIN cases k ON k.id = d.case_id WHERE p.thumb_sha256 = @s`,
      )
      .all({ s: sha256 }) as { n: string }[];
    return { names: [...new Set(names.map((r) => r.n))], cases: cases.map((r) => r.n) };
  }

  addQuarantine(q: { name: string; size: number; movedTo: string; runId: number | null; now: string }): number {
    return Number(
      this.db.prepare('INSERT INTO quarantined_objects (name, size, found_at, moved_to, run_id) VALUES (@name, @size, @now, @movedTo, @runId)').run(q)
        .lastInsertRowid,
    );
  }
}
