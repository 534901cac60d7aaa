import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The order inside the core (issue 9), as VS Code's code-layering rule does it: every top-level
 * folder of src/ and every top-level file is a node, every import (type imports included) an
 * arrow, and an arrow may only point at the same layer or one below. Layers are listed bottom
 * first. A folder that is not listed fails the test, so a new capability has to take its place.
 */
const LAYERS: readonly (readonly string[])[] = [
  // Facts: the domain model and the shipped resources' paths. No I/O of their own, no imports up.
  ['resources', 'domain'],
  // Pure binding (立卷 order, volumes, pages): catalogue rows in, a bound dossier out.
  ['binding'],
  // The contract: operations, their inputs, DTOs and errors.
  ['api'],
  // Ports to the outside: files, clock, digests.
  ['ports'],
  // SQL: migrations and one repo per table family (each owns its row types).
  ['storage'],
  // The audit chain and its anchors, on top of the audit repo.
  ['audit'],
  // Filing profiles (and their footage section).
  ['profiles'],
  // The archive folder: catalogue, object store, the one audited transaction.
  ['archive'],
  // Backup and restore of the archive folder (catalogue, objects, anchor, ledger).
  ['backup'],
  // Services the capabilities share; the case and document read models.
  ['calendar', 'jobs', 'auth', 'documents', 'cases'],
  // OCR of scanned pages (reads stored images, writes their text; the PDF writer only receives it).
  ['ocr'],
  // PDF/A volumes, then the export use case that writes them and the 移交包 (BagIt).
  ['pdf'],
  ['export'],
  // The footage capability.
  ['footage'],
  // 四性检测 (DA/T 70) of a 移交包, a dossier at sealing and the whole archive: reads packages, PDFs, clips and the catalogue.
  ['fourness'],
  // The dossier capability's use cases: bind, seal (one or a batch), view, the 归档 ledger.
  ['dossier'],
  // Capabilities built on the ones below.
  ['officers', 'search'],
  // The whole-archive check (fsck): catalogue, audit, objects, footage runs, export leftovers.
  ['fsck'],
  ['retrieval'],
  ['review'],
  // The audit log as people read it: filters, labelled targets (cases, clips, dossiers…), CSV and PDF/A export.
  ['audit-view'],
  // Thin maps from operation names to use cases, then the one invoker and the wiring.
  ['handlers'],
  ['handlers.ts', 'invoke.ts'],
  ['app-core.ts'],
  // Transports and tools on top of the core.
  ['bridge', 'demo'],
  ['cli'],
];

/**
 * Upward imports tolerated for a while, each one exact `file → import`; an entry that no longer occurs
 * fails the test, so the list only shrinks. Empty: the 评查 finding, score-sheet and template types
 * that src/api needs live in src/domain/ (review-finding.ts, review-score.ts, review-template.ts).
 */
const PENDING: readonly string[] = [];

const SRC = path.resolve(__dirname, '../../src');

interface Arrow {
  file: string;
  spec: string;
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every relative import of a file: `import … from`, `export … from`, `import type`, `import('…')`, side-effect imports. */
function importsOf(text: string): string[] {
  const re = /(?:^|[\n;])\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...text.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3]!).filter((s) => s.startsWith('.'));
}

/** The file an import names (`./x.js` is `./x.ts` on disk). */
function resolveImport(fromFile: string, spec: string): string {
  const abs = path.resolve(path.dirname(fromFile), spec);
  for (const cand of [abs, abs.replace(/\.js$/, '.ts'), abs.replace(/\.js$/, '.tsx'), abs.replace(/\.cjs$/, '.cts'), `${abs}.ts`, path.join(abs, 'index.ts')]) {
    try {
      if (statSync(cand).isFile()) return cand;
    } catch {
      /* next candidate */
    }
  }
  return abs;
}

/** A file's node: its top-level folder under src/, or the top-level file itself. */
function nodeOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length === 1 ? parts[0]!.replace(/\.js$/, '.ts') : parts[0]!;
}

