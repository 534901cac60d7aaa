import { open } from 'node:fs/promises';
import { extensionOf, SNIFF_BYTES, sniff } from '../footage/media-sniff.js';
import { probe } from '../footage/probe.js';

/** Codecs with public specifications that ffmpeg decodes (body cameras write these); anything else is flagged under 3-8. */
const PUBLIC_CODECS = new Set([
  'h264',
  'hevc',
  'mpeg4',
  'mpeg2video',
  'mpeg1video',
  'mjpeg',
  'av1',
  'vp8',
  'vp9',
  'aac',
  'mp3',
  'mp2',
  'opus',
  'vorbis',
  'flac',
  'amr_nb',
  'amr_wb',
  'pcm_alaw',
  'pcm_mulaw',
  'pcm_s16le',
  'pcm_s16be',
  'pcm_s24le',
  'pcm_u8',
  'adpcm_g726',
  'adpcm_ima_wav',
  'png',
]);

/** Extensions that agree with a sniffed container (the file name's format claim vs its bytes: 1-10). */
const EXTENSIONS: Record<string, readonly string[]> = {
  mp4: ['mp4', 'm4v', 'mov', '3gp'],
  mov: ['mov', 'mp4', 'm4v'],
  '3gp': ['3gp', 'mp4'],
  m4a: ['m4a', 'mp4', 'aac'],
  avi: ['avi'],
  wav: ['wav'],
  mkv: ['mkv'],
  webm: ['webm', 'mkv'],
  mpegts: ['ts', 'mts', 'm2ts', 'trec'],
  m2ts: ['m2ts', 'mts', 'ts'],
  mpeg: ['mpg', 'mpeg', 'vob'],
  flv: ['flv'],
  asf: ['asf', 'wmv', 'wma'],
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
  amr: ['amr', 'awb'],
  mp3: ['mp3'],
  ogg: ['ogg', 'opus'],
  heic: ['heic', 'heif'],
};

export interface FootageFormat {
  /** Container from the first bytes (null: not a recording we know). */
  container: string | null;
  extensionAgrees: boolean;
  /** ffprobe's view, or the reason it could not read the file. */
  probed: { formatName: string; durationSec: number | null; codecs: string[]; creationTime: string | null } | null;
  probeError: string | null;
  nonPublicCodecs: string[];
}

/** Sniffs and probes one footage file of a package (3-3, 3-8, and the format/duration half of 1-10). */
export async function checkFootage(file: string, name: string): Promise<FootageFormat> {
  const head = Buffer.alloc(SNIFF_BYTES);
  const h = await open(file, 'r');
  let n: number;
  try {
    n = (await h.read(head, 0, head.length, 0)).bytesRead;
  } finally {
    await h.close();
  }
  const s = sniff(head.subarray(0, n));
  const ext = extensionOf(name);
  const out: FootageFormat = {
    container: s?.container ?? null,
    extensionAgrees: s ? (EXTENSIONS[s.container] ?? [s.container]).includes(ext) : false,
    probed: null,
    probeError: null,
    nonPublicCodecs: [],
  };
  try {
    const p = await probe(file, name);
    const codecs = [p.video?.codec, p.audio?.codec].filter((c): c is string => !!c);
    out.probed = { formatName: p.formatName, durationSec: p.durationSec, codecs, creationTime: p.creationTime };
    out.nonPublicCodecs = codecs.filter((c) => !PUBLIC_CODECS.has(c));
    if (codecs.length === 0) out.probeError = 'ffprobe 未发现音频或视频流';
  } catch (e) {
    out.probeError = (e as { messageZh?: string }).messageZh ?? (e as Error).message;
  }
  return out;
}
