import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.js';
import { nodeFilePort } from '../../src/ports/file-port.js';
import { resolveClipMedia } from '../../src/retrieval/clip-media.js';
import { makeProxy, proxySettled, proxyStatus, requestProxy } from '../../src/retrieval/proxy.js';
import { needsProxy } from '../../src/retrieval/proxy-rules.js';
import type { UserInfo } from '../../src/api/types.js';
import type { FootageClient } from '../footage/helpers/footage-core.js';
import { tmpDir } from '../helpers/tmp.js';
import { archiveWithClip, ffprobeJson, makeGopVideo } from './clip-export-helpers.js';

const open: FootageClient[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

function ffmpeg(file: string, codec: string[], seconds = 3): string {
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x240:rate=15',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=500:sample_rate=8000',
    '-t',
    String(seconds),
    ...codec,
    file,
  ]);
  return file;
}

const hevcMp4 = (dir: string) => {
  execFileSync('mkdir', ['-p', dir]);
  return ffmpeg(path.join(dir, '20260115_100000_0002.mp4'), [
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-x265-params',
    'log-level=error',
    '-tag:v',
    'hvc1',
    '-c:a',
    'aac',
  ]);
};
const mjpegAviMulaw = (dir: string) => {
  execFileSync('mkdir', ['-p', dir]);
  return ffmpeg(path.join(dir, '20260115_110000_0003.avi'), ['-c:v', 'mjpeg', '-q:v', '8', '-c:a', 'pcm_mulaw']);
};

