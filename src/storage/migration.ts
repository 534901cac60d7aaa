import type { Db } from './db.js';

/** One numbered schema step. `up` runs inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
