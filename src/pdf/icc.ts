import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { resourcesDir } from '../resources/paths.js';

/** The output condition our ICC profile describes (written into the OutputIntent). */
export const OUTPUT_CONDITION = 'sRGB IEC61966-2.1';

let cached: Promise<{ raw: Uint8Array; deflated: Uint8Array }> | null = null;

/** resources/icc/sRGB.icc (see resources/icc/README.md for its source and licence), raw and Flate-compressed. */
export function srgbProfile(): Promise<{ raw: Uint8Array; deflated: Uint8Array }> {
  cached ??= readFile(path.join(resourcesDir(), 'icc', 'sRGB.icc')).then((raw) => ({ raw, deflated: deflateSync(raw) }));
  return cached;
}
