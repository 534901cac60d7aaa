import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { AppError } from '../api/errors.js';
import { AuditLog } from '../audit/audit-log.js';
import type { FilingProfile } from '../domain/profile.js';
import { type Clock, systemClock } from '../ports/clock.js';
import { type FilePort, nodeFilePort } from '../ports/file-port.js';
import { DEFAULT_PROFILE_ID, loadProfile } from '../profiles/load-profile.js';
import { type Db, openDb } from '../storage/db.js';
import { migrate } from '../storage/migrate.js';
import { MetaRepo } from '../storage/repos/meta-repo.js';
import { type ArchiveLayout, archiveLayout } from './layout.js';
import { ObjectStore } from './object-store.js';
import { cleanTmp } from './recover.js';
import { DEFAULT_ARCHIVE_TIME_ZONE } from '../domain/archive-time.js';

export interface Archive {
  layout: ArchiveLayout;
  db: Db;
  store: ObjectStore;
  /** The file port every durable write of this archive goes through (exports included). */
  files: FilePort;
  audit: AuditLog;
  meta: MetaRepo;
  profile: FilingProfile;
  clock: Clock;
  /** tmp/ entries a crashed process had left, removed on open. */
  recovered: string[];
  close(): void;
}

export interface OpenOptions {
  resourcesDir: string;
  clock?: Clock;
  files?: FilePort;
}

export interface InitOptions extends OpenOptions {
  name?: string;
  profileId?: string;
  timezone?: string;
}

/** Creates an archive folder (absent or empty) with a fresh catalogue. */
export async function initArchive(dir: string, opts: InitOptions): Promise<Archive> {
  const layout = archiveLayout(dir);
  if (existsSync(layout.catalog)) {
    throw new AppError('archive_exists', `${layout.root}: already an archive`, `${layout.root}：该文件夹已经是卷宗档案库`, { item: layout.root });
  }
  if (existsSync(layout.root)) {
    if (!statSync(layout.root).isDirectory())
      throw new AppError('not_an_archive', `${layout.root}: not a folder`, `${layout.root}：不是文件夹`, { item: layout.root });
    if (readdirSync(layout.root).length > 0) {
      throw new AppError(
        'not_an_archive',
        `${layout.root}: the folder is not empty; choose an empty folder for a new archive`,
        `${layout.root}：文件夹不是空的，请为新档案库选择空文件夹`,
        { item: layout.root },
      );
    }
  }
  const profileId = opts.profileId ?? DEFAULT_PROFILE_ID;
  loadProfile(opts.resourcesDir, profileId); // refuse an unknown profile before writing anything
  mkdirSync(layout.objects, { recursive: true });
  mkdirSync(layout.uploads, { recursive: true });
  const db = openDb(layout.catalog);
  try {
    migrate(db, layout.catalog);
    const meta = new MetaRepo(db);
    const clock = opts.clock ?? systemClock;
    db.transaction(() => {
      meta.set('archive_id', randomUUID());
      meta.set('name', opts.name ?? '卷宗档案库');
      meta.set('profile_id', profileId);
      meta.set('timezone', opts.timezone ?? DEFAULT_ARCHIVE_TIME_ZONE);
      meta.set('created_at', clock.now().toISOString());
    })();
  } finally {
    db.close();
  }
  return openArchive(dir, opts);
}

/** Opens an existing archive: migrates the catalogue, cleans crash leftovers, loads the profile. */
export async function openArchive(dir: string, opts: OpenOptions): Promise<Archive> {
  const layout = archiveLayout(dir);
  if (!existsSync(layout.catalog)) {
    throw new AppError(
      'not_an_archive',
      `${layout.root}: no catalog.db here; not a Juanzong archive (use \`juanzong init\`)`,
      `${layout.root}：没有 catalog.db，不是卷宗档案库（可先运行 juanzong init）`,
      {
        item: layout.root,
      },
    );
  }
  const clock = opts.clock ?? systemClock;
  const db = openDb(layout.catalog);
  try {
    migrate(db, layout.catalog);
  } catch (e) {
    db.close();
    throw e;
  }
  mkdirSync(layout.uploads, { recursive: true });
  mkdirSync(layout.objects, { recursive: true });
  const recovered = await cleanTmp(layout);
  const meta = new MetaRepo(db);
  let profile: FilingProfile;
  try {
    profile = loadProfile(opts.resourcesDir, meta.get('profile_id') ?? DEFAULT_PROFILE_ID);
  } catch (e) {
    db.close();
    throw e;
  }
  return {
    layout,
    db,
    store: new ObjectStore(layout, opts.files ?? nodeFilePort),
    files: opts.files ?? nodeFilePort,
    audit: new AuditLog(db, layout.anchor, clock),
    meta,
    profile,
    clock,
    recovered,
    close: () => db.close(),
  };
}
