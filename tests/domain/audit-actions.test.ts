import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, isAuditAction } from '../../src/domain/audit-actions.js';

const SRC = join(import.meta.dirname, '../../src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every string literal in an `action: …` property of the core (ternaries included). */
function actionsWrittenByTheCore(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of tsFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction:\s*([^,}\n]+)/g)) {
      for (const lit of m[1]!.matchAll(/'([a-z][a-z0-9_.-]*)'/g)) {
        const at = found.get(lit[1]!) ?? [];
        at.push(relative(SRC, file));
        found.set(lit[1]!, at);
      }
    }
  }
  return found;
}

describe('AUDIT_ACTIONS', () => {
  const written = actionsWrittenByTheCore();

  it('finds the actions the core writes (the scan itself works)', () => {
    expect(written.has('dossier.seal')).toBe(true);
    expect(written.has('footage.disposal.approve')).toBe(true);
    expect(written.size).toBeGreaterThanOrEqual(20);
  });

  it('lists every action written by the core', () => {
    const missing = [...written].filter(([a]) => !isAuditAction(a)).map(([a, files]) => `${a} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('lists nothing the core no longer writes, and nothing twice', () => {
    expect(AUDIT_ACTIONS.filter((a) => !written.has(a))).toEqual([]);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });
});
