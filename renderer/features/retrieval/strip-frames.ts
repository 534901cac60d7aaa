/**
 * The layout of the contact sheet that src/footage/derive.ts makes for a video (a derived object,
 * served as media `clip-sheet` with the same access rule as the clip's other pictures): up to 9
 * frames, 3 to a row, each 320 px wide, 4 px apart, frame i showing second (i + ½)·d/9 (longer clips
 * grab it there; clips up to 120 s are decoded once with `fps=9/d`, which lands on the same frames —
 * measured by tests/retrieval/strip-frames.test.ts on a real sheet). The renderer cannot
 * import the core's footage module, so these facts are repeated here and tied to it by
 * tests/retrieval/strip-frames.test.ts.
 */
export const SHEET = { cols: 3, frames: 9, frameWidth: 320, gap: 4 } as const;

/** One frame of the strip: the second it shows and where it sits in the sheet image (px). */
export interface StripFrame {
  index: number;
  second: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The frames of a clip's sheet, in time order, from the sheet image's size and the clip's duration
 * (and picture size, which fixes the frame height; without it the sheet is taken to be full).
 */
export function stripFrames(durationSec: number, sheet: { width: number; height: number }, picture?: { width: number; height: number }): StripFrame[] {
  const { cols, gap, frameWidth: w } = SHEET;
  if (!(durationSec > 0) || sheet.width <= 0 || sheet.height <= 0) return [];
  const fullRows = Math.ceil(SHEET.frames / cols);
  const hGuess =
    picture && picture.width > 0 ? Math.max(2, Math.round((w * picture.height) / picture.width / 2) * 2) : (sheet.height - gap * (fullRows + 1)) / fullRows;
  const rows = Math.max(1, Math.min(fullRows, Math.round((sheet.height - gap) / (hGuess + gap))));
  const h = (sheet.height - gap * (rows + 1)) / rows;
  const n = Math.min(SHEET.frames, rows * cols);
  return Array.from({ length: n }, (_, i) => ({
    index: i,
    second: Math.round((((i + 0.5) * durationSec) / SHEET.frames) * 100) / 100,
    x: gap + (i % cols) * (w + gap),
    y: gap + Math.floor(i / cols) * (h + gap),
    w,
    h,
  }));
}
