/**
 * Which files on a camera are recordings: by extension to find candidates, by content to decide. A
 * file is only ingested when its first bytes are a known audio/video/photo container, whatever its
 * name says (a text file called .mp4 is refused; a clip with an odd extension is still found).
 */
export type ClipKind = 'video' | 'audio' | 'photo';

export interface SniffResult {
  kind: ClipKind;
  mediaType: string;
  /** Short container name, e.g. `mp4`, `mov`, `avi`, `mkv`, `mpegts`, `jpeg`, `wav`, `amr`. */
  container: string;
}

/** Extensions that mark a candidate recording (lower case, no dot). */
export const MEDIA_EXTENSIONS: ReadonlyMap<string, ClipKind> = new Map<string, ClipKind>([
  ...['mp4', 'mov', 'm4v', 'avi', 'mkv', 'webm', 'ts', 'mts', 'm2ts', '3gp', 'flv', 'asf', 'wmv', 'mpg', 'mpeg', 'vob', 'h264', 'h265', 'dav'].map(
    (e) => [e, 'video'] as const,
  ),
  ...['wav', 'amr', 'mp3', 'm4a', 'aac', 'ogg', 'opus', 'wma', 'awb'].map((e) => [e, 'audio'] as const),
  ...['jpg', 'jpeg', 'png', 'heic', 'heif'].map((e) => [e, 'photo'] as const),
]);

/** How many leading bytes `sniff` wants (an MPEG-TS check looks at three 188/192-byte packets). */
export const SNIFF_BYTES = 4096;

export function extensionOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i <= 0 ? '' : name.slice(i + 1).toLowerCase();
}

const ascii = (b: Uint8Array, start: number, end: number): string => String.fromCharCode(...b.subarray(start, end));

/** Identifies a recording by its first bytes; null when it is none we know. */
export function sniff(b: Uint8Array): SniffResult | null {
  if (b.length < 4) return null;
  const box = b.length >= 12 ? ascii(b, 4, 8) : '';
  if (box === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (brand === 'qt  ') return { kind: 'video', mediaType: 'video/quicktime', container: 'mov' };
    if (brand.startsWith('3g')) return { kind: 'video', mediaType: 'video/3gpp', container: '3gp' };
    if (brand === 'M4A ' || brand === 'M4B ') return { kind: 'audio', mediaType: 'audio/mp4', container: 'm4a' };
    if (['heic', 'heix', 'mif1', 'msf1'].includes(brand)) return { kind: 'photo', mediaType: 'image/heic', container: 'heic' };
    return { kind: 'video', mediaType: 'video/mp4', container: 'mp4' };
  }
  if (['moov', 'mdat', 'wide', 'free', 'skip'].includes(box)) return { kind: 'video', mediaType: 'video/quicktime', container: 'mov' };
  const head4 = ascii(b, 0, 4);
  if (head4 === 'RIFF' && b.length >= 12) {
    const form = ascii(b, 8, 12);
    if (form === 'AVI ') return { kind: 'video', mediaType: 'video/x-msvideo', container: 'avi' };
    if (form === 'WAVE') return { kind: 'audio', mediaType: 'audio/wav', container: 'wav' };
  }
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) {
    const webm = ascii(b, 0, Math.min(b.length, 64)).includes('webm');
    return webm ? { kind: 'video', mediaType: 'video/webm', container: 'webm' } : { kind: 'video', mediaType: 'video/x-matroska', container: 'mkv' };
  }
  if (isTs(b, 0, 188)) return { kind: 'video', mediaType: 'video/mp2t', container: 'mpegts' };
  if (isTs(b, 4, 192)) return { kind: 'video', mediaType: 'video/mp2t', container: 'm2ts' };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0x01 && b[3] === 0xba) return { kind: 'video', mediaType: 'video/mpeg', container: 'mpeg' };
  if (head4.startsWith('FLV')) return { kind: 'video', mediaType: 'video/x-flv', container: 'flv' };
  if (b.length >= 8 && [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11].every((v, i) => b[i] === v))
    return { kind: 'video', mediaType: 'video/x-ms-asf', container: 'asf' };
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { kind: 'photo', mediaType: 'image/jpeg', container: 'jpeg' };
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v))
    return { kind: 'photo', mediaType: 'image/png', container: 'png' };
  const head9 = ascii(b, 0, Math.min(9, b.length));
  if (head9.startsWith('#!AMR-WB\n')) return { kind: 'audio', mediaType: 'audio/amr-wb', container: 'amr' };
  if (head9.startsWith('#!AMR\n')) return { kind: 'audio', mediaType: 'audio/amr', container: 'amr' };
  if (head4.startsWith('ID3') || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && (b[1]! & 0x06) !== 0))
    return { kind: 'audio', mediaType: 'audio/mpeg', container: 'mp3' };
  if (head4 === 'OggS') return { kind: 'audio', mediaType: 'audio/ogg', container: 'ogg' };
  return null;
}

/** MPEG transport stream: the 0x47 sync byte at the start of three consecutive packets. */
function isTs(b: Uint8Array, first: number, packet: number): boolean {
  const need = first + 2 * packet + 1;
  if (b.length < need) return b.length > first && b[first] === 0x47 && b.length >= first + packet + 1 && b[first + packet] === 0x47;
  return b[first] === 0x47 && b[first + packet] === 0x47 && b[first + 2 * packet] === 0x47;
}
