import type { AuditVerifyResult } from '../api/types.js';
import type { Clock } from '../ports/clock.js';
import type { Db } from '../storage/db.js';
import { AuditRepo, type AuditRow } from '../storage/repos/audit-repo.js';
import { appendAnchors, readAnchors } from './anchor-file.js';
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

  constructor(
    db: Db,
    private readonly anchorFile: string,
    private readonly clock: Clock,
  ) {
    this.repo = new AuditRepo(db);
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

  /** After the transaction commits: writes the new entries' anchors. */
  flushAnchors(): void {
    const out = this.pending;
    this.pending = [];
    appendAnchors(this.anchorFile, out);
  }

  /** After a rollback: the pending entries never existed. */
  dropPending(): void {
    this.pending = [];
  }

  list(opts: Parameters<AuditRepo['list']>[0]): AuditRow[] {
    return this.repo.list(opts);
  }

  /** Recomputes the chain and compares it with the anchor file; names the first broken entry. */
  verify(): AuditVerifyResult {
    const anchors = readAnchors(this.anchorFile);
    let prev = GENESIS_HASH;
    let expected = 1;
    let checked = 0;
    const broken = (seq: number, reason: string, reasonZh: string): AuditVerifyResult => ({
      ok: false,
      checked,
      headSeq: expected - 1,
      anchor: lastAnchor(anchors),
      firstBroken: { seq, reason, reasonZh },
    });
    for (const row of this.repo.iterate()) {
      if (row.seq !== expected) {
        return broken(expected, `entry ${expected} is missing (deleted)`, `第 ${expected} 条审计记录缺失（被删除）`);
      }
      if (row.prevHash !== prev) {
        return broken(row.seq, `entry ${row.seq} does not link to entry ${row.seq - 1}`, `第 ${row.seq} 条审计记录与上一条的链接不符`);
      }
      const { prevHash: _p, hash, ...fields } = row;
      if (entryHash(prev, fields) !== hash) {
        return broken(row.seq, `entry ${row.seq} was altered (its hash no longer matches its content)`, `第 ${row.seq} 条审计记录被篡改（内容与哈希不符）`);
      }
      const anchored = anchors.get(row.seq);
      if (anchored !== undefined && anchored !== hash) {
        return broken(
          row.seq,
          `entry ${row.seq} differs from the anchor kept outside the catalogue (chain rewritten)`,
          `第 ${row.seq} 条审计记录与目录库外的锚点不符（审计链被重写）`,
        );
      }
      prev = hash;
      expected++;
      checked++;
    }
    const headSeq = expected - 1;
    const maxAnchored = Math.max(0, ...anchors.keys());
    if (maxAnchored > headSeq) {
      return broken(
        headSeq + 1,
        `entries ${headSeq + 1}–${maxAnchored} are anchored but missing from the catalogue (tail deleted)`,
        `第 ${headSeq + 1}–${maxAnchored} 条审计记录在锚点中存在但目录库中缺失（尾部被删除）`,
      );
    }
    return { ok: true, checked, headSeq, anchor: lastAnchor(anchors), firstBroken: null };
  }
}

function lastAnchor(anchors: Map<number, string>): { seq: number; hash: string } | null {
  let best: { seq: number; hash: string } | null = null;
  for (const [seq, hash] of anchors) if (!best || seq > best.seq) best = { seq, hash };
  return best;
}
