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

/** The quoted results of an expression: of a ternary only its branches (`c === 'x' ? 'a' : 'b'` → a, b). */
function literalsOf(expr: string): string[] {
  const pattern = expr.includes('?') ? /[?:]\s*'([^']*)'/g : /'([^']*)'/g;
  return [...expr.matchAll(pattern)].map((m) => m[1]!);
}

/** The names a template literal can produce: each `${…}` stands for the quoted literals inside it. */
function expandTemplate(body: string): string[] {
  let out = [''];
  for (const part of body.split(/(\$\{[^}]*\})/)) {
    const options = part.startsWith('${') ? literalsOf(part) : [part];
    out = out.flatMap((prefix) => options.map((o) => prefix + o));
  }
  return out;
}

/** Every name an `action: …` property of the core can write: literals, ternaries of them, templates. */
function actionsWrittenByTheCore(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (name: string, file: string) => found.set(name, [...(found.get(name) ?? []), relative(SRC, file)]);
  for (const file of tsFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction:\s*(`[^`]*`|[^,}\n]+)/g)) {
      const value = m[1]!;
      if (value.startsWith('`')) for (const name of expandTemplate(value.slice(1, -1))) add(name, file);
      else for (const name of literalsOf(value)) add(name, file);
    }
  }
  return found;
}

describe('AUDIT_ACTIONS', () => {
  const written = actionsWrittenByTheCore();

  it('finds the actions the core writes (the scan itself works)', () => {
    expect(written.has('dossier.seal')).toBe(true);
    expect(written.has('footage.disposal.approve')).toBe(true);
    expect(expandTemplate("review.finding.${d === 'accepted' ? 'accept' : 'reject'}")).toEqual(['review.finding.accept', 'review.finding.reject']);
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
