import { execFile } from 'node:child_process';
import { tiedCommand } from '../ports/tied-child.js';
import { loadSharp } from '../ports/load-sharp.js';
import { mediaTools } from './media-tools.js';

/** Contact sheet: 3 × 3 frames, 320 px wide each. */
export const SHEET_COLS = 3;
export const SHEET_FRAMES = 9;
export const FRAME_WIDTH = 320;

export interface Derived {
  thumb: Buffer | null;
  sheet: Buffer | null;
}

/**
 * The derived pictures of a recording, never replacing it: a JPEG thumbnail and, for video, a contact
 * sheet of ~9 frames spread over the clip (each frame grabbed by ffmpeg with a fast seek, composed
 * with sharp). Audio has none.
 */
export async function deriveImages(
  file: string,
  kind: 'video' | 'audio' | 'photo',
  durationSec: number | null,
  dims: { width: number | null; height: number | null } = { width: null, height: null },
): Promise<Derived> {
  if (kind === 'audio') return { thumb: null, sheet: null };
  const sharp = await loadSharp();
  if (kind === 'photo') {
    const thumb = await sharp(file, { failOn: 'none' }).rotate().resize({ width: FRAME_WIDTH, withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
    return { thumb, sheet: null };
  }
  const d = durationSec && durationSec > 0 ? durationSec : 0;
  let frames: Buffer[] = [];
  if (d > 0 && d <= SHORT_CLIP_SEC && dims.width && dims.height) frames = await framesInOnePass(file, d, dims.width, dims.height).catch(() => []);
  if (frames.length === 0) {
    const times = d > 0 ? Array.from({ length: SHEET_FRAMES }, (_, i) => ((i + 0.5) * d) / SHEET_FRAMES) : [0];
    for (const t of times) {
      const f = await grabFrame(file, t).catch(() => null);
      if (f) frames.push(f);
    }
  }
  if (frames.length === 0) throw new Error('ffmpeg returned no frame');
  const thumbSource = frames[Math.min(1, frames.length - 1)]!;
  const thumb = await sharp(thumbSource).jpeg({ quality: 80 }).toBuffer();
  const sheet = frames.length > 1 ? await composeSheet(frames) : null;
  return { thumb, sheet };
}

/** Up to this length a clip is decoded once for all its frames (cheaper than nine seeking processes). */
const SHORT_CLIP_SEC = 120;

/** Nine evenly spaced frames from one decode, as raw RGB cut into PNGs. */
async function framesInOnePass(file: string, durationSec: number, width: number, height: number): Promise<Buffer[]> {
  const sharp = await loadSharp();
  const w = FRAME_WIDTH;
  const h = Math.max(2, Math.round((w * height) / width / 2) * 2);
  const args = [
    '-v',
    'error',
    '-nostdin',
    '-i',
    file,
    '-an',
    '-vf',
    `fps=${SHEET_FRAMES}/${durationSec.toFixed(3)},scale=${w}:${h}`,
    '-frames:v',
    String(SHEET_FRAMES),
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    '-',
  ];
  const raw = await run(args, w * h * 3 * SHEET_FRAMES + 1024);
  const size = w * h * 3;
  const out: Buffer[] = [];
  for (let off = 0; off + size <= raw.length; off += size)
    out.push(
      await sharp(raw.subarray(off, off + size), { raw: { width: w, height: h, channels: 3 } })
        .png()
        .toBuffer(),
    );
  return out;
}

async function composeSheet(frames: Buffer[]): Promise<Buffer> {
  const sharp = await loadSharp();
  const metas = await Promise.all(frames.map((f) => sharp(f).metadata()));
  const w = FRAME_WIDTH;
  const h = Math.max(...metas.map((m) => m.height ?? 180));
  const gap = 4;
  const rows = Math.ceil(frames.length / SHEET_COLS);
  return sharp({ create: { width: SHEET_COLS * w + (SHEET_COLS + 1) * gap, height: rows * h + (rows + 1) * gap, channels: 3, background: '#202020' } })
    .composite(frames.map((f, i) => ({ input: f, left: gap + (i % SHEET_COLS) * (w + gap), top: gap + Math.floor(i / SHEET_COLS) * (h + gap) })))
    .jpeg({ quality: 78 })
    .toBuffer();
}

function grabFrame(file: string, atSec: number): Promise<Buffer> {
  return run(
    [
      '-v',
      'error',
      '-nostdin',
      '-ss',
      atSec.toFixed(3),
      '-i',
      file,
      '-frames:v',
      '1',
      '-vf',
      `scale=${FRAME_WIDTH}:-2`,
      '-f',
      'image2pipe',
      '-vcodec',
      'png',
      '-',
    ],
    16 * 1024 * 1024,
  );
}

function run(args: string[], maxBuffer: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Tied: a kill -9 of Juanzong takes the ffmpeg along (src/ports/tied-child.ts).
    const cmd = tiedCommand(mediaTools().ffmpeg, args);
    execFile(cmd.file, cmd.args, { encoding: 'buffer', maxBuffer: maxBuffer + 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`ffmpeg: ${String(stderr).trim() || err.message}`));
      else if (stdout.length === 0) reject(new Error('ffmpeg: no frame'));
      else resolve(stdout);
    });
  });
}
