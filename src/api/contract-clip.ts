import { z } from 'zod';
import { ANY_ROLE } from '../domain/roles.js';
import { op } from './op.js';
import type { ClipExportResultInfo, ClipProxyInfo } from './types-clip.js';

const id = z.number().int().positive();
const jobId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/)
  .optional();
const second = z
  .number()
  .finite()
  .min(0)
  .max(86_400 * 7);

/**
 * The clip slice: 复制/提取 and playback proxies. Every role may ask; the use cases apply the 调阅
 * rule per clip (领导/管理员, or a grant — one that allows copying for an export) and record refusals.
 */
export const clipOps = {
  /**
   * Cuts [inSec, outSec] of a clip into a new folder inside `target` (an absolute path on the user's
   * machine, like dossier.export): the cut, optionally the whole original, 提取说明.pdf and manifests.
   * A job: progress and cancel (job.cancel).
   */
  'clip.export': op<ClipExportResultInfo>()(
    z.object({
      clipId: id,
      inSec: second,
      outSec: second,
      target: z.string().min(1).max(4096),
      reencode: z.boolean().default(false),
      whole: z.boolean().default(false),
      reason: z.string().trim().min(2, { message: 'need_reason' }).max(500),
      jobId,
    }),
    ANY_ROLE,
    ['direct', 'ipc', 'http', 'cli'],
  ),
  /**
   * Makes the H.264/AAC playback proxy of a clip Chromium cannot play (once; later calls return it).
   * `background`: answer at once ('pending') and make it meanwhile — what the player asks for.
   */
  'clip.proxy': op<ClipProxyInfo>()(z.object({ clipId: id, background: z.boolean().default(false), jobId }), ANY_ROLE),
  'clip.proxyStatus': op<ClipProxyInfo>()(z.object({ clipId: id }), ANY_ROLE),
} as const;

export type ClipOps = typeof clipOps;
export type ClipOpName = keyof ClipOps;
