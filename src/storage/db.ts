import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens the catalogue: WAL (readers never block the writer), foreign keys on, a busy timeout so two
 * processes (the app and a CLI command) take turns instead of failing.
 */
export function openDb(file: string, opts: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: false });
  db.pragma('busy_timeout = 10000');
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  return db;
}

/** Runs `fn` in an IMMEDIATE transaction (takes the write lock up front, so no upgrade deadlock). */
export function writeTx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
