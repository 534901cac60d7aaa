import type { Db } from '../db.js';

/** The fields an audit entry's hash covers (everything but the hash itself). */
export interface AuditFields {
  seq: number;
  at: string;
  actorId: number | null;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  detail: string | null;
}

export interface AuditRow extends AuditFields {
  prevHash: string;
  hash: string;
}

const COLS = `seq, at, actor_id AS actorId, actor, action, target_type AS targetType, target_id AS targetId,
  before_digest AS beforeDigest, after_digest AS afterDigest, detail, prev_hash AS prevHash, hash`;

export class AuditRepo {
  constructor(private readonly db: Db) {}

  head(): { seq: number; hash: string } | undefined {
    return this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  }

  insert(r: AuditRow): void {
    this.db
      .prepare(
        `INSERT INTO audit_log (seq, at, actor_id, actor, action, target_type, target_id, before_digest, after_digest, detail, prev_hash, hash)
         VALUES (@seq, @at, @actorId, @actor, @action, @targetType, @targetId, @beforeDigest, @afterDigest, @detail, @prevHash, @hash)`,
      )
      .run(r);
  }

  /** All rows in order, one at a time (the log may be long). */
  *iterate(): IterableIterator<AuditRow> {
    yield* this.db.prepare(`SELECT ${COLS} FROM audit_log ORDER BY seq`).iterate() as IterableIterator<AuditRow>;
  }

  /**
   * A page of the log, newest first. Paging walks the primary key (seq) backwards; an exact target
   * uses the audit_target index; the other filters are checked on the rows the walk meets.
   */
  list(opts: AuditListFilter & { limit: number; beforeSeq?: number }): AuditRow[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: opts.limit };
    const add = (sql: string, name: string, value: unknown) => {
      where.push(sql);
      params[name] = value;
    };
    if (opts.beforeSeq !== undefined) add('seq < @beforeSeq', 'beforeSeq', opts.beforeSeq);
    if (opts.targetType !== undefined) add('target_type = @targetType', 'targetType', opts.targetType);
    if (opts.targetId !== undefined) add('target_id = @targetId', 'targetId', opts.targetId);
    if (opts.actorId !== undefined) add('actor_id = @actorId', 'actorId', opts.actorId);
    if (opts.actor !== undefined) add("actor LIKE @actor ESCAPE '\\'", 'actor', like(opts.actor));
    if (opts.action !== undefined) add('action = @action', 'action', opts.action);
    if (opts.fromAt !== undefined) add('at >= @fromAt', 'fromAt', opts.fromAt);
    if (opts.toAt !== undefined) add('at < @toAt', 'toAt', opts.toAt);
    if (opts.hideLogins) where.push(`action NOT IN (${LOGIN_ACTIONS.map((a) => `'${a}'`).join(', ')})`);
    if (opts.targetText !== undefined) {
      where.push(`(target_id = @targetText OR ${TARGET_MATCH})`);
      params.targetText = opts.targetText;
      params.targetLike = like(opts.targetText);
    }
    const sql = `SELECT ${COLS} FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT @limit`;
    return this.db.prepare(sql).all(params) as AuditRow[];
  }
}

/** What the 审计日志 page filters by (all optional; instants as ISO strings in UTC, `toAt` exclusive). */
export interface AuditListFilter {
  targetType?: string;
  targetId?: string;
  actorId?: number;
  /** Part of the operator as logged: 姓名(用户名). */
  actor?: string;
  action?: string;
  /** Part of a 案号, a file name, a 归档号, a title or a name, or a target's id. */
  targetText?: string;
  fromAt?: string;
  toAt?: string;
  /** Leaves out sign-ins, sign-outs and failed sign-ins. */
  hideLogins?: boolean;
}

/** The actions 隐藏登录记录 leaves out. */
export const LOGIN_ACTIONS = ['auth.login', 'auth.logout', 'auth.login.failed'] as const;

