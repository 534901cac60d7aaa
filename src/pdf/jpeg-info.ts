/**
 * Reads what a PDF needs to embed a JPEG unchanged (ISO 32000-1 §7.4.8 DCTDecode): size, components,
 * coding process, resolution, EXIF orientation; and whether the file is whole (ends with EOI). A
 * header walk, not a decode: the scans were decoded once at import, and a full decode of every page
 * at export would cost more than the export itself.
 */
export interface JpegInfo {
  width: number;
  height: number;
  components: number;
  precision: number;
  /** SOF0 baseline, SOF1 extended, SOF2 progressive: the Huffman processes every PDF reader decodes. */
  huffman: boolean;
  /** Dots per inch from JFIF, when it states one. */
  dpi: { x: number; y: number } | null;
  /** EXIF orientation 1–8 (1 when absent). */
  orientation: number;
  /** Adobe APP14 colour transform (0, 1 or 2), when present. */
  adobeTransform: number | null;
}

export class JpegProblem extends Error {}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export function readJpegInfo(bytes: Uint8Array): JpegInfo {
  if (!isJpeg(bytes)) throw new JpegProblem('not a JPEG (no SOI marker)');
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let dpi: JpegInfo['dpi'] = null;
  let exifDpi: JpegInfo['dpi'] = null;
  let orientation = 1;
  let adobeTransform: number | null = null;
  let pos = 2;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) throw new JpegProblem(`damaged marker at byte ${pos}`);
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    const len = b.readUInt16BE(pos + 2);
    const seg = pos + 4;
    if (len < 2 || seg + len - 2 > b.length) throw new JpegProblem('the file is truncated inside its header');
    if (marker === 0xe0 && b.toString('latin1', seg, seg + 5) === 'JFIF\0' && len >= 16) {
      const units = b[seg + 7];
      const x = b.readUInt16BE(seg + 8);
      const y = b.readUInt16BE(seg + 10);
      if (x > 0 && y > 0 && (units === 1 || units === 2)) dpi = units === 1 ? { x, y } : { x: x * 2.54, y: y * 2.54 };
    } else if (marker === 0xe1 && b.toString('latin1', seg, seg + 6) === 'Exif\0\0') {
      const exif = readExif(b.subarray(seg + 6, seg + len - 2));
      orientation = exif.orientation ?? orientation;
      exifDpi = exif.dpi;
    } else if (marker === 0xee && b.toString('latin1', seg, seg + 5) === 'Adobe' && len >= 14) {
      adobeTransform = b[seg + 11] ?? null;
    } else if (SOF_MARKERS.has(marker)) {
      const info: JpegInfo = {
        precision: b[seg]!,
        height: b.readUInt16BE(seg + 1),
        width: b.readUInt16BE(seg + 3),
        components: b[seg + 5]!,
        huffman: marker <= 0xc2,
        dpi: dpi ?? exifDpi,
        orientation,
        adobeTransform,
      };
      // Markers after SOF (rare APPn) do not matter for embedding; check the end of the file.
      if (info.width === 0 || info.height === 0) throw new JpegProblem('the image has no size (DNL not supported)');
      if (!endsWithEoi(b)) throw new JpegProblem('the file is truncated (no end-of-image marker)');
      return info;
    } else if (marker === 0xda || marker === 0xd9) {
      break;
    }
    pos = seg + len - 2;
  }
  throw new JpegProblem('no frame header (SOF) found');
}

/** EOI within the last bytes (writers may pad after it). */
function endsWithEoi(b: Buffer): boolean {
  const from = Math.max(2, b.length - 4096);
  for (let i = b.length - 2; i >= from; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return true;
  return false;
}

/** Orientation and resolution from EXIF IFD0 (tags 0x0112, 0x011A/0x011B, 0x0128). */
function readExif(tiff: Buffer): { orientation: number | null; dpi: JpegInfo['dpi'] } {
  const none = { orientation: null, dpi: null };
  if (tiff.length < 8) return none;
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const rational = (o: number) => {
    const at = u32(o);
    if (at + 8 > tiff.length) return null;
    const d = u32(at + 4);
    return d ? u32(at) / d : null;
  };
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return none;
  let orientation: number | null = null;
  let x: number | null = null;
  let y: number | null = null;
  let unit = 2;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > tiff.length) break;
    const tag = u16(e);
    if (tag === 0x0112) {
      const v = u16(e + 8);
      orientation = v >= 1 && v <= 8 ? v : null;
    } else if (tag === 0x011a) x = rational(e + 8);
    else if (tag === 0x011b) y = rational(e + 8);
    else if (tag === 0x0128) unit = u16(e + 8);
  }
  const k = unit === 3 ? 2.54 : unit === 2 ? 1 : 0;
  return { orientation, dpi: x && y && k ? { x: x * k, y: y * k } : null };
}
