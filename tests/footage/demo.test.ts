import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDemoFootage } from '../../src/demo/footage-demo.js';
import { loadSampleCases } from '../../src/demo/sample-cases.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { tmpDir } from '../helpers/tmp.js';
import { footageClient } from './helpers/footage-core.js';

describe('demo footage', () => {
  it("generates every sample case's body-cam clips with a burned-in caption, registers the cameras, ingests and links them", { timeout: 240_000 }, async () => {
    const samples = loadSampleCases(resourcesDir());
    const c = await footageClient(path.join(tmpDir(), 'archive'));
    for (const s of samples) await c.call('case.create' as never, s.case);
    const scratch = tmpDir();
    const report = await addDemoFootage({ call: (n, i) => c.call(n as never, i), samples, scratch, seconds: 2 });
    const expected = samples.reduce((n, s) => n + s.bodycam.length, 0);
    expect(report).toMatchObject({ clips: expected, linked: expected, errors: 0, devices: 7 });
    await c.core.footage.derive.idle();

    const all = await c.call('footage.list', { limit: 1000 });
    expect(all.total).toBe(expected);
    for (const item of all.items) {
      expect(item.cases).toHaveLength(1);
      expect(item.derivedState).toBe('done');
      expect(item.officers.some((o) => o.via === 'link')).toBe(true);
    }
    // The clip's start comes from its container and agrees with its name and the sample.
    const seizure = samples.find((s) => s.bodycam.some((b) => b.activity === '查封扣押'))!;
    const b = seizure.bodycam.find((x) => x.activity === '查封扣押')!;
    const clip = all.items.find((i) => i.originalName === b.fileName)!;
    expect(clip.start).toBe(b.start);
    const d = await c.call('footage.get', { id: clip.id });
    expect(d.conflicts).toEqual([]);
    expect(d.holder?.name).toBe(b.officer);
    expect((await c.call('footage.list', { caseNo: seizure.case.caseNo, activity: '查封扣押' })).total).toBe(
      seizure.bodycam.filter((x) => x.activity === '查封扣押').length,
    );

    // The caption is burned in: the frame's top-left differs from the plain test pattern.
    const frame = execFileSync('ffmpeg', [
      '-v',
      'error',
      '-i',
      c.core.archive.store.pathOf(clip.sha256),
      '-frames:v',
      '1',
      '-vf',
      'crop=200:30:16:14',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      '-',
    ]);
    const plain = execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=640x360:rate=15',
      '-frames:v',
      '1',
      '-vf',
      'crop=200:30:16:14',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      '-',
    ]);
    let diff = 0;
    for (let i = 0; i < frame.length; i++) diff += Math.abs(frame[i]! - plain[i]!);
    expect(diff / frame.length).toBeGreaterThan(10);
    await c.close();
  });
});
