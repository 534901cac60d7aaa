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

  list(opts: { limit: number; beforeSeq?: number; targetType?: string; targetId?: string }): AuditRow[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: opts.limit };
    if (opts.beforeSeq !== undefined) {
      where.push('seq < @beforeSeq');
      params.beforeSeq = opts.beforeSeq;
    }
    if (opts.targetType !== undefined) {
      where.push('target_type = @targetType');
      params.targetType = opts.targetType;
    }
    if (opts.targetId !== undefined) {
      where.push('target_id = @targetId');
      params.targetId = opts.targetId;
    }
    const sql = `SELECT ${COLS} FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT @limit`;
    return this.db.prepare(sql).all(params) as AuditRow[];
  }
}

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
