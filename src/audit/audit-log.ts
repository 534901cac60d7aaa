import type { AuditVerifyResult } from '../api/types.js';
import type { Clock } from '../ports/clock.js';
import type { Db } from '../storage/db.js';
import { AuditCheckRepo, AuditRepo, type AuditRow } from '../storage/repos/audit-repo.js';
import { appendAnchors, appendPrepare, appendRestore } from './anchor-file.js';
import { AuditKey, defaultKeyDir } from './audit-key.js';
import { verifyAudit } from './audit-verify.js';
import { entryHash, GENESIS_HASH, stateDigest } from './chain.js';

export interface Actor {
  id: number | null;
  name: string;
}

export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string | number;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown>;
}

/** The append-only, hash-chained audit log and its anchor file. */
export class AuditLog {
  private readonly repo: AuditRepo;
  private pending: { seq: number; hash: string }[] = [];

  private readonly check: AuditCheckRepo;
  private key: AuditKey | null | undefined;

  constructor(
    db: Db,
    private readonly anchorFile: string,
    private readonly clock: Clock,
    /** Where the anchor key and witness live (default: the user's config dir, src/audit/audit-key.ts). */
    private readonly keyDir: string = defaultKeyDir(),
  ) {
    this.repo = new AuditRepo(db);
    this.check = new AuditCheckRepo(db);
  }

  /** Appends an entry. Call inside the write transaction of the change it records. */
  record(actor: Actor, r: AuditRecord): AuditRow {
    const head = this.repo.head();
    const prevHash = head?.hash ?? GENESIS_HASH;
    const fields = {
      seq: (head?.seq ?? 0) + 1,
      at: this.clock.now().toISOString(),
      actorId: actor.id,
      actor: actor.name,
      action: r.action,
      targetType: r.targetType,
      targetId: String(r.targetId),
      beforeDigest: r.before === undefined ? null : stateDigest(r.before),
      afterDigest: r.after === undefined ? null : stateDigest(r.after),
      detail: r.detail === undefined ? null : JSON.stringify(r.detail),
    };
    const row: AuditRow = { ...fields, prevHash, hash: entryHash(prevHash, fields) };
    this.repo.insert(row);
    this.pending.push({ seq: row.seq, hash: row.hash });
    return row;
  }

  /**
   * Inside the transaction, after its last entry and before COMMIT: the fsynced P line that vouches
   * for the batch (first…last, last's hash). A throw here rolls the change back: no entry is ever
   * committed without it.
   */
  prepareAnchors(): void {
    if (this.pending.length === 0) return;
    appendPrepare(this.anchorFile, this.keyOrThrow(), this.pending[0]!.seq, this.pending.at(-1)!);
  }

  /** After the transaction commits: writes the new entries' anchors and moves the witness on. */
  flushAnchors(): void {
    const out = this.pending;
    this.pending = [];
    if (out.length === 0) return;
    const key = this.keyOrThrow();
    appendAnchors(this.anchorFile, key, out);
    this.advanceWitness(key, out.at(-1)!);
  }

  /** After a rollback: the pending entries never existed. */
  dropPending(): void {
    this.pending = [];
  }

  list(opts: Parameters<AuditRepo['list']>[0]): AuditRow[] {
    return this.repo.list(opts);
  }

  /** Recomputes the chain and checks it against the anchor file, the key and the witness. */
  verify(): AuditVerifyResult {
    return verifyAudit(this.repo, this.check, this.anchorFile, this.keyOrNull());
  }

  /** The key of this archive's anchors (null when the catalogue has no archive id). */
  keyOrNull(): AuditKey | null {
    if (this.key === undefined) {
      const id = this.check.archiveId();
      this.key = id ? new AuditKey(id, this.keyDir) : null;
    }
    return this.key;
  }

  private keyOrThrow(): AuditKey {
    const k = this.keyOrNull();
    if (!k) throw new Error('the catalogue has no archive_id: cannot anchor the audit log');
    return k;
  }

  /** Moves the witness forward to `head` (never back), keeping the highest 归档号 serials ever seen. */
  private advanceWitness(key: AuditKey, head: { seq: number; hash: string }): void {
    const read = key.readWitness();
    if (read && !read.macOk) return; // a tampered witness stays as evidence for verify
    const old = read?.witness;
    if (old && old.seq >= head.seq) return;
    // The chain no longer runs through the entry the witness saw: rewritten. Keep that as evidence.
    if (old && old.seq > 0 && this.check.hashAt(old.seq) !== old.hash) return;
    key.writeWitness({ seq: head.seq, hash: head.hash, serials: maxSerials(old?.serials ?? {}, this.check.lastSerials()) });
  }

  /**
   * A restore (src/backup): the catalogue goes on from its head; anchored entries after it up to
   * `lostTo` are gone. Writes the `R` line and sets the witness back to the restored head.
   */
  markRestored(lostTo: number, serials: Record<string, number>): void {
    const key = this.keyOrThrow();
    const head = this.repo.head() ?? { seq: 0, hash: GENESIS_HASH };
    appendRestore(this.anchorFile, key, head.seq, head.hash, lostTo);
    key.writeWitness({ seq: head.seq, hash: head.hash, serials: maxSerials(serials, this.check.lastSerials()) });
  }
}

export function maxSerials(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [y, s] of Object.entries(b)) out[y] = Math.max(out[y] ?? 0, s);
  return out;
}
