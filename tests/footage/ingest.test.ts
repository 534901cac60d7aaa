import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forceSm3Backend } from '../../src/ports/digests.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { footageClient } from './helpers/footage-core.js';
import { makeJpeg, makeVideo, makeWav } from './helpers/media.js';

const sha256sum = (f: string) => execFileSync('sha256sum', [f]).toString().split(' ')[0]!;
const opensslSm3 = (f: string) => /= ([0-9a-f]{64})/.exec(execFileSync('openssl', ['dgst', '-sm3', f]).toString())![1]!;

/** A body camera as mounted: DCIM with clips in several containers, audio, a photo, junk. */
function camera(): { root: string; media: string[] } {
  const root = path.join(tmpDir(), 'ZFY-5130047');
  const m = (p: string) => path.join(root, p);
  const media = [
    makeVideo(m('DCIM/100MEDIA/ZFY5130047_115007_20240311094032_0001.MP4'), { creation: '2024-03-11T01:40:32Z', tag: 'a' }),
    makeVideo(m('DCIM/100MEDIA/ZFY5130047_115007_20240311100000_0002.MP4'), { tag: 'b' }),
    makeVideo(m('DCIM/101MEDIA/5130047-115007-20240311101000-0003.mov'), { tag: 'c' }),
    makeVideo(m('DCIM/101MEDIA/ZFY5130047_115007_20240311102000_0004.avi'), { tag: 'd' }),
    makeVideo(m('DCIM/101MEDIA/ZFY5130047_115007_20240311103000_0005.mkv'), { tag: 'e' }),
    makeVideo(m('DCIM/101MEDIA/ZFY5130047_115007_20240311104000_0006.ts'), { tag: 'f' }),
    makeWav(m('RECORD/REC_20240311_101500.wav'), { tag: 'g' }),
    makeJpeg(m('PHOTO/IMG_20240311_102000.JPG')),
  ];
  // A clip with an unknown extension, found by its content.
  const dat = m('DCIM/100MEDIA/CLIP0007.DAT');
  makeVideo(dat + '.mp4', { tag: 'h' });
  copyFileSync(dat + '.mp4', dat);
  execFileSync('rm', [dat + '.mp4']);
  media.push(dat);
  mkdirSync(m('LOG'));
  writeFileSync(m('LOG/system.log'), 'boot ok\n');
  writeFileSync(m('settings.ini'), '[device]\nserial=5130047\n');
  return { root, media };
}

afterEach(() => forceSm3Backend(null));

