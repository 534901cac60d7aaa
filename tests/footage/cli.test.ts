import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFootageCommand } from '../../src/cli/commands/footage.js';
import { makeIngestCommand } from '../../src/cli/commands/ingest.js';
import { makeVerifyCommand } from '../../src/cli/commands/verify.js';
import { CliError } from '../../src/cli/output.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { footageClient, footageSession, PASSWORD } from './helpers/footage-core.js';
import { makeVideo } from './helpers/media.js';

const ingest = makeIngestCommand(footageSession);
const verify = makeVerifyCommand(footageSession);
const footage = makeFootageCommand(footageSession);

let out = '';
beforeEach(() => {
  out = '';
  process.env.JUANZONG_PASSWORD = PASSWORD;
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

async function archive(): Promise<string> {
  const dir = path.join(tmpDir(), 'archive');
  const c = await footageClient(dir);
  await c.raw('case.create', sampleCase());
  await c.close();
  return dir;
}

/** Runs a command and returns its JSON output and the CliError it ended with (exit 1), if any. */
async function run(
  cmd: typeof ingest,
  positionals: string[],
  values: Record<string, string | boolean>,
): Promise<{ json: Record<string, unknown>; error: CliError | null }> {
  out = '';
  let error: CliError | null = null;
  try {
    await cmd.run({ positionals, values: { user: 'admin', ...values }, json: true });
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    error = e;
  }
  return { json: out ? (JSON.parse(out) as Record<string, unknown>) : {}, error };
}

describe('juanzong ingest / verify / footage (commands run over the footage core)', () => {
  it('ingest prints counts and per-file errors (exit 1 when a file is refused); verify exits 0, then 1 naming the changed file', async () => {
    const dir = await archive();
    const cam = path.join(tmpDir(), 'cam');
    makeVideo(path.join(cam, 'ZFY5130047_115007_20240311094032_0001.MP4'), { tag: 'x' });
    makeVideo(path.join(cam, 'ZFY5130048_115008_20240313143502_0001.MP4'), { tag: 'y' });
    (await import('node:fs')).writeFileSync(path.join(cam, 'broken.mp4'), 'not a video');

    const r = await run(ingest, [cam], { archive: dir, case: sampleCase().caseNo, officer: '豫S11520210047' });
    expect(r.json.counts).toEqual({ files: 3, bytes: expect.any(Number), new: 2, duplicates: 0, errors: 1 });
    expect((r.json.errors as { relPath: string }[])[0]!.relPath).toBe('broken.mp4');
    expect(r.json.derived).toMatchObject({ done: 2, failed: 0 });
    expect(r.error?.payload.messageZh).toMatch(/1 个文件未入库：broken\.mp4/);

    const ok = await run(verify, [], { archive: dir });
    expect(ok.error).toBeNull();
    expect(ok.json).toMatchObject({ state: 'done', changed: 0, problems: [] });

    const list = await run(footage, ['list'], { archive: dir, officer: '豫S11520210047' });
    const items = list.json.items as { id: number; sha256: string; originalName: string }[];
    expect(items).toHaveLength(2);
    const target = items.find((i) => i.originalName.startsWith('ZFY5130048'))!;
    const file = path.join(dir, 'objects', 'sha256', target.sha256.slice(0, 2), target.sha256.slice(2, 4), target.sha256);
    const fd = openSync(file, 'r+');
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, 1000);
    writeSync(fd, Buffer.from([b[0]! ^ 0xff]), 0, 1, 1000);
    closeSync(fd);
    const bad = await run(verify, [], { archive: dir });
    expect(bad.error).not.toBeNull();
    expect(bad.error!.payload.message).toContain('ZFY5130048_115008_20240313143502_0001.MP4');
    expect(bad.error!.payload.message).toContain(sampleCase().caseNo);
    expect(bad.error!.payload.messageZh).toMatch(/存储的文件已被改变/);

    const show = await run(footage, ['show', String(target.id)], { archive: dir });
    expect(show.json).toMatchObject({ deviceSerial: '5130048', namePattern: 'zfy-underscore', lastFixity: { outcome: 'changed' } });
  });

  it('footage register-device / devices / coverage', async () => {
    const dir = await archive();
    const reg = await run(footage, ['register-device'], {
      archive: dir,
      serial: '5130041',
      officer: '豫S11520190012',
      name: '周立新',
      'user-no': '115001',
      from: '2024-01-01',
    });
    expect(reg.error).toBeNull();
    expect((reg.json.assignments as unknown[])[0]).toMatchObject({ certNo: '豫S11520190012', from: '2024-01-01T00:00:00+08:00', to: null });
    const devices = await run(footage, ['devices'], { archive: dir });
    expect(devices.json).toHaveLength(1);
    const cov = await run(footage, ['coverage'], { archive: dir, case: sampleCase().caseNo });
    expect(cov.json).toMatchObject({ caseNo: sampleCase().caseNo, missing: [] });
  });
});
