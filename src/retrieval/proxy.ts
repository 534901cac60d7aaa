import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { toIoError } from '../archive/object-store.js';
import { tmpName } from '../archive/tmp-names.js';
import { fsyncFile } from '../footage/copy-with-digests.js';
import { mediaTools } from '../footage/media-tools.js';
import type { FilePort } from '../ports/file-port.js';
import { ClipProxyRepo, type ProxyState } from '../storage/repos/clip-proxy-repo.js';
import { needsProxy } from './proxy-rules.js';

export interface ProxyResult {
  clipId: number;
  /** False: the original plays in the player as it is (no proxy made). */
  needed: boolean;
  state: ProxyState;
  sha256: string | null;
  error: string | null;
}

const inflight = new Map<string, Promise<ProxyResult>>();

/** The proxy facts of a clip without making anything. */
export function proxyStatus(archive: Archive, clipId: number): ProxyResult {
  const c = clipOr404(archive, clipId);
  return { clipId, needed: needsProxy(c), state: c.proxyState, sha256: c.proxySha256, error: c.proxyError };
}

/**
 * Makes (once) the H.264/AAC MP4 playback proxy of a clip Chromium cannot play: ffmpeg writes it in
 * the archive's tmp/, it is fsynced and stored as a content-addressed object through the object
 * store's durable path (digest re-checked, read-only, renamed), then clips.proxy_sha256 / proxy_state
 * record it with an audit entry ('clip.proxy'). The original is only read and stays the evidence. A
 * failure leaves proxy_state 'failed' with the reason; nothing half-written stays in objects/.
 * Concurrent calls for the same clip share one run.
 */
export function makeProxy(archive: Archive, files: FilePort, user: UserInfo | null, clipId: number, signal?: AbortSignal): Promise<ProxyResult> {
  const key = `${archive.layout.root}|${clipId}`;
  let p = inflight.get(key);
  if (!p) {
    p = run(archive, files, user, clipId, signal).finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}

/**
 * For the player: starts making the proxy in the background when the clip needs one and has none (or
 * its last run failed — each open tries again), and says where it stands at once. The player shows
 * 正在生成 and polls proxyStatus (clip.proxyStatus) until 'done' (then plays it) or 'failed' (the reason).
 */
export function requestProxy(archive: Archive, files: FilePort, user: UserInfo | null, clipId: number): ProxyResult {
  const s = proxyStatus(archive, clipId);
  if (!s.needed || s.state === 'done' || inflight.has(`${archive.layout.root}|${clipId}`)) return s;
  void makeProxy(archive, files, user, clipId).catch(() => undefined); // the failure is kept in proxy_state / proxy_error
  return { ...s, state: 'pending', error: null };
}

/** Resolves when no proxy of the clip is being made (tests, shutdown). */
export async function proxySettled(archive: Archive, clipId: number): Promise<void> {
  await inflight.get(`${archive.layout.root}|${clipId}`)?.catch(() => undefined);
}

async function run(archive: Archive, files: FilePort, user: UserInfo | null, clipId: number, signal?: AbortSignal): Promise<ProxyResult> {
  const repo = new ClipProxyRepo(archive.db);
  const c = clipOr404(archive, clipId);
  if (c.disposalId !== null)
    throw new AppError('not_found', `clip ${c.originalName} was disposed of`, `音像记录 ${c.originalName} 已经销毁`, { item: c.originalName });
  if (!needsProxy(c)) return { clipId, needed: false, state: c.proxyState, sha256: null, error: null };
  if (c.proxyState === 'done' && c.proxySha256) {
    const there = await files.stat(archive.store.pathOf(c.proxySha256)).catch(() => null);
    if (there) return { clipId, needed: true, state: 'done', sha256: c.proxySha256, error: null };
  }
  repo.setPending(clipId);
  const label = `${c.originalName}（播放转码）`;
  const tmp = path.join(archive.layout.tmp, `${tmpName()}.mp4`);
  try {
    await files.mkdir(archive.layout.tmp, { recursive: true });
    await transcode(archive.store.pathOf(c.sha256), tmp, c.kind === 'audio', label, signal);
    await fsyncFile(files, tmp, label);
    const { sha256, size } = await archive.store.digestFile(tmp, label);
    const stored = await archive.store.commit({ path: tmp, size, sha256 }, label);
    change(archive, user, () => {
      repo.setDone(clipId, { sha256: stored.sha256, size, mediaType: c.kind === 'audio' ? 'audio/mp4' : 'video/mp4' }, archive.clock.now().toISOString());
      return {
        value: null,
        audit: [
          {
            action: 'clip.proxy',
            targetType: 'clip',
            targetId: clipId,
            detail: { clip: c.originalName, proxySha256: stored.sha256, size, sourceSha256: c.sha256 },
          },
        ],
      };
    });
    return { clipId, needed: true, state: 'done', sha256: stored.sha256, error: null };
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const err = e instanceof AppError ? e : toIoError(e, label);
    repo.setFailed(clipId, err.messageZh); // shown by the player (clip.proxyStatus) as the reason
    throw err;
  }
}

function clipOr404(archive: Archive, clipId: number) {
  const c = new ClipProxyRepo(archive.db).byId(clipId);
  if (!c) throw new AppError('not_found', `clip ${clipId} does not exist`, `音像记录 ${clipId} 不存在`, { item: String(clipId) });
  return c;
}

/** H.264 (yuv420p, even dimensions) + AAC in MP4 with the index at the front, for streaming by Range. */
function transcode(src: string, dest: string, audioOnly: boolean, label: string, signal?: AbortSignal): Promise<void> {
  const video = audioOnly
    ? ['-vn']
    : ['-map', '0:v:0', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p', '-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2'];
  const args = [
    '-v',
    'error',
    '-nostdin',
    '-y',
    '-i',
    src,
    ...video,
    '-map',
    '0:a:0?',
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-ac',
    '2',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    dest,
  ];
  return new Promise((resolve, reject) => {
    execFile(mediaTools().ffmpeg, args, { maxBuffer: 16 << 20, ...(signal ? { signal } : {}) }, (err, _out, stderr) => {
      if (!err) return resolve();
      if (signal?.aborted) return reject(new AppError('cancelled', `${label}: cancelled`, `${label}：已取消`, { item: label }));
      const why = String(stderr || err.message)
        .trim()
        .split('\n')
        .pop();
      reject(
        new AppError('bad_file', `${label}: ffmpeg could not make the playback proxy (${why})`, `${label}：ffmpeg 无法生成播放转码副本（${why}）`, {
          item: label,
        }),
      );
    });
  });
}