/** `%text%` for LIKE, with the wildcards in the text taken literally. */
function like(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An entry whose target's readable name (案号, file name, 归档号, title, name) contains @targetLike. */
const TARGET_MATCH = `(
    (target_type = 'case' AND target_id IN (SELECT CAST(id AS TEXT) FROM cases WHERE case_no LIKE @targetLike ESCAPE '\\' OR title LIKE @targetLike ESCAPE '\\'))
 OR (target_type = 'clip' AND target_id IN (SELECT CAST(id AS TEXT) FROM clips WHERE original_name LIKE @targetLike ESCAPE '\\'))
 OR (target_type = 'document' AND target_id IN (SELECT CAST(d.id AS TEXT) FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE d.title LIKE @targetLike ESCAPE '\\' OR c.case_no LIKE @targetLike ESCAPE '\\'))
 OR (target_type = 'dossier' AND target_id IN (SELECT CAST(d.id AS TEXT) FROM dossiers d LEFT JOIN cases c ON c.id = d.case_id
       LEFT JOIN dossier_versions v ON v.dossier_id = d.id
       WHERE d.title LIKE @targetLike ESCAPE '\\' OR c.case_no LIKE @targetLike ESCAPE '\\' OR v.archive_no LIKE @targetLike ESCAPE '\\'))
 OR (target_type = 'user' AND target_id IN (SELECT CAST(id AS TEXT) FROM users WHERE display_name LIKE @targetLike ESCAPE '\\' OR username LIKE @targetLike ESCAPE '\\'))
 OR (target_type = 'officer' AND target_id IN (SELECT CAST(id AS TEXT) FROM officers WHERE name LIKE @targetLike ESCAPE '\\' OR cert_no LIKE @targetLike ESCAPE '\\'))
 OR target_id LIKE @targetLike ESCAPE '\\'
)`;

/** Readable names of audit targets (the rows may be gone: those are left out). */
export class AuditTargetRepo {
  constructor(private readonly db: Db) {}

  /** id → label for the ids of one target type; null when the type has no readable name here. */
  labels(targetType: string, ids: readonly string[]): Map<string, string> | null {
    const sql = TARGET_LABEL_SQL[targetType];
    if (!sql) return null;
    const out = new Map<string, string>();
    const nums = ids.filter((i) => /^\d+$/.test(i));
    for (let i = 0; i < nums.length; i += 500) {
      const chunk = nums.slice(i, i + 500);
      const rows = this.db.prepare(sql.replace('@ids', chunk.map(() => '?').join(','))).all(...chunk.map(Number)) as { id: number; label: string | null }[];
      for (const r of rows) if (r.label) out.set(String(r.id), r.label);
    }
    return out;
  }
}

/** One query per target type: `id`, `label` for the ids in @ids. */
const TARGET_LABEL_SQL: Readonly<Record<string, string>> = {
  case: 'SELECT id, case_no AS label FROM cases WHERE id IN (@ids)',
  clip: 'SELECT id, original_name AS label FROM clips WHERE id IN (@ids)',
  user: 'SELECT id, display_name AS label FROM users WHERE id IN (@ids)',
  officer: 'SELECT id, name AS label FROM officers WHERE id IN (@ids)',
  device: 'SELECT id, serial AS label FROM devices WHERE id IN (@ids)',
  document: `SELECT d.id, c.case_no || ' · ' || d.title AS label FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id IN (@ids)`,
  dossier: `SELECT d.id, COALESCE('归档号 ' || (SELECT v.archive_no FROM dossier_versions v WHERE v.dossier_id = d.id AND v.archive_no IS NOT NULL
      ORDER BY v.version_no DESC LIMIT 1), c.case_no, d.title) AS label
    FROM dossiers d LEFT JOIN cases c ON c.id = d.case_id WHERE d.id IN (@ids)`,
};

/** What `audit verify` and the witness read beside the log itself. */
export class AuditCheckRepo {
  constructor(private readonly db: Db) {}

  /** The stored SQL of the triggers on audit_log, by name. */
  triggers(): Map<string, string> {
    const rows = this.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as {
      name: string;
      sql: string | null;
    }[];
    return new Map(rows.map((r) => [r.name, r.sql ?? '']));
  }

  /** The highest 归档号 serial issued in each year (the witness keeps these outside the archive). */
  lastSerials(): Record<string, number> {
    const rows = this.db.prepare('SELECT year, last_serial AS s FROM archive_serials').all() as { year: number; s: number }[];
    return Object.fromEntries(rows.map((r) => [String(r.year), r.s]));
  }

  hashAt(seq: number): string | undefined {
    return (this.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash;
  }

  archiveId(): string | undefined {
    return (this.db.prepare("SELECT value FROM meta WHERE key = 'archive_id'").get() as { value: string } | undefined)?.value;
  }
}
