import path from 'node:path';
import { AppError } from '../api/errors.js';
import { appendLines, readLines } from '../audit/append-log.js';
import type { ArchiveLayout } from '../archive/layout.js';

/**
 * The 归档号 ledger outside catalog.db (archive-numbers.log, one JSON line per issued number, appended
 * with fsync after the sealing commit — like the audit anchor). If the catalogue is restored from an
 * older backup its serial counter falls behind numbers already written on paper covers; the ledger
 * still lists them, so the next seal that would reissue one is refused, naming the case that holds it.
 * Re-sealing that same case (same subject) gets its old number back.
 */
export interface LedgerLine {
  archiveNo: string;
  year: number;
  serial: number;
  subject: string;
  at: string;
}

export function ledgerFile(layout: ArchiveLayout): string {
  return path.join(layout.root, 'archive-numbers.log');
}

export function readLedger(file: string): Map<string, LedgerLine> {
  const out = new Map<string, LedgerLine>();
  for (const line of readLines(file)) {
    if (!line.trim()) continue;
    try {
      const l = JSON.parse(line) as LedgerLine;
      // The first line for a number is what it was issued to.
      if (typeof l.archiveNo === 'string' && !out.has(l.archiveNo)) out.set(l.archiveNo, l);
    } catch {
      /* a torn last line after a crash: ignore */
    }
  }
  return out;
}

export function appendLedger(file: string, lines: readonly LedgerLine[]): void {
  appendLines(
    file,
    lines.map((l) => JSON.stringify(l)),
  );
}

/** Refuses to issue `archiveNo` to `subject` when the ledger shows it went to someone else. */
export function checkLedger(file: string, archiveNo: string, subject: string): void {
  const prior = readLedger(file).get(archiveNo);
  if (!prior || prior.subject === subject) return;
  const who = prior.subject.replace(/^case:/, '案件 ').replace(/^batch:/, '简易程序合订卷 ');
  throw new AppError(
    'duplicate',
    `归档号 ${archiveNo} was already issued on ${prior.at.slice(0, 10)} to ${prior.subject}, but the catalogue does not know it: it was restored from an older backup. Seal ${prior.subject} again first (it gets the same number back), then this one.`,
    `归档号 ${archiveNo} 已于 ${prior.at.slice(0, 10)} 分配给${who}，但目录库中没有该记录（目录库可能已从较早的备份恢复）。请先重新归档${who}（将沿用原归档号），再归档本案卷。`,
    { item: archiveNo, details: { issuedTo: prior.subject, issuedAt: prior.at } },
  );
}
