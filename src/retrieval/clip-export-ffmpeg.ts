import { execFile } from 'node:child_process';
import { AppError } from '../api/errors.js';
import { mediaTools } from '../footage/media-tools.js';

/** Runs ffmpeg / ffprobe; a cancel (signal) kills the process and becomes AppError('cancelled'). */
function run(bin: string, args: readonly string[], label: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { maxBuffer: 256 << 20, ...(signal ? { signal } : {}) }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      if (signal?.aborted) return reject(new AppError('cancelled', `${label}: cancelled`, `${label}：已取消`, { item: label }));
      const why = String(stderr || err.message)
        .trim()
        .split('\n')
        .pop();
      reject(new AppError('bad_file', `${label}: ffmpeg failed (${why})`, `${label}：ffmpeg 处理失败（${why}）`, { item: label, cause: err }));
    });
  });
}

/**
 * Times (seconds) of the key frames of the first video stream, read from the packet index without
 * decoding. Empty for audio-only recordings (every audio packet is a sync point).
 */
export async function keyframeTimes(file: string, label: string, signal?: AbortSignal): Promise<number[]> {
  const out = await run(
    mediaTools().ffprobe,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,dts_time,flags', '-of', 'csv=p=0', file],
    label,
    signal,
  );
  const times: number[] = [];
  for (const line of out.split('\n')) {
    const [pts, dts, flags] = line.trim().split(',');
    if (!flags?.includes('K')) continue;
    const t = Number(pts !== 'N/A' && pts ? pts : dts);
    if (Number.isFinite(t)) times.push(t);
  }
  return times.sort((a, b) => a - b);
}

/** Start time and duration of a file (the container's), in seconds. */
export async function mediaTimes(file: string, label: string): Promise<{ start: number; duration: number }> {
  const out = await run(mediaTools().ffprobe, ['-v', 'error', '-show_entries', 'format=start_time,duration', '-of', 'json', file], label);
  const f = (JSON.parse(out) as { format?: { start_time?: string; duration?: string } }).format ?? {};
  return { start: Number(f.start_time ?? 0) || 0, duration: Number(f.duration ?? NaN) };
}

/** Stream copy from `from` (a key frame) for `length` seconds: no re-encode, the packets as recorded. */
export function cutCopy(src: string, dest: string, from: number, length: number, label: string, signal?: AbortSignal): Promise<string> {
  return run(
    mediaTools().ffmpeg,
    [
      '-v',
      'error',
      '-nostdin',
      '-y',
      '-ss',
      from.toFixed(3),
      '-i',
      src,
      '-t',
      length.toFixed(3),
      '-map',
      '0:v?',
      '-map',
      '0:a?',
      '-c',
      'copy',
      '-avoid_negative_ts',
      'make_zero',
      '-map_metadata',
      '0',
      dest,
    ],
    label,
    signal,
  );
}

/** ffmpeg filter-graph escaping of a value inside an option (drawtext fontfile/textfile). */
const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/:/g, '\\:').replace(/'/g, "\\'");

/**
 * Frame-exact re-encode (H.264/AAC, MP4) from `from` for `length` seconds, with the watermark text
 * (read from `textFile`: viewer and time) burned into the picture in `fontFile` (a CJK TrueType).
 */
export function cutReencode(
  src: string,
  dest: string,
  o: { from: number; length: number; hasVideo: boolean; textFile: string; fontFile: string; label: string; signal?: AbortSignal },
): Promise<string> {
  const font = `fontfile='${esc(o.fontFile)}'`;
  const vf =
    `drawtext=${font}:textfile='${esc(o.textFile)}':fontsize=h/22:fontcolor=white:borderw=2:bordercolor=black:x=w/40:y=h-th-h/30,` +
    `drawtext=${font}:text='%{pts\\:hms}':fontsize=h/22:fontcolor=white:borderw=2:bordercolor=black:x=w-tw-w/40:y=h/30`;
  return run(
    mediaTools().ffmpeg,
    [
      '-v',
      'error',
      '-nostdin',
      '-y',
      '-ss',
      o.from.toFixed(3),
      '-i',
      src,
      '-t',
      o.length.toFixed(3),
      ...(o.hasVideo ? ['-map', '0:v:0', '-vf', vf, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'] : ['-vn']),
      '-map',
      '0:a?',
      '-c:a',
      'aac',
      '-b:a',
      '96k',
      '-movflags',
      '+faststart',
      dest,
    ],
    o.label,
    o.signal,
  );
}
