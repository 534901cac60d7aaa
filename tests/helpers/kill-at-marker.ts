import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { tmpDir } from './tmp.js';

/**
 * Runs a TypeScript child (`node --import tsx SCRIPT ...args(marker)`) that creates the `marker`
 * file when it reaches its crash point, and kills it with SIGKILL there.
 */
export async function killAtMarker(script: string, args: (marker: string) => string[]): Promise<void> {
  const marker = path.join(tmpDir(), 'marker');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args(marker)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const deadline = Date.now() + 60_000;
  while (!existsSync(marker)) {
    if (child.exitCode !== null) throw new Error(`child ended before the crash point: ${stderr}`);
    if (Date.now() > deadline) throw new Error('child never reached the crash point');
    await new Promise((r) => setTimeout(r, 50));
  }
  const exited = new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  child.kill('SIGKILL');
  await exited;
  expect(child.signalCode).toBe('SIGKILL');
}

/** Every file below `dir` (none when it does not exist). */
export function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
