import type { AuditVerifyResult } from '../api/types.js';
import type { AuditCheckRepo, AuditRepo } from '../storage/repos/audit-repo.js';
import { anchorFileExists, currentAnchors, currentPrepares, readAnchorLines } from './anchor-file.js';
import { missingAuditTriggers } from './append-only-triggers.js';
import type { AuditKey } from './audit-key.js';
import { entryHash, GENESIS_HASH } from './chain.js';

export interface AuditProblem {
  /** The first entry concerned, or 0 for the log as a whole (triggers, anchor file, key). */
  seq: number;
  reason: string;
  reasonZh: string;
}

/**
 * Recomputes the chain and checks it against everything outside catalog.db:
 * - the append-only triggers are there, unaltered;
 * - the anchor file exists and is not empty when there are entries, and every keyed line's MAC holds;
 * - every entry matches its anchor, and every entry has one: an A line, or the P line of its batch
 *   (written and fsynced before COMMIT, so a crash or a power cut explains no entry without either);
 * - no anchored entry and nothing the witness saw is missing, and the witness's entry is unchanged.
 * Returns every problem; `firstBroken` is the first that names an entry (else the first).
 */
export function verifyAudit(
  repo: AuditRepo,
  check: AuditCheckRepo,
  anchorFile: string,
  key: AuditKey | null,
): AuditVerifyResult & { problems?: AuditProblem[] } {
  const problems: AuditProblem[] = [];
  const flag = (seq: number, reason: string, reasonZh: string): void => void problems.push({ seq, reason, reasonZh });

  for (const t of missingAuditTriggers(check)) {
    flag(0, `the append-only trigger ${t} on audit_log is missing or altered`, `审计日志的只追加触发器 ${t} 缺失或被改动`);
  }
  const head = repo.head();
  const hasEntries = head !== undefined;
  if (!key) flag(0, 'the catalogue has no archive id, so its anchor key cannot be found', '目录库缺少档案库标识，找不到锚点密钥');
  else if (!key.exists() && hasEntries) {
    flag(0, `the anchor key ${key.keyPath} is missing: the anchors cannot be checked`, `锚点密钥 ${key.keyPath} 缺失，无法核验锚点`);
  }

  const lines = key ? readAnchorLines(anchorFile, key) : [];
  if (hasEntries && !anchorFileExists(anchorFile)) {
    flag(
      0,
      `the anchor file ${anchorFile} is missing although the log has ${head.seq} entries`,
      `审计日志有 ${head.seq} 条记录，但锚点文件 ${anchorFile} 缺失`,
    );
  } else if (hasEntries && lines.length === 0) {
    flag(0, `the anchor file ${anchorFile} is empty although the log has ${head.seq} entries`, `审计日志有 ${head.seq} 条记录，但锚点文件 ${anchorFile} 为空`);
  }
  let keyedSeen = false;
  for (const l of lines) {
    if (l.kind === 'junk') {
      flag(0, `anchor line ${l.line} is not an anchor ("${l.text}")`, `锚点文件第 ${l.line} 行不是锚点（“${l.text}”）`);
    } else if (l.kind === 'legacy') {
      if (keyedSeen)
        flag(
          l.seq,
          `anchor line ${l.line} has no MAC (added by hand after keyed anchors began)`,
          `锚点文件第 ${l.line} 行没有密钥校验码（在启用密钥后被手工添加）`,
        );
    } else {
      keyedSeen = true;
      if (!l.macOk && key?.exists()) {
        flag(
          l.seq,
          `anchor line ${l.line} has a bad MAC: forged, or written with another key than ${key.keyPath}`,
          `锚点文件第 ${l.line} 行的密钥校验码不符（伪造，或由另一把密钥写入）`,
        );
      }
    }
  }
  if (hasEntries && lines.length > 0 && !keyedSeen) {
    flag(0, 'the anchor file has no keyed anchor: the log cannot be authenticated', '锚点文件中没有带密钥的锚点，无法认证审计日志');
  }

  const anchors = currentAnchors(lines);
  const prepares = currentPrepares(lines);
  const witnessRead = key?.exists() ? key.readWitness() : null;
  const witness = witnessRead?.witness ?? null;
  if (witnessRead && !witnessRead.macOk) flag(0, `the witness ${key!.witnessPath} has a bad MAC`, `见证文件 ${key!.witnessPath} 的密钥校验码不符`);
  else if (key?.exists() && keyedSeen && !witnessRead && hasEntries) {
    flag(0, `the witness ${key.witnessPath} is missing`, `见证文件 ${key.witnessPath} 缺失`);
  }

  let prev = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  const unanchored: number[] = [];
  let witnessHash: string | null = null;
  let chainBroken = false;
  for (const row of repo.iterate()) {
    if (row.seq !== expected) {
      flag(expected, `entry ${expected} is missing (deleted)`, `第 ${expected} 条审计记录缺失（被删除）`);
      chainBroken = true;
      break;
    }
    if (row.prevHash !== prev) {
      flag(row.seq, `entry ${row.seq} does not link to entry ${row.seq - 1}`, `第 ${row.seq} 条审计记录与上一条的链接不符`);
      chainBroken = true;
      break;
    }
    const { prevHash: _p, hash, ...fields } = row;
    if (entryHash(prev, fields) !== hash) {
      flag(row.seq, `entry ${row.seq} was altered (its hash no longer matches its content)`, `第 ${row.seq} 条审计记录被篡改（内容与哈希不符）`);
      chainBroken = true;
      break;
    }
    const anchored = anchors.get(row.seq);
    if (anchored !== undefined && anchored !== hash) {
      flag(
        row.seq,
        `entry ${row.seq} differs from the anchor kept outside the catalogue (chain rewritten)`,
        `第 ${row.seq} 条审计记录与目录库外的锚点不符（审计链被重写）`,
      );
      chainBroken = true;
      break;
    }
    if (anchored === undefined) unanchored.push(row.seq);
    // A P line whose last entry is this one vouches for its whole batch (first…this).
    const vouched = prepares.get(row.seq)?.find((p) => p.hash === hash);
    if (vouched) while (unanchored.length > 0 && unanchored.at(-1)! >= vouched.first) unanchored.pop();
    if (witness && row.seq === witness.seq) witnessHash = hash;
    prev = hash;
    expected++;
    checked++;
  }
  const headSeq = expected - 1;

  if (!chainBroken && unanchored.length > 0) {
    // Every committed entry has an A line or a P line vouching for its batch (fsynced before COMMIT, so
    // no crash or power cut explains an entry with neither): the rest were added outside the app.
    const bad = unanchored;
    if (bad.length > 0) {
      const from = bad[0]!;
      let i = 0;
      while (i + 1 < bad.length && bad[i + 1] === bad[i]! + 1) i++;
      const to = bad[i]!;
      flag(
        from,
        `entr${from === to ? `y ${from} has` : `ies ${from}–${to} have`} no anchor and no crash explains it (added outside the application)`,
        `第 ${from === to ? from : `${from}–${to}`} 条审计记录没有锚点，且无法用一次中断解释（在程序之外追加）`,
      );
    }
  }
  const maxAnchored = Math.max(0, ...anchors.keys());
  if (!chainBroken && maxAnchored > headSeq) {
    flag(
      headSeq + 1,
      `entries ${headSeq + 1}–${maxAnchored} are anchored but missing from the catalogue (tail deleted)`,
      `第 ${headSeq + 1}–${maxAnchored} 条审计记录在锚点中存在但目录库中缺失（尾部被删除）`,
    );
  }
  if (witness && witnessRead?.macOk && !chainBroken) {
    if (witness.seq > headSeq) {
      flag(
        headSeq + 1,
        `entries ${headSeq + 1}–${witness.seq} were committed (the witness outside the archive saw them) but are missing`,
        `第 ${headSeq + 1}–${witness.seq} 条审计记录曾经提交（档案库外的见证文件记录了它们），但现已缺失`,
      );
    } else if (witness.seq > 0 && witnessHash !== witness.hash) {
      flag(
        witness.seq,
        `entry ${witness.seq} differs from the witness outside the archive (chain rewritten)`,
        `第 ${witness.seq} 条审计记录与档案库外的见证不符（审计链被重写）`,
      );
    }
  }

  const anchor = lastAnchor(anchors);
  if (problems.length === 0) return { ok: true, checked, headSeq, anchor, firstBroken: null };
  const first = problems.find((p) => p.seq > 0) ?? problems[0]!;
  return { ok: false, checked, headSeq, anchor, firstBroken: first, problems };
}

function lastAnchor(anchors: Map<number, string>): { seq: number; hash: string } | null {
  let best: { seq: number; hash: string } | null = null;
  for (const [seq, hash] of anchors) if (seq > 0 && (!best || seq > best.seq)) best = { seq, hash };
  return best;
}
