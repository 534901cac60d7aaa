import { execFile } from 'node:child_process';
import { AppError } from '../api/errors.js';
import { tiedCommand } from '../ports/tied-child.js';
import { mediaTools } from './media-tools.js';

/**
 * Container metadata via ffprobe's own JSON output (`-print_format json -show_format -show_streams`,
 * the data fluent-ffmpeg used to parse for us). ffprobe runs tied to this process
 * (src/ports/tied-child.ts), so a kill -9 of an ingest does not leave it running.
 */
export interface ProbeSummary {
  formatName: string;
  durationSec: number | null;
  bitRate: number | null;
  /** The container's creation_time as an instant (ISO, UTC), when set to something plausible. */
  creationTime: string | null;
  video: { codec: string; width: number | null; height: number | null; frameRate: number | null } | null;
  audio: { codec: string; sampleRate: number | null; channels: number | null } | null;
  /** Container tags (title, comment, encoder, device names some cameras write). */
  tags: Record<string, string>;
}

/** The part of ffprobe's JSON this module reads (numbers may come as strings). */
interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string | number;
  sample_rate?: string | number;
  channels?: number;
  disposition?: Record<string, number>;
  tags?: Record<string, string>;
}
interface FfprobeData {
  format: { format_name?: string; duration?: string | number; bit_rate?: string | number; tags?: Record<string, string> };
  streams: FfprobeStream[];
}

export async function probe(file: string, label: string): Promise<ProbeSummary> {
  const data = await new Promise<FfprobeData>((resolve, reject) => {
    const cmd = tiedCommand(mediaTools().ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
    execFile(cmd.file, cmd.args, { maxBuffer: 16 << 20, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(String(stderr).trim() || err.message));
      try {
        const d = JSON.parse(stdout) as Partial<FfprobeData>;
        if (!d.format) return reject(new Error(String(stderr).trim() || 'no container found'));
        resolve({ format: d.format, streams: d.streams ?? [] });
      } catch {
        reject(new Error(String(stderr).trim() || 'unreadable ffprobe output'));
      }
    });
  }).catch((e: unknown) => {
    const raw = String((e as Error)?.message ?? e);
    const reason =
      raw
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('ffprobe') && !/^Input|^Duration|^Stream|^Metadata/.test(l))
        .pop() ?? raw;
    throw new AppError('bad_file', `${label}: not a readable recording (ffprobe: ${reason})`, `${label}：无法读取的音视频文件（ffprobe：${reason}）`, {
      item: label,
    });
  });
  const f = data.format;
  const v = data.streams.find((s) => s.codec_type === 'video' && !(s.disposition?.attached_pic === 1));
  const a = data.streams.find((s) => s.codec_type === 'audio');
  const tags: Record<string, string> = {};
  for (const [k, val] of Object.entries(f.tags ?? {})) tags[k.toLowerCase()] = String(val);
  const created =
    tags.creation_time ??
    (v?.tags as Record<string, string> | undefined)?.creation_time ??
    (a?.tags as Record<string, string> | undefined)?.creation_time ??
    null;
  return {
    formatName: f.format_name ?? '',
    durationSec: num(f.duration) ?? num(v?.duration) ?? num(a?.duration),
    bitRate: num(f.bit_rate),
    creationTime: plausibleTime(created),
    video: v
      ? { codec: v.codec_name ?? '', width: v.width ?? null, height: v.height ?? null, frameRate: rate(v.avg_frame_rate) ?? rate(v.r_frame_rate) }
      : null,
    audio: a ? { codec: a.codec_name ?? '', sampleRate: num(a.sample_rate), channels: a.channels ?? null } : null,
    tags,
  };
}

function num(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

function rate(s: string | undefined): number | null {
  if (!s) return null;
  const [a, b] = s.split('/').map(Number);
  if (!a || !b) return null;
  return Math.round((a / b) * 1000) / 1000;
}

/** Cameras with an unset clock write 1904/1970 (the container epochs): those are not a time. */
function plausibleTime(s: string | null): string | null {
  if (!s) return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1995 || d.getUTCFullYear() > 2100) return null;
  return d.toISOString().slice(0, 19) + 'Z';
}
