/** DTOs of the clip slice (复制/提取 and playback proxies). */

export interface ClipExportFile {
  name: string;
  /** copy: the cut; original: the whole recording; note: 提取说明.pdf. */
  role: 'copy' | 'original' | 'note';
  size: number;
  sha256: string;
  sm3: string;
}

export interface ClipExportResultInfo {
  /** The export folder (complete: it got its name only when everything was written). */
  folder: string;
  method: 'copy' | 'reencode';
  requested: { inSec: number; outSec: number };
  /** After snapping to a key frame (stream copy) and as the output's duration says. */
  actual: { inSec: number; outSec: number };
  files: ClipExportFile[];
  /** The grant the copy was made under; null for 实时调阅 by role. */
  grantId: number | null;
}

export interface ClipProxyInfo {
  clipId: number;
  /** False: the original plays as it is. */
  needed: boolean;
  state: 'none' | 'pending' | 'done' | 'failed';
  sha256: string | null;
  error: string | null;
}