describe('playback proxies', () => {
  it('decides which recordings Chromium cannot play', () => {
    const mp4 = 'mov,mp4,m4a,3gp,3g2,mj2';
    expect(needsProxy({ kind: 'video', container: mp4, videoCodec: 'h264', audioCodec: 'aac' })).toBe(false);
    expect(needsProxy({ kind: 'video', container: 'matroska,webm', videoCodec: 'vp9', audioCodec: 'opus' })).toBe(false);
    expect(needsProxy({ kind: 'video', container: mp4, videoCodec: 'hevc', audioCodec: 'aac' })).toBe(true);
    expect(needsProxy({ kind: 'video', container: 'avi', videoCodec: 'mjpeg', audioCodec: 'pcm_mulaw' })).toBe(true);
    expect(needsProxy({ kind: 'video', container: mp4, videoCodec: 'h264', audioCodec: 'amr_nb' })).toBe(true);
    expect(needsProxy({ kind: 'video', container: 'mpegts', videoCodec: 'h264', audioCodec: 'aac' })).toBe(true);
    expect(needsProxy({ kind: 'audio', container: 'wav', videoCodec: null, audioCodec: 'pcm_s16le' })).toBe(false);
    expect(needsProxy({ kind: 'audio', container: 'wav', videoCodec: null, audioCodec: 'pcm_alaw' })).toBe(true);
    expect(needsProxy({ kind: 'audio', container: 'amr', videoCodec: null, audioCodec: 'amr_nb' })).toBe(true);
    expect(needsProxy({ kind: 'photo', container: null, videoCodec: null, audioCodec: null })).toBe(false);
  });

  it('an HEVC clip ingested normally gets an H.264/AAC MP4 proxy stored as an object, of the same duration, served as clip-proxy', async () => {
    const root = tmpDir();
    const { c, clipId } = await archiveWithClip(root, hevcMp4);
    open.push(c);
    const admin = (await c.call('auth.me' as never, {})) as unknown as UserInfo;
    const original = c.core.archive.db.prepare('SELECT sha256, video_codec AS v, duration_sec AS d FROM clips WHERE id = ?').get(clipId) as {
      sha256: string;
      v: string;
      d: number;
    };
    expect(original.v).toBe('hevc');
    expect(proxyStatus(c.core.archive, clipId)).toMatchObject({ needed: true, state: 'none' });

    const [r, again] = await Promise.all([makeProxy(c.core.archive, nodeFilePort, admin, clipId), makeProxy(c.core.archive, nodeFilePort, admin, clipId)]);
    expect(again).toEqual(r);
    expect(r.state).toBe('done');
    const file = c.core.archive.store.pathOf(r.sha256!);
    expect(execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]).toBe(r.sha256);
    expect(statSync(file).mode & 0o222).toBe(0); // read-only like every object
    const p = ffprobeJson(file);
    expect(p.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
    expect(Math.abs(Number(p.format.duration) - original.d)).toBeLessThan(0.2);
    expect(execFileSync('sha256sum', [c.core.archive.store.pathOf(original.sha256)], { encoding: 'utf8' }).split(' ')[0]).toBe(original.sha256);
    expect(readdirSync(c.core.archive.layout.tmp).filter((n) => n.endsWith('.mp4'))).toEqual([]);

    const row = c.core.archive.db.prepare('SELECT proxy_state AS s, proxy_sha256 AS p FROM clips WHERE id = ?').get(clipId);
    expect(row).toEqual({ s: 'done', p: r.sha256 });
    expect(c.core.archive.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'clip.proxy'").get()).toEqual({ n: 1 });
    const media = resolveClipMedia(c.core.archive, admin, 'clip-proxy', clipId);
    expect(media).toMatchObject({ ok: true, path: file, mediaType: 'video/mp4' });
    // A second request, through the contract, reuses the stored proxy.
    expect(await c.call('clip.proxy' as never, { clipId } as never)).toMatchObject({ state: 'done', sha256: r.sha256 });
    expect(await c.call('clip.proxyStatus' as never, { clipId } as never)).toMatchObject({ needed: true, state: 'done', sha256: r.sha256 });
    expect(c.core.archive.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'clip.proxy'").get()).toEqual({ n: 1 });
  });

  it('MJPEG in AVI with G.711 audio gets a proxy; an H.264/AAC MP4 needs none', async () => {
    const root = tmpDir();
    const { c, clipId } = await archiveWithClip(root, mjpegAviMulaw);
    open.push(c);
    // The player's way: ask, get 'pending' at once, find it done afterwards.
    expect(requestProxy(c.core.archive, nodeFilePort, null, clipId)).toMatchObject({ needed: true, state: 'pending' });
    await proxySettled(c.core.archive, clipId);
    const r = proxyStatus(c.core.archive, clipId);
    expect(r).toMatchObject({ needed: true, state: 'done' });
    const p = ffprobeJson(c.core.archive.store.pathOf(r.sha256!));
    expect(p.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Math.abs(Number(p.format.duration) - 3)).toBeLessThan(0.2);

    const root2 = tmpDir();
    const h = await archiveWithClip(root2, (d) => makeGopVideo(d));
    open.push(h.c);
    expect(await makeProxy(h.c.core.archive, nodeFilePort, null, h.clipId)).toMatchObject({ needed: false, sha256: null });
  });

  it('a cancelled proxy run leaves proxy_state failed with the reason, and nothing in objects/ or tmp/', async () => {
    const root = tmpDir();
    const { c, clipId } = await archiveWithClip(root, hevcMp4);
    open.push(c);
    const before = readdirSync(c.core.archive.layout.objects, { recursive: true }).length;
    const ac = new AbortController();
    ac.abort();
    const e = await makeProxy(c.core.archive, nodeFilePort, null, clipId, ac.signal).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('cancelled');
    expect(c.core.archive.db.prepare('SELECT proxy_state AS s FROM clips WHERE id = ?').get(clipId)).toEqual({ s: 'failed' });
    expect(readdirSync(c.core.archive.layout.objects, { recursive: true }).length).toBe(before);
    expect(readdirSync(c.core.archive.layout.tmp).filter((n) => n.endsWith('.mp4'))).toEqual([]);
  });

  it('opening an HEVC clip in the player starts its proxy and says it is being made (never the original); then it is served as clip-proxy', async () => {
    const root = tmpDir();
    const { c, clipId } = await archiveWithClip(root, hevcMp4);
    open.push(c);
    type Start = { media: string; proxy: { state: string; error: string | null } | null };
    const first = (await c.call('retrieval.viewStart' as never, { clipId } as never)) as unknown as Start;
    expect(first).toMatchObject({ media: 'clip-proxy', proxy: { state: 'making', error: null } });
    expect(proxyStatus(c.core.archive, clipId).state).toBe('pending');
    await proxySettled(c.core.archive, clipId);
    const second = (await c.call('retrieval.viewStart' as never, { clipId } as never)) as unknown as Start;
    expect(second).toMatchObject({ media: 'clip-proxy', proxy: { state: 'done', error: null } });
    const admin = (await c.call('auth.me' as never, {})) as unknown as UserInfo;
    const media = resolveClipMedia(c.core.archive, admin, 'clip-proxy', clipId);
    expect(media.ok).toBe(true);
    if (media.ok)
      expect(
        ffprobeJson(media.path)
          .streams.map((s) => s.codec_name)
          .sort(),
      ).toEqual(['aac', 'h264']);
  });
});
