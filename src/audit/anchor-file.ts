import { existsSync } from 'node:fs';
import { appendLines, readLines } from './append-log.js';
import type { AuditKey } from './audit-key.js';

/**
 * audit-anchor.log, the audit chain's anchor beside catalog.db. Every line carries an HMAC-SHA-256
 * (key outside the archive, src/audit/audit-key.ts), so whoever can write the catalogue and this file
 * but has not got the key cannot add a line that verifies:
 *   `P first last hash mac`     inside the transaction, just before COMMIT, fsynced: entries
 *                               first…last are about to be committed and `last` has `hash` (a
 *                               rolled-back batch leaves a P line no row matches, which is harmless)
 *   `A seq hash mac`            after the commit, not fsynced (one fsync per change, as before keys):
 *                               entry `seq` has `hash`. A power cut may lose A lines; the P line
 *                               still vouches for the batch.
 *   `R seq hash lostTo mac`     a restore: the catalogue goes on from entry `seq` (`hash`); anchored
 *                               entries seq+1…lostTo of the earlier history were lost
 * Lines of the first format (`seq hash`, no MAC) are read as legacy anchors written before keys.
 */
export type AnchorLine =
  | { kind: 'P'; line: number; seq: number; last: number; hash: string; macOk: boolean }
  | { kind: 'A'; line: number; seq: number; hash: string; macOk: boolean }
  | { kind: 'R'; line: number; seq: number; hash: string; lostTo: number; macOk: boolean }
  | { kind: 'legacy'; line: number; seq: number; hash: string; macOk: false }
  | { kind: 'junk'; line: number; text: string };

const HEX = '[0-9a-f]{64}';
const KEYED = new RegExp(`^A (\\d+) (${HEX}) (${HEX})$`);
const PREPARE = new RegExp(`^P (\\d+) (\\d+) (${HEX}) (${HEX})$`);
const RESTORE = new RegExp(`^R (\\d+) (${HEX}) (\\d+) (${HEX})$`);
const LEGACY = new RegExp(`^(\\d+) (${HEX})$`);

export function anchorFileExists(file: string): boolean {
  return existsSync(file);
}

export function appendPrepare(file: string, key: AuditKey, first: number, last: { seq: number; hash: string }): void {
  appendLines(file, [signed(key, `P ${first} ${last.seq} ${last.hash}`)]);
}

export function appendAnchors(file: string, key: AuditKey, entries: readonly { seq: number; hash: string }[]): void {
  appendLines(
    file,
    entries.map((e) => signed(key, `A ${e.seq} ${e.hash}`)),
    { sync: false },
  );
}

export function appendRestore(file: string, key: AuditKey, seq: number, hash: string, lostTo: number): void {
  appendLines(file, [signed(key, `R ${seq} ${hash} ${lostTo}`)]);
}

function signed(key: AuditKey, body: string): string {
  return `${body} ${key.mac(body)}`;
}

/** Every non-blank line, parsed, with whether its MAC holds under `key`. */
export function readAnchorLines(file: string, key: AuditKey): AnchorLine[] {
  const out: AnchorLine[] = [];
  readLines(file).forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    const line = i + 1;
    let m = KEYED.exec(text);
    if (m) {
      out.push({ kind: 'A', line, seq: Number(m[1]), hash: m[2]!, macOk: key.check(`A ${m[1]} ${m[2]}`, m[3]!) });
      return;
    }
    m = PREPARE.exec(text);
    if (m) {
      const body = `P ${m[1]} ${m[2]} ${m[3]}`;
      out.push({ kind: 'P', line, seq: Number(m[1]), last: Number(m[2]), hash: m[3]!, macOk: key.check(body, m[4]!) });
      return;
    }
    m = RESTORE.exec(text);
    if (m) {
      const body = `R ${m[1]} ${m[2]} ${m[3]}`;
      out.push({ kind: 'R', line, seq: Number(m[1]), hash: m[2]!, lostTo: Number(m[3]), macOk: key.check(body, m[4]!) });
      return;
    }
    m = LEGACY.exec(text);
    if (m) {
      out.push({ kind: 'legacy', line, seq: Number(m[1]), hash: m[2]!, macOk: false });
      return;
    }
    out.push({ kind: 'junk', line, text: text.slice(0, 80) });
  });
  return out;
}

/**
 * The anchors of the current history: after the last `R` line, what each entry was anchored as (the
 * first line for a seq wins: a later one only appears when entries were deleted and the number reused).
 * Lines before a restore count for the entries the restore kept (seq ≤ R.seq).
 */
/** The batches announced by P lines of the current history, by their last entry: first seq and hashes. */
export function currentPrepares(lines: readonly AnchorLine[]): Map<number, { first: number; hash: string }[]> {
  const out = new Map<number, { first: number; hash: string }[]>();
  for (const l of lines) {
    if (l.kind === 'R' && l.macOk) for (const s of [...out.keys()]) if (s > l.seq) out.delete(s);
    if (l.kind === 'P' && l.macOk) out.set(l.last, [...(out.get(l.last) ?? []), { first: l.seq, hash: l.hash }]);
  }
  return out;
}

export function currentAnchors(lines: readonly AnchorLine[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const l of lines) {
    if (l.kind === 'R' && l.macOk) {
      for (const s of [...out.keys()]) if (s > l.seq) out.delete(s);
      out.set(l.seq, l.hash);
      continue;
    }
    if ((l.kind === 'A' && l.macOk) || l.kind === 'legacy') {
      if (!out.has(l.seq)) out.set(l.seq, l.hash);
    }
  }
  return out;
}
