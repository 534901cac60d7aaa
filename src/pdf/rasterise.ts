import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { badSource } from './pdf-errors.js';

const run = promisify(execFile);

/** Resolution and JPEG quality of a rasterised imported page (stated in the 备考表 note). */
export const RASTER_DPI = 300;
export const RASTER_JPEG_QUALITY = 85;

/** Renders one page of a PDF to a JPEG (as displayed: /Rotate applied). */
export type Rasteriser = (file: string, pageIndex: number, label: string) => Promise<Uint8Array>;

/**
 * The default rasteriser: poppler's pdftoppm. sharp's bundled libvips has no PDF loader, and this
 * path is only for imported pages that fail the PDF/A checks, so an external tool is acceptable; the
 * port lets the desktop build supply another (pdf.js in the renderer, a bundled pdftoppm).
 */
export const pdftoppmRasteriser: Rasteriser = async (file, pageIndex, label) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'jz-raster-'));
  try {
    const n = String(pageIndex + 1);
    const out = path.join(dir, 'page');
    await run('pdftoppm', ['-r', String(RASTER_DPI), '-f', n, '-l', n, '-jpeg', '-jpegopt', `quality=${RASTER_JPEG_QUALITY}`, '-singlefile', file, out], {
      maxBuffer: 1 << 20,
    }).catch((e: NodeJS.ErrnoException & { stderr?: string }) => {
      if (e.code === 'ENOENT') {
        throw badSource(
          label,
          'this page must be rasterised but pdftoppm (poppler-utils) is not installed',
          '该页需转为图像，但未安装 pdftoppm（poppler-utils）',
        );
      }
      throw badSource(
        label,
        `page ${n} could not be rasterised (${(e.stderr ?? e.message).trim()})`,
        `第 ${n} 页无法转为图像（${(e.stderr ?? e.message).trim()}）`,
      );
    });
    return await readFile(`${out}.jpg`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
