import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => ext.test(f) && !f.includes('node_modules'))
    .map((f) => path.join(dir, f));
}

function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[3]!, typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

// ARCHITECTURE.md rule 1: renderer → src/api + src/domain; electron, bridge, cli → src; src imports
// nothing of ours outside src/, and src/domain has no I/O.
describe('dependency direction', () => {
  it('src/ imports no electron, react or DOM code, and nothing of ours outside src/', () => {
    for (const f of files('src', /\.ts$/)) {
      for (const { spec } of imports(f)) {
        expect(spec, f).not.toMatch(/^(electron|react|react-dom|antd)(\/|$)/);
        if (spec.startsWith('.')) expect(path.resolve(root, path.dirname(f), spec).startsWith(path.join(root, 'src')), `${f} → ${spec}`).toBe(true);
      }
    }
  });

  it('src/domain and src/api do no I/O', () => {
    for (const f of [...files('src/domain', /\.ts$/), ...files('src/api', /\.ts$/)]) {
      for (const { spec } of imports(f)) expect(spec, f).not.toMatch(/^(node:|better-sqlite3|sharp|fluent-ffmpeg|fs|path|child_process)/);
    }
  });

  it('the renderer takes only types from src/, plus pure domain functions', () => {
    // vite.config.ts is build tooling that runs in Node, not renderer code.
    for (const f of files('renderer', /\.(ts|tsx)$/).filter((x) => !x.endsWith('vite.config.ts'))) {
      for (const { spec, typeOnly } of imports(f)) {
        if (!spec.includes('/src/') || spec.startsWith('./') || !spec.startsWith('.')) continue;
        const target = path.relative(path.join(root, 'src'), path.resolve(root, path.dirname(f), spec));
        if (target.startsWith('..')) continue;
        // The one exception: renderer/bridge/permissions.ts re-exports mayCall from src/api/permissions.
        const mayCallModule = f === path.join('renderer', 'bridge', 'permissions.ts') && target === path.join('api', 'permissions');
        expect(typeOnly || mayCallModule || target.startsWith('domain' + path.sep), `${f} imports ${spec} as a value`).toBe(true);
      }
      for (const { spec } of imports(f)) expect(spec, f).not.toMatch(/^(node:|electron|better-sqlite3|sharp)/);
    }
  });

  it('the Electron shell imports the core, never the renderer', () => {
    for (const f of files('electron', /\.(ts|cts)$/)) {
      for (const { spec } of imports(f)) expect(spec, f).not.toMatch(/renderer\//);
    }
  });
});
