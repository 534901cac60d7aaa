import { FsckRepo, type TriggerRow } from '../storage/repos/fsck-repo.js';
import { openDb } from '../storage/db.js';
import { migrate } from '../storage/migrate.js';

let cached: TriggerRow[] | null = null;

/**
 * The triggers a catalogue of this version must have: those the migrations create, read from a
 * fresh in-memory catalogue. Taken from the migrations themselves, so a new append-only table is
 * checked without anyone updating a list here.
 */
export function expectedTriggers(): TriggerRow[] {
  if (cached) return cached;
  const db = openDb(':memory:');
  try {
    migrate(db, ':memory:');
    cached = new FsckRepo(db).triggers();
  } finally {
    db.close();
  }
  return cached;
}

/** SQL compared without regard to spacing and letter case. */
export function sameSql(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}
