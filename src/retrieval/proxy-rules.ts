/**
 * Which recordings Chromium (the player) can play as they are. Chinese cameras often record H.265,
 * MJPEG in AVI, MPEG-TS, AMR or G.711 (pcm_mulaw / pcm_alaw): those get an H.264/AAC MP4 proxy.
 */
export interface MediaFacts {
  kind: 'video' | 'audio' | 'photo';
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
}

const VIDEO_OK = new Set(['h264', 'vp8', 'vp9', 'av1']);
const AUDIO_OK = new Set(['aac', 'opus', 'mp3', 'vorbis', 'flac']);
/** Audio-only files Chromium plays: the codecs above plus linear PCM in WAV. */
const WAV_OK = new Set(['pcm_s16le', 'pcm_s24le', 'pcm_f32le', 'pcm_u8']);

function containerOf(c: string | null): 'mp4' | 'webm' | 'wav' | 'mp3' | 'ogg' | 'other' {
  const f = (c ?? '').split(',');
  if (f.includes('mp4') || f.includes('mov')) return 'mp4';
  if (f.includes('webm') || f.includes('matroska')) return 'webm';
  if (f.includes('wav')) return 'wav';
  if (f.includes('mp3')) return 'mp3';
  if (f.includes('ogg')) return 'ogg';
  return 'other';
}

/** True when the original needs a playback proxy; photos never do. */
export function needsProxy(m: MediaFacts): boolean {
  if (m.kind === 'photo') return false;
  const box = containerOf(m.container);
  const a = m.audioCodec;
  if (m.kind === 'audio') {
    if (a === null) return false;
    if (box === 'wav') return !WAV_OK.has(a);
    return !(box !== 'other' && AUDIO_OK.has(a));
  }
  if (box !== 'mp4' && box !== 'webm') return true;
  if (m.videoCodec !== null && !VIDEO_OK.has(m.videoCodec)) return true;
  if (box === 'webm' && m.videoCodec === 'h264') return true;
  return a !== null && !AUDIO_OK.has(a);
}
