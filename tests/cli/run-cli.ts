import { execFile } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/resources/paths.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const root = projectRoot();
const MAIN_TS = path.join(root, 'src', 'cli', 'main.ts');

/**
 * Runs `juanzong ARGS…` from the TypeScript sources through tsx: no build needed, so a test that uses
 * this always runs (and always runs the code under test, never a stale dist/). The password of
 * `--user` comes from JUANZONG_PASSWORD, as in scripts.
 */
export function juanzongFromSource(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN_TS, ...args],
      { env: { ...process.env, JUANZONG_PASSWORD: 'secret-pass-1', ...env }, cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
