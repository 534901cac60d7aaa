import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Which ffmpeg / ffprobe binaries to run: JUANZONG_FFMPEG / JUANZONG_FFPROBE, else the system's on
 * PATH (Debian's 5.1 here), else the ones bundled by @ffmpeg-installer / @ffprobe-installer.
 */
export interface MediaTools {
  ffmpeg: string;
  ffprobe: string;
}

let cached: MediaTools | null = null;

export function mediaTools(): MediaTools {
  if (!cached)
    cached = {
      ffmpeg: find('ffmpeg', process.env.JUANZONG_FFMPEG, '@ffmpeg-installer/ffmpeg'),
      ffprobe: find('ffprobe', process.env.JUANZONG_FFPROBE, '@ffprobe-installer/ffprobe'),
    };
  return cached;
}

function find(name: string, override: string | undefined, pkg: string): string {
  if (override) return override;
  const exe = process.platform === 'win32' ? `${name}.exe` : name;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, exe))) return path.join(dir, exe);
  }
  try {
    return (createRequire(import.meta.url)(pkg) as { path: string }).path;
  } catch {
    return exe; // let the spawn fail with a clear ENOENT naming the program
  }
}
