import { AppError } from '../api/errors.js';
import type { Db } from './db.js';
import type { Migration } from './migration.js';
import { MIGRATIONS } from './migrations/index.js';

export const LATEST_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings the catalogue to the latest schema: every pending migration and the new user_version in
 * one transaction, so a crash leaves the old schema or the new one. A catalogue written by a newer
 * Juanzong is refused rather than guessed at.
 */
export function migrate(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError(
      'catalog_too_new',
      `${file}: catalogue schema version ${current} is newer than this Juanzong supports (${latest}); upgrade Juanzong`,
      `${file}：目录库版本 ${current} 高于本程序支持的版本 ${latest}，请升级卷宗软件后再打开`,
      { item: file },
    );
  }
  if (current === latest) return { from: current, to: current };
  db.transaction(() => {
    for (const m of migrations) {
      if (m.version > current) m.up(db);
    }
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from: current, to: latest };
}
