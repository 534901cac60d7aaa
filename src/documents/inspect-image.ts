import sharp from 'sharp';
import type { NewPage } from '../storage/repos/document-repo.js';

export interface InspectedImagePage extends Omit<NewPage, 'thumb'> {
  thumb: Buffer;
}

const THUMB_WIDTH = 360;
/** A page is suggested blank when fewer than this share of its pixels carry ink. */
const INK_RATIO_BLANK = 0.0015;

/**
 * Decodes every page of a JPEG/PNG/TIFF scan: size, a JPEG thumbnail, and whether it looks blank.
 * Throws when the image cannot be decoded (the caller names the file).
 */
export async function inspectImage(file: string): Promise<InspectedImagePage[]> {
  const meta = await sharp(file, { failOn: 'error' }).metadata();
  const count = meta.pages ?? 1;
  const out: InspectedImagePage[] = [];
  for (let page = 0; page < count; page++) {
    const img = () => sharp(file, { page, failOn: 'error' });
    const m = await img().metadata();
    const thumb = await img()
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: THUMB_WIDTH, withoutEnlargement: true })
      .jpeg({ quality: 78 })
      .toBuffer();
    const grey = await img().flatten({ background: '#ffffff' }).greyscale().resize({ width: 400 }).raw().toBuffer();
    let ink = 0;
    for (const v of grey) if (v < 128) ink++;
    out.push({
      sourcePage: page,
      width: m.width ?? null,
      height: m.pageHeight ?? m.height ?? null,
      blankSuggested: ink / grey.length < INK_RATIO_BLANK,
      thumb,
    });
  }
  return out;
}
