import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh temporary folder, removed after the test. */
export function tmpDir(prefix = 'jz-test-'): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}

afterEach(() => {
  while (made.length) {
    const d = made.pop()!;
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      /* read-only objects: chmod is not needed for rm as root; ignore */
    }
  }
});
