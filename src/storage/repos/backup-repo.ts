import type { Db } from '../db.js';

/** What backup and restore read from a catalogue: its objects and SQLite's own integrity check. */
export class BackupRepo {
  constructor(private readonly db: Db) {}

  objects(): { sha256: string; size: number }[] {
    return this.db.prepare('SELECT sha256, size FROM objects ORDER BY sha256').all() as { sha256: string; size: number }[];
  }

  /** 'ok', or SQLite's first complaints. */
  integrity(): string {
    const rows = this.db.prepare('PRAGMA integrity_check(5)').all() as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  }
}
