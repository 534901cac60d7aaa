import sharp, { type OverlayOptions } from 'sharp';
import { FONT_FAMILIES, sansBold, serifBold, serifRegular } from '../resources/fonts.js';

/**
 * Renders a document's pages as JPEG images that look like A4 scans: the 文书种类 heading in black
 * Noto Sans SC Bold, the 文号 and title under it, the body in Noto Serif SC wrapped to the page width,
 * a 责任者 / 日期 footer, an off-white paper tint, a slight skew and faint noise. Demo data only: the
 * text comes from the sample cases, the fonts from node_modules (never system fonts).
 */
export interface ScanDocument {
  /** 文书种类 name, printed as the page-1 heading. */
  kindName: string;
  title: string;
  docNo?: string | null;
  responsible?: string | null;
  /** `YYYY-MM-DD` (a trailing `THH:mm` is ignored). */
  date?: string | null;
  /** Body lines (paragraphs); spread over the pages. */
  body: string[];
  pages: number;
  caseNo: string;
}

export interface ScanOptions {
  /** Scan resolution; A4 at 150 dpi is 1240×1754 (default 150). */
  dpi?: number;
  /** JPEG quality (default 80). */
  quality?: number;
}

const INK = '#161616';
const GREY_INK = '#4a4a4a';
const MAX_PAGES = 200;

/** Escapes the characters Pango markup treats specially. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `2024-03-13` → `2024年3月13日`; anything else is returned unchanged. */
export function chineseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

/** A4 in pixels at the given resolution. */
export function a4Size(dpi: number): { width: number; height: number } {
  return { width: Math.round((210 / 25.4) * dpi), height: Math.round((297 / 25.4) * dpi) };
}

/** Splits `lines` over `pages` pages as evenly as possible (earlier pages get the extra lines). */
export function spreadLines(lines: readonly string[], pages: number): string[][] {
  const out: string[][] = [];
  const per = Math.ceil(lines.length / pages);
  for (let i = 0; i < pages; i++) out.push(lines.slice(i * per, (i + 1) * per));
  return out;
}

export async function renderScanPages(doc: ScanDocument, opts: ScanOptions = {}): Promise<Buffer[]> {
  const dpi = opts.dpi ?? 150;
  if (!Number.isInteger(dpi) || dpi < 50 || dpi > 600) throw new Error(`renderScanPages: dpi must be an integer 50–600, got ${dpi}`);
  const pages = doc.pages;
  if (!Number.isInteger(pages) || pages < 1 || pages > MAX_PAGES) throw new Error(`renderScanPages: pages must be 1–${MAX_PAGES}, got ${pages}`);
  const quality = opts.quality ?? 80;
  const chunks = spreadLines(doc.body, pages);
  const seed = hashString(`${doc.caseNo}\u0000${doc.title}\u0000${doc.date ?? ''}`);
  return Promise.all(chunks.map((lines, i) => renderPage(doc, lines, i + 1, pages, dpi, quality, seed + i * 7919)));
}

// ---------------------------------------------------------------------------------------------------------------
// Layout

