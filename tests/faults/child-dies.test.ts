import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tiedCommand } from '../../src/ports/tied-child.js';
import { tmpDir } from '../helpers/tmp.js';

const PARENT = path.join(__dirname, 'fixtures', 'tied-parent.ts');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(f: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (f()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return f();
}

/** Starts the parent fixture, waits for its grandchild's pid, kills the parent with SIGKILL; the grandchild's pid. */
async function killParent(mode: 'tied' | 'plain'): Promise<number> {
  const pidFile = path.join(tmpDir(), 'pid');
  const parent = spawn(process.execPath, ['--import', 'tsx', PARENT, pidFile, mode], { stdio: 'ignore' });
  expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 60_000)).toBe(true);
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  expect(alive(pid)).toBe(true);
  const gone = new Promise((r) => parent.once('exit', r));
  parent.kill('SIGKILL');
  await gone;
  return pid;
}

describe('children die with their parent (ffmpeg, ffprobe)', () => {
  it('kill -9 of the parent takes a tied child along', async () => {
    const pid = await killParent('tied');
    expect(await until(() => !alive(pid), 5000)).toBe(true);
  }, 90_000);

  it('without the watchdog the same child outlives its parent (what the issue saw)', async () => {
    const pid = await killParent('plain');
    await new Promise((r) => setTimeout(r, 1000));
    expect(alive(pid)).toBe(true);
    process.kill(pid, 'SIGKILL');
  }, 90_000);

  it('a tied program passes its output and exit status through', async () => {
    const cmd = tiedCommand('/bin/sh', ['-c', 'echo "out $1"; echo err >&2; exit 3', 'x', '帧']);
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      execFile(cmd.file, cmd.args, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr })),
    );
    expect(r).toEqual({ code: 3, stdout: 'out 帧\n', stderr: 'err\n' });
  });

  it('a timeout (SIGTERM to the watchdog) ends the program too', async () => {
    const pidFile = path.join(tmpDir(), 'pid');
    const cmd = tiedCommand('/bin/sh', ['-c', `echo $$ > '${pidFile}'; exec sleep 60`]);
    await new Promise((resolve) => execFile(cmd.file, cmd.args, { timeout: 1500 }, resolve));
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(await until(() => !alive(pid), 5000)).toBe(true);
  });
});
