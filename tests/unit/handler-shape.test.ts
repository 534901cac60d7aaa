import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * src/handlers/ holds thin maps (issue 9): one `<namespace>-handlers.ts` per operation namespace,
 * each op one line that calls a named use case in its capability's folder. Logic that creeps back
 * into a map (a repo, SQL, file I/O, a block of statements) fails here, naming the file and line.
 */
const DIR = path.resolve(__dirname, '../../src/handlers');
const MAX_LINES = 80;

const files = readdirSync(DIR).filter((n) => n.endsWith('.ts'));
const maps = files.filter((n) => n.endsWith('-handlers.ts'));
const text = (n: string): string => readFileSync(path.join(DIR, n), 'utf8');

/** `file:line: what` for every line of a file that matches. */
function offending(n: string, re: RegExp, what: string): string[] {
  return text(n)
    .split('\n')
    .flatMap((line, i) => (re.test(line) ? [`src/handlers/${n}:${i + 1}: ${what}: ${line.trim()}`] : []));
}

const SQL = /\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b|\.prepare\(|\.exec\(/;
const REPO = /\bnew\s+\w+Repo\s*\(/;
const FILE_IO = /from\s+['"](node:)?fs(\/promises)?['"]/;
/** An op whose body is a block of statements: `'case.update': async (i, ctx) => {`. */
const BLOCK_HANDLER = /^\s*'[\w.]+':\s*(async\s*)?\([^)]*\)\s*(:\s*[^=]+)?=>\s*\{/;

describe('src/handlers/ holds thin maps', () => {
  it('has one map per namespace, and besides them only deps.ts, types.ts and wrappers of the whole map', () => {
    expect(maps.length).toBeGreaterThan(10);
    const others = files.filter((n) => !maps.includes(n));
    // Non-map files are wiring: none of them reaches the catalogue.
    const reaching = others.filter((n) => /from\s+['"]\.\.\/storage\//.test(text(n)) || SQL.test(text(n)) || REPO.test(text(n)));
    expect(reaching, 'src/handlers/ files that are not maps but reach the catalogue (move them to a capability folder)').toEqual([]);
  });

  it(`keeps every map under ${MAX_LINES} lines`, () => {
    const long = maps.map((n) => [n, text(n).split('\n').length] as const).filter(([, l]) => l > MAX_LINES);
    expect(
      long.map(([n, l]) => `src/handlers/${n}: ${l} lines`),
      'maps grown past a list of one-line ops: move the logic into a named use case',
    ).toEqual([]);
  });

  it('builds no repo, runs no SQL and touches no file in a map', () => {
    const found = maps.flatMap((n) => [...offending(n, REPO, 'a repo'), ...offending(n, SQL, 'SQL'), ...offending(n, FILE_IO, 'file I/O')]);
    expect(found, 'catalogue or file work in a handler map belongs in a use case').toEqual([]);
  });

  it('maps each op to one call, not a block of statements', () => {
    const found = maps.flatMap((n) => offending(n, BLOCK_HANDLER, 'a block-bodied handler'));
    expect(found, 'make the block a named use-case function and call it in one line').toEqual([]);
  });

  it('exports one handler-map factory per file, typed by the contract', () => {
    const bad = maps.filter((n) => {
      const t = text(n);
      const factories = [...t.matchAll(/^export function (\w+Handlers)\(/gm)];
      return factories.length !== 1 || !/HandlerMap<|Handlers\b/.test(t);
    });
    expect(bad, 'each <namespace>-handlers.ts exports exactly one `<namespace>Handlers(deps): HandlerMap<…>`').toEqual([]);
  });
});
