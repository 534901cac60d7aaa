import { execFileSync } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { deriveImages, FRAME_WIDTH, SHEET_COLS, SHEET_FRAMES } from '../../src/footage/derive.js';
import { SHEET, stripFrames } from '../../renderer/features/retrieval/strip-frames.js';
import { makeVideo } from '../footage/helpers/media.js';
import { tmpDir } from '../helpers/tmp.js';

describe('timeline strip over the contact sheet', () => {
  it('repeats the sheet layout of src/footage/derive.ts', () => {
    expect([SHEET.cols, SHEET.frames, SHEET.frameWidth]).toEqual([SHEET_COLS, SHEET_FRAMES, FRAME_WIDTH]);
  });

  it('each strip cell of a real derived sheet shows the frame at its second (and not the next one)', async () => {
    const file = makeVideo(path.join(tmpDir(), 'A.mp4'), { seconds: 8 });
    const { sheet } = await deriveImages(file, 'video', 8, { width: 320, height: 240 });
    const meta = await sharp(sheet!).metadata();
    const frames = stripFrames(8, { width: meta.width!, height: meta.height! }, { width: 320, height: 240 });
    expect(frames).toHaveLength(9);
    expect(frames.map((f) => f.second)).toEqual([0.44, 1.33, 2.22, 3.11, 4, 4.89, 5.78, 6.67, 7.56]);
    expect(frames[8]!.x + frames[8]!.w + SHEET.gap).toBe(meta.width);
    expect(frames[8]!.y + frames[8]!.h + SHEET.gap).toBe(meta.height);
    // Every tenth of a second of the clip, decoded once; the cell must look most like a frame near its second.
    const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', 'fps=10,scale=320:240', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const size = 320 * 240 * 3;
    for (const i of [0, 2, 5, 7]) {
      const f = frames[i]!;
      const cell = await sharp(sheet!)
        .extract({ left: f.x, top: f.y, width: f.w, height: f.h })
        .resize(320, 240, { fit: 'fill' })
        .removeAlpha()
        .raw()
        .toBuffer();
      let best = { t: -1, d: Infinity };
      for (let k = 0; (k + 1) * size <= raw.length; k++) {
        let d = 0;
        for (let b = 0; b < size; b += 7) d += Math.abs(raw[k * size + b]! - cell[b]!);
        if (d < best.d) best = { t: k / 10, d };
      }
      expect(Math.abs(best.t - f.second), `cell ${i} (${f.second} s) looks most like ${best.t} s`).toBeLessThanOrEqual(0.2);
    }
  });

  it('long clips the same (the middle of each ninth); nothing for an unknown duration', () => {
    const fr = stripFrames(900, { width: 976, height: 3 * 240 + 16 }, { width: 640, height: 480 });
    expect(fr.map((f) => f.second)).toEqual([50, 150, 250, 350, 450, 550, 650, 750, 850]);
    expect(stripFrames(0, { width: 976, height: 736 })).toEqual([]);
  });
});
