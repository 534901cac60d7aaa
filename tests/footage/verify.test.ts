import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCase, scanJpeg } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { type FootageClient, footageClient } from './helpers/footage-core.js';
import { makeJpeg, makeVideo, makeWav } from './helpers/media.js';

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Flips one byte in the middle of a file; returns the function that flips it back. */
function flipByte(file: string): () => void {
  const fd = openSync(file, 'r+');
  const size = fstatSync(fd).size;
  const at = Math.floor(size / 2);
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, at);
  const orig = b[0]!;
  writeSync(fd, Buffer.from([orig ^ 0x01]), 0, 1, at);
  closeSync(fd);
  return () => {
    const fd2 = openSync(file, 'r+');
    writeSync(fd2, Buffer.from([orig]), 0, 1, at);
    closeSync(fd2);
  };
}

async function archiveWithFootageAndScans(): Promise<{ c: FootageClient; archive: string }> {
  const archive = path.join(tmpDir(), 'archive');
  const c = await footageClient(archive, { strayGraceMs: 0 });
  const k = (await c.raw('case.create', sampleCase())) as { ok: true; value: { id: number } };
  const scan = await scanJpeg(path.join(tmpDir(), '询问笔录.jpg'));
  const staged = (await c.raw('upload.stagePath', { path: scan })) as { ok: true; value: { stagedId: string } };
  await c.raw('document.add', { caseId: k.value.id, kind: 'XWBL', title: '询问笔录', files: [{ stagedId: staged.value.stagedId }] });
  const cam = path.join(tmpDir(), 'cam');
  makeVideo(path.join(cam, 'ZFY5130047_115007_20240311094032_0001.MP4'), { seconds: 2, tag: 'v1' });
  makeWav(path.join(cam, 'REC_20240311_101500.wav'));
  makeJpeg(path.join(cam, 'IMG_20240311_102000.JPG'));
  await c.call('footage.ingest', { source: cam, caseNo: sampleCase().caseNo, activity: '现场检查' });
  await c.core.footage.derive.idle();
  return { c, archive };
}

describe('fixity audit (juanzong verify)', () => {
  it('passes on an intact archive, then names a flipped byte in ANY object by original name and case', async () => {
    const { c, archive } = await archiveWithFootageAndScans();
    const clean = await c.call('footage.verify', { mode: 'full' });
    const objects = walk(path.join(archive, 'objects'));
    expect(clean).toMatchObject({ state: 'done', changed: 0, vanished: 0, appeared: 0, problems: [] });
    expect(clean.checked).toBe(objects.length);
    expect(objects.length).toBeGreaterThanOrEqual(7); // scan + its thumbnail, 3 clips, video thumbnail + sheet, photo thumbnail

    for (const obj of objects) {
      const restore = flipByte(obj);
      const r = await c.call('footage.verify', { mode: 'full' });
      restore();
      expect(r.changed, obj).toBe(1);
      expect(r.problems).toHaveLength(1);
      const p = r.problems[0]!;
      expect(p.sha256).toBe(path.basename(obj));
      expect(p.names.length, `${obj} should be named`).toBeGreaterThan(0);
      expect(p.cases).toEqual([sampleCase().caseNo]);
      expect(p.messageZh).toContain(sampleCase().caseNo);
      expect(p.messageZh).toMatch(/存储的文件已被改变/);
    }
    const video = (await c.call('footage.list', { kind: 'video' })).items[0]!;
    const restore = flipByte(c.core.archive.store.pathOf(video.sha256));
    const r = await c.call('footage.verify', { mode: 'full' });
    restore();
    expect(r.problems[0]!.names).toContain('ZFY5130047_115007_20240311094032_0001.MP4');
    expect((await c.call('footage.get', { id: video.id })).lastFixity?.outcome).toBe('changed');
    await c.close();
  });

  it('reports a vanished object and quarantines one that appeared (never deleting it); each run is an audit event', async () => {
    const { c, archive } = await archiveWithFootageAndScans();
    const photo = (await c.call('footage.list', { kind: 'photo' })).items[0]!;
    const photoPath = c.core.archive.store.pathOf(photo.sha256);
    rmSync(photoPath);
    const stray = path.join(archive, 'objects', 'sha256', 'ab', 'cd', 'ab'.padEnd(64, 'c'));
    mkdirSync(path.dirname(stray), { recursive: true });
    writeFileSync(stray, 'left by someone');
    const r = await c.call('footage.verify', { mode: 'full' });
    expect(r).toMatchObject({ vanished: 1, appeared: 1 });
    const vanished = r.problems.find((p) => p.outcome === 'vanished')!;
    expect(vanished.names).toContain('IMG_20240311_102000.JPG');
    expect(vanished.messageZh).toMatch(/IMG_20240311_102000\.JPG（案件 .*）：存储的文件丢失/);
    const appeared = r.problems.find((p) => p.outcome === 'appeared')!;
    expect(appeared.messageZh).toMatch(/已移入隔离区/);
    expect(existsSync(stray)).toBe(false);
    const q = walk(path.join(archive, 'quarantine'));
    expect(q).toHaveLength(1);
    expect(q[0]!.endsWith('ab'.padEnd(64, 'c'))).toBe(true);
    const audit = (await c.raw('audit.list', { targetType: 'fixity_run' })) as { ok: true; value: { action: string; detail: { problems?: unknown[] } }[] };
    expect(audit.value.filter((a) => a.action === 'footage.verify').length).toBeGreaterThanOrEqual(1);
    expect(audit.value.find((a) => a.action === 'footage.verify')!.detail.problems).toHaveLength(2);
    const last = await c.call('footage.lastAudit', {});
    expect(last.last?.runId).toBe(r.runId);
    await c.close();
  });

  it('incremental: oldest first within a byte budget, and a cancelled full run is resumed by the next', async () => {
    const { c } = await archiveWithFootageAndScans();
    const all = (await c.call('footage.verify', { mode: 'incremental', olderThanDays: 30, byteBudget: 1 })).checked;
    expect(all).toBe(1);
    const second = await c.call('footage.verify', { mode: 'incremental', olderThanDays: 30, byteBudget: 1 });
    expect(second.checked).toBe(1);
    expect(second.remaining).toBeGreaterThan(0);
    const rest = await c.call('footage.verify', { mode: 'incremental', olderThanDays: 30 });
    expect(rest.checked).toBe(second.remaining);
    expect((await c.call('footage.verify', { mode: 'incremental', olderThanDays: 30 })).checked).toBe(0);

    // Cancel a full run after its first object; the next full run checks only the rest.
    let cancelled = false;
    const off = c.core.subscribe((e) => {
      if (e.type === 'job.progress' && e.op === 'footage.verify' && e.itemsDone >= 1 && !cancelled) {
        cancelled = true;
        void c.raw('job.cancel', { jobId: e.jobId });
      }
    });
    const first = await c.call('footage.verify', { mode: 'full' });
    off();
    expect(first.state).toBe('cancelled');
    const resumed = await c.call('footage.verify', { mode: 'full' });
    expect(resumed.state).toBe('done');
    expect(resumed.checked + first.checked).toBe(first.planned);
    await c.close();
  });
});
