import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Real recordings made with ffmpeg at test time (small: 320×240, 15 fps). */
export interface ClipOpts {
  seconds?: number;
  /** Container creation_time, ISO UTC. */
  creation?: string;
  /** Makes the bytes unique (and distinguishes otherwise identical clips). */
  tag?: string;
  freq?: number;
}

export function makeVideo(file: string, o: ClipOpts = {}): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const ext = path.extname(file).toLowerCase();
  const codec =
    ext === '.avi'
      ? ['-c:v', 'mjpeg', '-q:v', '8', '-c:a', 'pcm_s16le']
      : ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k'];
  const fmt = ext === '.ts' ? ['-f', 'mpegts'] : ext === '.mp4' || ext === '.mov' ? ['-f', ext.slice(1)] : [];
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=320x240:rate=15`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${o.freq ?? 440}:sample_rate=16000`,
    '-t',
    String(o.seconds ?? 2),
    ...codec,
    ...(o.creation ? ['-metadata', `creation_time=${o.creation}`] : []),
    ...(o.tag ? ['-metadata', `comment=${o.tag}`] : []),
    ...fmt,
    file,
  ]);
  return file;
}

/** An HEVC (H.265) MP4 at 30 fps, tagged hvc1 as cameras write it: a format Chromium cannot play. */
export function makeHevc(file: string, o: { seconds?: number; size?: string } = {}): string {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${o.size ?? '320x240'}:rate=30`,
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=500:sample_rate=8000',
    '-t',
    String(o.seconds ?? 3),
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
    file,
  ]);
  return file;
}

export function makeWav(file: string, o: ClipOpts = {}): string {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${o.freq ?? 660}:sample_rate=8000`,
    '-t',
    String(o.seconds ?? 1),
    '-c:a',
    'pcm_s16le',
    ...(o.tag ? ['-metadata', `comment=${o.tag}`] : []),
    file,
  ]);
  return file;
}

export function makeJpeg(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x480', '-frames:v', '1', file]);
  return file;
}