function arrows(): Arrow[] {
  const out: Arrow[] = [];
  for (const file of sourceFiles(SRC)) {
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, spec);
      if (!target.startsWith(SRC + path.sep)) continue;
      out.push({ file: path.relative(SRC, file), spec, from: nodeOf(file), to: nodeOf(target) });
    }
  }
  return out;
}

function layerOf(node: string): number {
  return LAYERS.findIndex((l) => l.includes(node));
}

/** Strongly connected components with more than one member (Tarjan). */
function cycles(nodes: readonly string[], next: (n: string) => readonly string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return found;
}

/** Names one import on each arrow of a cycle, so the message says which lines to change. */
function describeCycle(scc: readonly string[], edges: readonly Arrow[]): string {
  const inside = edges.filter((a) => a.from !== a.to && scc.includes(a.from) && scc.includes(a.to));
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const a of inside) {
    const k = `${a.from}->${a.to}`;
    if (seen.has(k)) continue;
    seen.add(k);
    lines.push(`  ${a.from} → ${a.to}: src/${a.file} imports '${a.spec}'`);
  }
  return `cycle between ${scc.join(', ')}:\n${lines.join('\n')}`;
}

const keyOf = (a: Arrow): string => `${a.file.split(path.sep).join('/')} → ${a.spec}`;

describe('the layer order inside src/', () => {
  const all = arrows();
  const between = all.filter((a) => a.from !== a.to && !PENDING.includes(keyOf(a)));

  it('places every top-level folder and file of src/ in a layer', () => {
    const nodes = new Set(sourceFiles(SRC).map(nodeOf));
    const unplaced = [...nodes].filter((n) => layerOf(n) < 0).sort();
    expect(unplaced, `add these to LAYERS in tests/unit/layers.test.ts: ${unplaced.join(', ')}`).toEqual([]);
  });

  it('has no import that runs back up a layer', () => {
    const up = between
      .filter((a) => layerOf(a.from) >= 0 && layerOf(a.to) > layerOf(a.from))
      .map((a) => `src/${a.file} imports '${a.spec}' (${a.from}, layer ${layerOf(a.from)} → ${a.to}, layer ${layerOf(a.to)})`);
    expect(up, `imports running back up:\n${up.join('\n')}`).toEqual([]);
  });

  it('lists only pending upward imports that still exist', () => {
    const present = new Set(all.map(keyOf));
    const gone = PENDING.filter((k) => !present.has(k));
    expect(gone, 'fixed: remove these from PENDING in tests/unit/layers.test.ts').toEqual([]);
  });

  it('has no cycle between folders', () => {
    const next = new Map<string, Set<string>>();
    for (const a of between) next.set(a.from, (next.get(a.from) ?? new Set()).add(a.to));
    const found = cycles([...next.keys()].sort(), (n) => [...(next.get(n) ?? [])].sort());
    expect(
      found.map((c) => describeCycle(c, between)),
      'folder cycles',
    ).toEqual([]);
  });

  it('has no cycle between the files of src/footage', () => {
    const inFootage = all.filter((a) => a.from === 'footage' && a.to === 'footage');
    const next = new Map<string, Set<string>>();
    for (const a of inFootage) {
      const to = path.relative(SRC, resolveImport(path.join(SRC, a.file), a.spec));
      next.set(a.file, (next.get(a.file) ?? new Set()).add(to));
    }
    const found = cycles([...next.keys()].sort(), (n) => [...(next.get(n) ?? [])].sort());
    const described = found.map((scc) => {
      const lines = inFootage
        .filter((a) => scc.includes(a.file) && scc.includes(path.relative(SRC, resolveImport(path.join(SRC, a.file), a.spec))))
        .map((a) => `  src/${a.file} imports '${a.spec}'`);
      return `cycle between ${scc.join(', ')}:\n${lines.join('\n')}`;
    });
    expect(described, 'file cycles inside src/footage').toEqual([]);
  });

  it('sees the arrows it checks (the graph is not empty, type imports included)', () => {
    // audit-log's `import type { … } from '../storage/repos/audit-repo.js'` is a type import.
    expect(all.some((a) => a.file === path.join('audit', 'chain.ts') && a.to === 'storage')).toBe(true);
    expect(between.length).toBeGreaterThan(200);
  });
});