interface Layer {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

interface TextStyle {
  fontfile: string;
  /** Pango font description without the size, e.g. `Noto Sans SC Bold`. */
  font: string;
  /** Size in points. */
  size: number;
  width: number;
  dpi: number;
  align?: 'left' | 'centre' | 'right';
  justify?: boolean;
  /** Line height in points. */
  spacing?: number;
  colour?: string;
}

/**
 * Renders text (escaped here) to a tight RGBA layer: sharp trims it to the ink extents. Blank text has no
 * layer (libvips refuses to render it).
 */
async function textLayer(text: string, s: TextStyle): Promise<Layer | null> {
  if (text.trim() === '') return null;
  const markup = `<span foreground="${s.colour ?? INK}">${escapeMarkup(text)}</span>`;
  const { data, info } = await sharp({
    text: {
      text: markup,
      fontfile: s.fontfile,
      font: `${s.font} ${s.size}`,
      width: s.width,
      dpi: s.dpi,
      rgba: true,
      wrap: 'word-char',
      ...(s.align ? { align: s.align } : {}),
      ...(s.justify ? { justify: true } : {}),
      ...(s.spacing ? { spacing: Math.round(s.spacing) } : {}),
    },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Positions a layer, cropping whatever would run below `bottom` (sharp rejects overlays off the page). */
function place(layer: Layer | null, left: number, top: number, bottom: number): OverlayOptions[] {
  const t = Math.max(0, Math.round(top));
  if (!layer || t >= bottom) return [];
  const height = Math.min(layer.height, Math.floor(bottom) - t);
  const data = height < layer.height ? layer.data.subarray(0, height * layer.width * layer.channels) : layer.data;
  return [{ input: data, raw: { width: layer.width, height, channels: layer.channels }, left: Math.max(0, Math.round(left)), top: t }];
}

function rect(width: number, height: number, colour: string, left: number, top: number): OverlayOptions {
  return {
    input: { create: { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)), channels: 3, background: colour } },
    left: Math.max(0, Math.round(left)),
    top: Math.max(0, Math.round(top)),
  };
}

const PHOTO_LINE = /^照片\s*\d+/;
const BODY_PT = 12;

async function renderPage(doc: ScanDocument, lines: string[], pageNo: number, pageCount: number, dpi: number, quality: number, seed: number): Promise<Buffer> {
  const { width: W, height: H } = a4Size(dpi);
  const mm = (v: number): number => Math.round((v / 25.4) * dpi);
  const left = mm(28);
  const right = W - mm(22);
  const textWidth = right - left;
  const top = mm(22);
  const serif = { fontfile: serifRegular, font: FONT_FAMILIES.serif, dpi, width: textWidth };
  const serifB = { fontfile: serifBold, font: `${FONT_FAMILIES.serif} Bold`, dpi, width: textWidth };
  const sansB = { fontfile: sansBold, font: `${FONT_FAMILIES.sans} Bold`, dpi, width: textWidth };
  const rule = Math.max(1, Math.round(dpi / 90));

  const first = pageNo === 1;
  const footerLeft = doc.responsible ? `责任者：${doc.responsible}` : '';
  const footerRight = doc.date ? `日期：${chineseDate(doc.date)}` : '';
  const photoPage = lines.some((l) => PHOTO_LINE.test(l));

  // Everything with a fixed position is rendered in parallel with the heading block.
  const [caseLine, pageLine, fLeft, fRight, heading, docNo, title] = await Promise.all([
    textLayer(`案号：${doc.caseNo}`, { ...serif, size: 9, colour: GREY_INK }),
    textLayer(`第 ${pageNo} 页\u3000共 ${pageCount} 页`, { ...serif, size: 9, colour: GREY_INK }),
    footerLeft ? textLayer(footerLeft, { ...serif, size: 10.5, width: Math.round(textWidth * 0.62) }) : null,
    footerRight ? textLayer(footerRight, { ...serif, size: 10.5, width: Math.round(textWidth * 0.36) }) : null,
    first
      ? textLayer(doc.kindName, { ...sansB, size: 22, align: 'centre' })
      : textLayer(`${doc.kindName}（续页 ${pageNo}/${pageCount}）`, { ...sansB, size: 14, align: 'centre' }),
    first && doc.docNo ? textLayer(doc.docNo, { ...serif, size: 12 }) : null,
    first ? textLayer(doc.title, { ...serifB, size: 14, align: 'centre' }) : null,
  ]);

  const overlays: OverlayOptions[] = [];
  // Footer first: a rule, 责任者 on the left, 日期 on the right. It fixes how far the body may run.
  const footerTop = H - mm(20) - Math.max(fLeft?.height ?? 0, fRight?.height ?? 0);
  overlays.push(...place(fLeft, left, footerTop, H));
  if (fRight) overlays.push(...place(fRight, right - fRight.width, footerTop, H));
  overlays.push(rect(textWidth, rule, '#3a3a3a', left, footerTop - mm(4)));
  const bodyBottom = footerTop - mm(8);

  // Header band: 案号 on the left, page count on the right.
  overlays.push(...place(caseLine, left, mm(11), top));
  if (pageLine && (caseLine?.width ?? 0) + pageLine.width < textWidth) overlays.push(...place(pageLine, right - pageLine.width, mm(11), top));

  let y = top;
  if (heading) {
    overlays.push(...place(heading, (W - heading.width) / 2, y, bodyBottom));
    y += heading.height + mm(first ? 5 : 3);
  }
  if (docNo) {
    overlays.push(...place(docNo, right - docNo.width, y, bodyBottom));
    y += docNo.height + mm(4);
  }
  if (title) {
    overlays.push(...place(title, (W - title.width) / 2, y, bodyBottom));
    y += title.height + mm(3);
  }
  if (y < bodyBottom) overlays.push(rect(textWidth, rule, '#3a3a3a', left, y));
  y += rule + mm(6);

  const available = bodyBottom - y;
  if (available > 0 && photoPage) overlays.push(...(await photoBody(lines, serif, left, textWidth, y, bodyBottom, mm)));
  else if (available > 0) {
    const body = await fitText(lines.join('\n'), { ...serif, justify: true }, available);
    overlays.push(...place(body, left, y, bodyBottom));
  }

  return composePage(W, H, overlays, seed, dpi, quality);
}

/**
 * Renders the body at 12 pt, shrinking it (down to 8 pt) if it would run into the footer; what still
 * does not fit is cut off by place().
 */
async function fitText(text: string, s: Omit<TextStyle, 'size'>, available: number): Promise<Layer | null> {
  let size = BODY_PT;
  let layer = await textLayer(text, { ...s, size, spacing: size * 1.7 });
  for (let i = 0; i < 4 && layer && layer.height > available && size > 8; i++) {
    size = Math.max(8, Math.floor(size * Math.sqrt(available / layer.height) * 10) / 10);
    layer = await textLayer(text, { ...s, size, spacing: size * 1.7 });
  }
  return layer;
}

/** A 现场照片 page: a grey photo frame above each 照片N caption; other lines as text below. */
async function photoBody(
  lines: string[],
  serif: Omit<TextStyle, 'size'>,
  left: number,
  textWidth: number,
  top: number,
  bottom: number,
  mm: (v: number) => number,
): Promise<OverlayOptions[]> {
  const items = await Promise.all(
    lines.map(async (line) => ({ photo: PHOTO_LINE.test(line), layer: await textLayer(line, { ...serif, size: 10.5, justify: true }) })),
  );
  const available = bottom - top;
  const photos = items.filter((i) => i.photo).length;
  const gap = mm(4);
  const textHeight = items.reduce((acc, i) => acc + (i.layer?.height ?? 0) + gap, 0);
  const boxH = Math.max(mm(20), Math.min(mm(105), Math.floor((available - textHeight - photos * gap) / Math.max(1, photos))));
  const boxW = Math.min(textWidth, Math.round(boxH * 1.4));
  const out: OverlayOptions[] = [];
  let y = top;
  for (const item of items) {
    const h = item.layer?.height ?? 0;
    if (item.photo) {
      if (y + boxH > bottom) break;
      const bx = left + (textWidth - boxW) / 2;
      const border = Math.max(2, mm(0.6));
      out.push(rect(boxW, boxH, '#6e6e6a', bx, y));
      out.push(rect(boxW - 2 * border, boxH - 2 * border, '#b9b8b2', bx + border, y + border));
      // a darker "ground" band so the frame reads as a washed-out photograph
      out.push(
        rect(boxW - 2 * border, Math.round((boxH - 2 * border) * 0.35), '#9d9c95', bx + border, y + boxH - border - Math.round((boxH - 2 * border) * 0.35)),
      );
      y += boxH + mm(2);
      out.push(...place(item.layer, left + (textWidth - (item.layer?.width ?? 0)) / 2, y, bottom));
    } else {
      out.push(...place(item.layer, left, y, bottom));
    }
    y += h + gap;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Scan look
//
// libvips' multiply blend and arbitrary-angle rotation each cost ~50 ms a page, so the grain is baked into a
// cached paper image and the skew is a two-pass integer shear done on the raw pixels (~5 ms).

const PAPER = { r: 246, g: 244, b: 237 };
const paperCache = new Map<string, Buffer>();

/**
 * Off-white paper (RGB, cached per size): faint grain, a soft shadow along the left (binding) edge and
 * the top, and a few dust specks. Deterministic.
 */
function paper(W: number, H: number): Buffer {
  const key = `${W}x${H}`;
  const cached = paperCache.get(key);
  if (cached) return cached;
  const rnd = mulberry32(0x1a2b3c4d);
  const buf = Buffer.alloc(W * H * 3);
  const edge = Math.max(4, Math.round(W * 0.018));
  for (let y = 0; y < H; y++) {
    const topShade = y < edge ? (1 - y / edge) ** 2 * 0.08 : 0;
    for (let x = 0; x < W; x++) {
      const leftShade = x < edge ? (1 - x / edge) ** 2 * 0.12 : 0;
      // Irwin–Hall approximation of a Gaussian: cheap and good enough for grain
      const g = (rnd() + rnd() + rnd() - 1.5) * 2;
      const f = 1 - Math.abs(g) * 0.018 - leftShade - topShade;
      const i = (y * W + x) * 3;
      buf[i] = PAPER.r * f;
      buf[i + 1] = PAPER.g * f;
      buf[i + 2] = PAPER.b * f;
    }
  }
  const specks = Math.round((W * H) / 90000);
  for (let s = 0; s < specks; s++) {
    const cx = Math.floor(rnd() * W);
    const cy = Math.floor(rnd() * H);
    const r = rnd() < 0.7 ? 1 : 2;
    const dark = 150 + Math.floor(rnd() * 70);
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= W || y >= H || dx * dx + dy * dy > r * r) continue;
        const i = (y * W + x) * 3;
        buf[i] = Math.min(buf[i]!, dark);
        buf[i + 1] = Math.min(buf[i + 1]!, dark);
        buf[i + 2] = Math.min(buf[i + 2]!, dark);
      }
    }
  }
  paperCache.set(key, buf);
  return buf;
}

/**
 * Rotates the raw image by a small angle (radians) as a horizontal then a vertical integer shear, the
 * way a cheap scanner's page sits slightly askew; both shears are done in one pass of segment copies.
 * Uncovered areas are filled with the paper colour.
 */
function skew(src: Buffer, W: number, H: number, ch: number, angle: number): Buffer {
  const t = Math.tan(angle);
  const stride = W * ch;
  const out = Buffer.allocUnsafe(src.length);
  out.fill(Buffer.from([PAPER.r, PAPER.g, PAPER.b, 255].slice(0, ch)));
  // horizontal shift of each source row
  const hoff = new Int32Array(H);
  for (let y = 0; y < H; y++) hoff[y] = Math.round((y - H / 2) * t);
  // vertical shift, constant over bands of columns
  let x0 = 0;
  while (x0 < W) {
    const voff = Math.round((W / 2 - x0) * t);
    let x1 = x0 + 1;
    while (x1 < W && Math.round((W / 2 - x1) * t) === voff) x1++;
    for (let y = 0; y < H; y++) {
      const sy = y - voff;
      if (sy < 0 || sy >= H) continue;
      // out[y][x] = src[sy][x - h] for x in [x0, x1), clipped to the source row
      const h = hoff[sy]!;
      const a = Math.max(x0, h);
      const b = Math.min(x1, W + h);
      if (a >= b) continue;
      src.copy(out, y * stride + a * ch, sy * stride + (a - h) * ch, sy * stride + (b - h) * ch);
    }
    x0 = x1;
  }
  return out;
}

async function composePage(W: number, H: number, overlays: OverlayOptions[], seed: number, dpi: number, quality: number): Promise<Buffer> {
  const flat = await sharp(paper(W, H), { raw: { width: W, height: H, channels: 3 } })
    .composite(overlays)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const ch = flat.info.channels;
  const rnd = mulberry32(seed);
  const angle = ((rnd() - 0.5) * 0.6 * Math.PI) / 180; // ±0.3°
  const skewed = skew(flat.data, W, H, ch, angle);
  return sharp(skewed, { raw: { width: W, height: H, channels: ch } })
    .removeAlpha()
    .withDensity(dpi)
    .jpeg({ quality })
    .toBuffer();
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
