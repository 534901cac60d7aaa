import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

/**
 * Small append-only logs beside catalog.db (the audit anchor, the 归档号 ledger): lines appended
 * with O_APPEND and fsync after a commit, read back whole. They outlive a catalogue restored from an
 * older backup, which is what makes them useful.
 */
export function appendLines(file: string, lines: readonly string[], opts: { sync?: boolean; mode?: number } = {}): void {
  if (lines.length === 0) return;
  const fd = openSync(file, 'a', opts.mode ?? 0o644);
  try {
    writeSync(fd, lines.map((l) => l + '\n').join(''));
    // Without fsync the lines still survive a killed process (they are in the page cache), not a power cut.
    if (opts.sync !== false) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The file's lines, or none when it does not exist yet. */
export function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}
