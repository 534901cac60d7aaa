import type { Db } from '../db.js';

/** Ingest runs: one row per offload of a folder, with its counts and per-file errors. */
export class FootageIngestRepo {
  constructor(private readonly db: Db) {}

  start(r: { sourceRoot: string; caseId: number | null; officerId: number | null; sm3Backend: string; by: number | null; now: string }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO footage_ingests (source_root, state, started_at, case_id, officer_id, sm3_backend, by_user)
           VALUES (@sourceRoot, 'running', @now, @caseId, @officerId, @sm3Backend, @by)`,
        )
        .run(r).lastInsertRowid,
    );
  }

  finish(id: number, r: { state: string; files: number; bytes: number; newClips: number; duplicates: number; errors: unknown[]; now: string }): void {
    this.db
      .prepare(
        'UPDATE footage_ingests SET state = ?, finished_at = ?, files = ?, bytes = ?, new_clips = ?, duplicates = ?, errors = ?, error_list = ? WHERE id = ?',
      )
      .run(r.state, r.now, r.files, r.bytes, r.newClips, r.duplicates, r.errors.length, r.errors.length ? JSON.stringify(r.errors) : null, id);
  }
}