describe('footage ingest', () => {
  it.each(['node', 'hash-wasm'] as const)(
    'copies every recording once with SHA-256 = sha256sum and SM3 = openssl (%s SM3), and catalogues it',
    async (backend) => {
      forceSm3Backend(backend);
      const { root, media } = camera();
      const before = media.map((f) => ({ f, mode: statSync(f).mode, mtime: statSync(f).mtimeMs, bytes: readFileSync(f) }));
      const c = await footageClient(path.join(tmpDir(), 'archive'));
      const r = await c.call('footage.ingest', { source: root, derive: 'skip' });
      expect(r.errors).toEqual([]);
      expect(r).toMatchObject({ files: media.length, new: media.length, duplicates: 0, ignored: 2, sm3Backend: backend, cancelled: false });
      expect(r.bytes).toBe(media.reduce((n, f) => n + statSync(f).size, 0));

      const list = await c.call('footage.list', { limit: 1000 });
      expect(list.total).toBe(media.length);
      for (const f of media) {
        const item = list.items.find((i) => i.originalName === path.basename(f))!;
        expect(item, f).toBeDefined();
        expect(item.sha256, f).toBe(sha256sum(f));
        expect(item.sm3, f).toBe(opensslSm3(f));
        expect(
          readFileSync(path.join(c.core.archiveDir, 'objects', 'sha256', item.sha256.slice(0, 2), item.sha256.slice(2, 4), item.sha256)).equals(
            readFileSync(f),
          ),
        ).toBe(true);
      }
      // The camera's files are untouched.
      for (const b of before) {
        expect(statSync(b.f).mode).toBe(b.mode);
        expect(statSync(b.f).mtimeMs).toBe(b.mtime);
        expect(readFileSync(b.f).equals(b.bytes)).toBe(true);
      }
      await c.close();
    },
  );

  it('reads the name pattern and the container, records each field source, and dedupes by SHA-256 while recording the new path', async () => {
    const { root, media } = camera();
    const c = await footageClient(path.join(tmpDir(), 'archive'));
    await c.call('footage.ingest', { source: root, derive: 'skip' });
    const list = await c.call('footage.list', { limit: 1000 });
    const first = list.items.find((i) => i.originalName.endsWith('_0001.MP4'))!;
    const d = await c.call('footage.get', { id: first.id });
    expect(d).toMatchObject({
      namePattern: 'zfy-underscore',
      deviceSerial: '5130047',
      userNo: '115007',
      fileSeq: '0001',
      start: '2024-03-11T09:40:32+08:00',
      timezone: 'Asia/Shanghai',
      kind: 'video',
      videoCodec: 'h264',
    });
    expect(d.fieldSources).toMatchObject({ start: 'container', deviceSerial: 'name', userNo: 'name', durationSec: 'container' });
    expect(d.conflicts).toEqual([]);
    expect(d.durationSec).toBeCloseTo(2, 0);
    const second = await c.call('footage.get', { id: list.items.find((i) => i.originalName.endsWith('_0002.MP4'))!.id });
    expect(second.start).toBe('2024-03-11T10:00:00+08:00');
    expect(second.fieldSources.start).toBe('name');
    const mov = list.items.find((i) => i.originalName.endsWith('.mov'))!;
    expect((await c.call('footage.get', { id: mov.id })).namePattern).toBe('dashed');

    // The same clip copied to another folder (and another card): one clip, two source paths.
    copyFileSync(media[0]!, path.join(root, 'BACKUP-COPY.MP4'));
    const again = await c.call('footage.ingest', { source: root, derive: 'skip' });
    expect(again).toMatchObject({ new: 0, duplicates: media.length + 1, errors: [] });
    const dup = await c.call('footage.get', { id: first.id });
    expect(dup.sources.map((s) => s.relPath).sort()).toEqual(['BACKUP-COPY.MP4', 'DCIM/100MEDIA/ZFY5130047_115007_20240311094032_0001.MP4']);
    expect((await c.call('footage.list', {})).total).toBe(media.length);
    await c.close();
  });

  it('makes thumbnails and a 3×3 contact sheet as derived objects, never replacing the original', async () => {
    const root = path.join(tmpDir(), 'cam');
    makeVideo(path.join(root, 'ZFY5130047_115007_20240311094032_0001.MP4'), { seconds: 3 });
    makeJpeg(path.join(root, 'IMG_20240311_102000.JPG'));
    makeWav(path.join(root, 'REC_20240311_101500.wav'));
    const c = await footageClient(path.join(tmpDir(), 'archive'));
    const r = await c.call('footage.ingest', { source: root });
    await c.core.footage.derive.idle();
    const items = (await c.call('footage.list', {})).items;
    const video = items.find((i) => i.kind === 'video')!;
    expect(video).toMatchObject({ hasThumb: true, hasSheet: true, derivedState: 'done' });
    expect(items.find((i) => i.kind === 'photo')).toMatchObject({ hasThumb: true, hasSheet: false, derivedState: 'done' });
    expect(items.find((i) => i.kind === 'audio')).toMatchObject({ hasThumb: false, derivedState: 'none' });
    const { FootageRepo } = await import('../../src/storage/repos/footage-repo.js');
    const sheet = new FootageRepo(c.core.archive.db).mediaObject('clip-sheet', video.id)!;
    const sharp = (await import('sharp')).default;
    const meta = await sharp(c.core.archive.store.pathOf(sheet.sha256)).metadata();
    expect(meta.width).toBe(3 * 320 + 4 * 4);
    expect(meta.format).toBe('jpeg');
    expect(new FootageRepo(c.core.archive.db).mediaObject('clip', video.id)!.sha256).toBe(video.sha256);
    expect(r.clipIds).toHaveLength(3);
    await c.close();
  });

  it('links the ingested clips to a case and an officer, and lists by case, officer, device, date and activity', async () => {
    const { root } = camera();
    const c = await footageClient(path.join(tmpDir(), 'archive'));
    const k = await c.raw('case.create', sampleCase());
    expect(k.ok).toBe(true);
    const r = await c.call('footage.ingest', { source: root, caseNo: sampleCase().caseNo, certNo: '豫S11520210047', activity: '现场检查', derive: 'skip' });
    const byCase = await c.call('footage.list', { caseNo: sampleCase().caseNo });
    expect(byCase.total).toBe(r.files);
    expect(byCase.items[0]!.cases[0]).toMatchObject({ caseNo: sampleCase().caseNo, activity: '现场检查' });
    expect(byCase.items[0]!.retention).toEqual({ class: 'evidence', keepUntil: null, due: false });
    expect((await c.call('footage.list', { certNo: '豫S11520210047' })).total).toBe(r.files);
    expect((await c.call('footage.list', { activity: 'XCJC' })).total).toBe(r.files);
    expect((await c.call('footage.list', { unlinked: true })).total).toBe(0);
    expect((await c.call('footage.list', { deviceSerial: '5130047' })).total).toBe(6);
    expect((await c.call('footage.list', { from: '2024-03-11T09:50', to: '2024-03-11' })).total).toBeGreaterThan(0);
    expect((await c.call('footage.list', { to: '2024-03-10' })).total).toBe(0);
    // CLIP0007.DAT has no time in its name or container: its start is the file time (today), so it is outside March 2024.
    expect((await c.call('footage.list', { from: '2024-03-11', to: '2024-03-11' })).total).toBe(r.files - 1);
    await c.close();
  });
});
