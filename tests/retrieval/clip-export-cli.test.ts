import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeClipCommand, parseTimecode } from '../../src/cli/commands/clip.js';
import { CliError } from '../../src/cli/output.js';
import { footageSession, PASSWORD } from '../footage/helpers/footage-core.js';
import { tmpDir } from '../helpers/tmp.js';
import { archiveWithClip, ffprobeJson } from './clip-export-helpers.js';

const clip = makeClipCommand(footageSession);
let out = '';
beforeEach(() => {
  out = '';
  process.env.JUANZONG_PASSWORD = PASSWORD;
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

async function run(positionals: string[], values: Record<string, string | boolean>): Promise<{ json: Record<string, unknown>; error: CliError | null }> {
  out = '';
  let error: CliError | null = null;
  try {
    await clip.run({ positionals, values: { user: 'admin', ...values }, json: true });
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    error = e;
  }
  return { json: out ? (JSON.parse(out) as Record<string, unknown>) : {}, error };
}

describe('juanzong clip export', () => {
  it('parses time codes', () => {
    expect(parseTimecode('00:01:05')).toBe(65);
    expect(parseTimecode('01:05')).toBe(65);
    expect(parseTimecode('65.5')).toBe(65.5);
    expect(parseTimecode('1:00:00.250')).toBe(3600.25);
    expect(parseTimecode('1:75')).toBeNull();
    expect(parseTimecode('abc')).toBeNull();
  });

  it('writes a folder whose sha256sum -c passes, with a cut as long as out − actual in; bad points exit with a clear error', async () => {
    const root = tmpDir();
    const { c, clipId } = await archiveWithClip(root);
    const archive = c.core.archiveDir;
    await c.close();
    const to = path.join(root, 'exports');

    const r = await run(['export', String(clipId)], { archive, in: '00:00:01', out: '00:00:04.5', to, reason: '监督检查' });
    expect(r.error).toBeNull();
    const folder = String(r.json.folder);
    expect(path.dirname(folder)).toBe(to);
    expect(execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: folder, encoding: 'utf8' }).match(/: OK/g)).toHaveLength(2);
    const actual = r.json.actual as { inSec: number; outSec: number };
    expect(actual.inSec).toBe(0); // key frames every 2 s: 1 s snaps back to 0
    const files = r.json.files as { name: string; role: string }[];
    const cut = files.find((f) => f.role === 'copy')!;
    expect(Number(ffprobeJson(path.join(folder, cut.name)).format.duration)).toBeCloseTo(4.5 - actual.inSec, 0);

    const bad = await run(['export', String(clipId)], { archive, in: '00:00:04', out: '00:00:02', to });
    expect(bad.error?.payload.code).toBe('invalid_input');
    expect(bad.error?.payload.messageZh).toContain('必须晚于入点');
    const badTime = await run(['export', String(clipId)], { archive, in: 'soon', out: '00:00:02', to });
    expect(badTime.error?.payload.messageZh).toContain('不是有效时间');
    expect(readdirSync(to)).toEqual([path.basename(folder)]);
  });
});
