import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FsckReport } from '../../src/api/types-fsck.js';
import { openCore } from '../../src/app-core.js';
import { fsckArchive } from '../../src/fsck/fsck.js';
import { projectRoot } from '../../src/resources/paths.js';

const root = projectRoot();
const MAIN_TS = path.join(root, 'src', 'cli', 'main.ts');
export const PASSWORD = 'secret-pass-1';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `juanzong ARGS…` from source (tests/cli/run-cli.ts does the same), with extra environment:
 * `JUANZONG_FAULT_POINT=name:n` kills it at a boundary, `killAfterMs` kills it from outside at a
 * random moment. Resolves with how it ended.
 */
export function runCli(args: string[], o: { env?: Record<string, string>; killAfterMs?: number } = {}): Promise<Run> {
  const archive = args[args.indexOf('--archive') + 1];
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN_TS, ...args], {
      cwd: root,
      env: {
        ...process.env,
        JUANZONG_PASSWORD: PASSWORD,
        JUANZONG_FAULT_POINT: '',
        JUANZONG_FAULT_TRACE: '',
        ...(archive ? { JUANZONG_KEY_DIR: keysOf(archive) } : {}),
        ...o.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = o.killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), o.killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** The boundaries an uninterrupted run passed, in order, as `name:n` (n-th time that name was passed). */
export function boundaries(traceFile: string): string[] {
  const seen = new Map<string, number>();
  return readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((name) => {
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      return `${name}:${n}`;
    });
}

/**
 * Each archive copy gets its own audit key and witness folder (they live outside the archive, by
 * archive id: copies sharing one would see each other's entries as a cut-back chain).
 */
export function keysOf(dir: string): string {
  return `${dir}.keys`;
}

export function copyArchive(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  if (existsSync(keysOf(from))) cpSync(keysOf(from), keysOf(to), { recursive: true });
  return to;
}

/** Runs `fn` with JUANZONG_KEY_DIR set to the archive's own key folder. */
export async function withKeys<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.JUANZONG_KEY_DIR;
  process.env.JUANZONG_KEY_DIR = keysOf(dir);
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.JUANZONG_KEY_DIR;
    else process.env.JUANZONG_KEY_DIR = before;
  }
}

/**
 * Opens the archive as the next start would (its recovery runs), then fsck with repair; returns
 * the repair's report and a second, read-only pass that must find nothing.
 */
export function fsckAfterCrash(dir: string): Promise<{ repaired: FsckReport; after: FsckReport }> {
  return withKeys(dir, () => fsckOpened(dir));
}

async function fsckOpened(dir: string): Promise<{ repaired: FsckReport; after: FsckReport }> {
  const core = await openCore({ archiveDir: dir });
  try {
    const user = core.archive.db.prepare("SELECT id, username, display_name AS displayName, role FROM users WHERE role = 'admin' LIMIT 1").get() as never;
    const repaired = await fsckArchive(core.archive, user, { repair: true, quick: false, graceSeconds: 0 });
    const after = await fsckArchive(core.archive, user, { repair: false, quick: false, graceSeconds: 0 });
    return { repaired, after };
  } finally {
    await core.close();
  }
}

/**
 * What a user would compare between two archives: cases, documents with their files' digests,
 * clips, sealed dossiers, the counts of the audited actions that file things, and the exported files.
 */
export function archiveState(dir: string, exportDir?: string): Record<string, unknown> {
  const db = new Database(path.join(dir, 'catalog.db'), { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      cases: all('SELECT case_no FROM cases ORDER BY case_no'),
      documents: all(
        `SELECT c.case_no, d.seq, d.kind, d.title, (SELECT group_concat(object_sha256, ',') FROM (SELECT object_sha256 FROM document_files f WHERE f.document_id = d.id ORDER BY f.seq)) AS files,
           (SELECT count(*) FROM pages p WHERE p.document_id = d.id) AS pages
         FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.removed_at IS NULL ORDER BY c.case_no, d.seq`,
      ),
      clips: all('SELECT sha256, original_name FROM clips ORDER BY sha256'),
      sealed: all('SELECT archive_no FROM dossier_versions WHERE archive_no IS NOT NULL ORDER BY archive_no'),
      actions: all(
        `SELECT action, count(*) AS n FROM audit_log WHERE action IN ('case.create','document.add','footage.ingest','dossier.seal','dossier.export') GROUP BY action ORDER BY action`,
      ),
      exported: exportDir ? listFiles(exportDir) : null,
    };
  } finally {
    db.close();
  }
}

/** Files below `dir` with their sizes for payload files, hidden entries included (a leftover `.part` shows). */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${path.relative(dir, p)}${/\.(mp4|jpg)$/i.test(e.name) ? ` ${statSync(p).size}` : ''}`);
    }
  };
  walk(dir);
  return out.sort();
}
