import { AppError } from '../api/errors.js';
import type { SniffResult } from './media-sniff.js';
import { mp4Problem } from './mp4-boxes.js';
import { probe, type ProbeSummary } from './probe.js';

const ISO_BMFF = new Set(['mp4', 'mov', '3gp', 'm4a']);

/**
 * Checks the stored copy is a usable recording before it is catalogued: an MP4/MOV cut off or never
 * finalised, or a file ffprobe cannot read, or a video without a video stream, is refused with the
 * reason. Returns the container metadata.
 */
export async function checkRecording(file: string, media: SniffResult, label: string): Promise<ProbeSummary> {
  if (ISO_BMFF.has(media.container)) {
    const problem = await mp4Problem(file);
    if (problem) throw new AppError('bad_file', `${label}: ${problem[0]}`, `${label}：${problem[1]}`, { item: label });
  }
  const p = await probe(file, label);
  if (media.kind === 'video' && !p.video)
    throw new AppError('bad_file', `${label}: no video stream in the file`, `${label}：文件中没有视频流`, { item: label });
  if (media.kind === 'audio' && !p.audio)
    throw new AppError('bad_file', `${label}: no audio stream in the file`, `${label}：文件中没有音频流`, { item: label });
  return p;
}
