import { deflateSync } from 'node:zlib';
import sharp, { type OutputInfo } from 'sharp';
import { isJpeg, JpegProblem, readJpegInfo } from './jpeg-info.js';
import { badSource } from './pdf-errors.js';

/** Quality used when a JPEG must be re-encoded once (CMYK, 12-bit, arithmetic coding, mirrored EXIF). */
export const JPEG_CONVERT_QUALITY = 90;

export type ImageEncoding = 'jpeg-passthrough' | 'jpeg-converted' | 'flate-lossless';

/** An image ready to be written as an XObject. */
export interface PreparedImage {
  width: number;
  height: number;
  /** Inside of the image dictionary, without /Length. */
  dict: string;
  data: Uint8Array;
  /** EXIF orientation still to apply when placing (1, 3, 6 or 8); conversions apply it themselves. */
  orientation: 1 | 3 | 6 | 8;
  dpi: { x: number; y: number } | null;
  encoding: ImageEncoding;
}

/**
 * Turns a stored scan page into an image XObject. JPEG: the file's bytes, unchanged, whenever a PDF
 * reader decodes them as they are (8-bit Huffman, gray or RGB), orientation applied by the page
 * matrix; otherwise converted once to an sRGB JPEG at JPEG_CONVERT_QUALITY. PNG and TIFF: decoded
 * and stored losslessly with Flate (1 bit per pixel when the page is pure black and white).
 */
export async function prepareScanImage(bytes: Uint8Array, label: string, page = 0): Promise<PreparedImage> {
  if (isJpeg(bytes)) {
    let info;
    try {
      info = readJpegInfo(bytes);
    } catch (e) {
      if (e instanceof JpegProblem) throw badSource(label, `the scan cannot be decoded (${e.message})`, `扫描件无法解码（${e.message}）`);
      throw e;
    }
    const o = info.orientation;
    const readable = info.huffman && info.precision === 8 && (info.components === 1 || info.components === 3);
    if (readable && (o === 1 || o === 3 || o === 6 || o === 8)) {
      return {
        width: info.width,
        height: info.height,
        dict: imageDict(info.width, info.height, info.components === 1 ? '/DeviceGray' : '/DeviceRGB', 8, '/DCTDecode'),
        data: bytes,
        orientation: o,
        dpi: info.dpi,
        encoding: 'jpeg-passthrough',
      };
    }
    return convertJpeg(bytes, label, info.dpi);
  }
  return flateImage(bytes, label, page);
}

function imageDict(w: number, h: number, cs: string, bpc: number, filter: string): string {
  return `/Type/XObject/Subtype/Image/Width ${w}/Height ${h}/ColorSpace${cs}/BitsPerComponent ${bpc}/Filter${filter}`;
}

async function convertJpeg(bytes: Uint8Array, label: string, dpi: PreparedImage['dpi']): Promise<PreparedImage> {
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error' })
      .rotate()
      .toColourspace('srgb')
      .jpeg({ quality: JPEG_CONVERT_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      dict: imageDict(info.width, info.height, '/DeviceRGB', 8, '/DCTDecode'),
      data,
      orientation: 1,
      dpi,
      encoding: 'jpeg-converted',
    };
  } catch (e) {
    throw undecodable(label, e);
  }
}

async function flateImage(bytes: Uint8Array, label: string, page: number): Promise<PreparedImage> {
  let raw: { data: Buffer; info: OutputInfo };
  let density: number | undefined;
  try {
    const img = sharp(bytes, { page, failOn: 'error' });
    const meta = await img.metadata();
    if (meta.format !== 'png' && meta.format !== 'tiff') throw new Error(`unsupported image type ${meta.format ?? 'unknown'}`);
    density = meta.density;
    // Alpha has no meaning on a scanned sheet: flatten onto white paper.
    const grey = meta.channels !== undefined && meta.channels <= 2 && meta.space !== 'cmyk';
    let p = img.rotate().flatten({ background: '#ffffff' });
    p = grey ? p.toColourspace('b-w') : p.toColourspace('srgb');
    raw = await p.raw().toBuffer({ resolveWithObject: true });
  } catch (e) {
    throw undecodable(label, e);
  }
  const { width, height, channels } = raw.info;
  const dpi = density && density > 0 ? { x: density, y: density } : null;
  if (channels === 1 && isBilevel(raw.data)) {
    return {
      width,
      height,
      dict: imageDict(width, height, '/DeviceGray', 1, '/FlateDecode'),
      data: deflateSync(packBits(raw.data, width, height)),
      orientation: 1,
      dpi,
      encoding: 'flate-lossless',
    };
  }
  const cs = channels === 1 ? '/DeviceGray' : '/DeviceRGB';
  return { width, height, dict: imageDict(width, height, cs, 8, '/FlateDecode'), data: deflateSync(raw.data), orientation: 1, dpi, encoding: 'flate-lossless' };
}

function isBilevel(px: Buffer): boolean {
  for (let i = 0; i < px.length; i++) if (px[i] !== 0 && px[i] !== 255) return false;
  return true;
}

/** 8-bit grey (0 or 255) → 1 bit per pixel, rows padded to a byte; 1 = white in DeviceGray. */
function packBits(px: Buffer, width: number, height: number): Buffer {
  const rowBytes = Math.ceil(width / 8);
  const out = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const src = y * width;
    const dst = y * rowBytes;
    for (let x = 0; x < width; x++) {
      if (px[src + x] !== 255) continue;
      const j = dst + (x >> 3);
      out[j] = (out[j] ?? 0) | (0x80 >> (x & 7));
    }
  }
  return out;
}

function undecodable(label: string, e: unknown) {
  const msg = (e as Error)?.message ?? String(e);
  return badSource(label, `the scan cannot be decoded (${msg})`, `扫描件无法解码（${msg}）`);
}
