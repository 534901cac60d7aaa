import type { Db } from '../db.js';

/** Archive-wide settings: id, name, profile, timezone, creation time. */
export class MetaRepo {
  constructor(private readonly db: Db) {}

  get(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  set(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  caseCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  }
}
