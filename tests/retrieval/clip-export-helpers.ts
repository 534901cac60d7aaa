import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { footageClient, type FootageClient } from '../footage/helpers/footage-core.js';

/** A 6 s H.264/AAC recording with a key frame every 2 s (15 fps, GOP 30), named like a camera file. */
export function makeGopVideo(dir: string, name = '20260115_093000_0001.mp4', seconds = 6): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
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
    'sine=frequency=440:sample_rate=16000',
    '-t',
    String(seconds),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '30',
    '-keyint_min',
    '30',
    '-sc_threshold',
    '0',
    '-c:a',
    'aac',
    '-b:a',
    '32k',
    file,
  ]);
  return file;
}

/** An archive with one ingested clip; returns the client and the clip id. */
export async function archiveWithClip(root: string, make: (dir: string) => string = makeGopVideo): Promise<{ c: FootageClient; clipId: number }> {
  const src = path.join(root, 'camera');
  make(src);
  const c = await footageClient(path.join(root, 'archive'));
  const r = await c.call('footage.ingest', { source: src, derive: 'skip' });
  const clipId = r.clipIds[0];
  if (clipId === undefined) throw new Error(`nothing ingested: ${JSON.stringify(r.errors)}`);
  return { c, clipId };
}

export function ffprobeJson(file: string): { format: { duration: string; start_time?: string }; streams: { codec_type: string; codec_name: string }[] } {
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], { encoding: 'utf8' })) as never;
}
