import type { Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import { toIoError } from '../archive/object-store.js';
import { fileNameProblem } from '../domain/file-names.js';
import { extensionOf, MEDIA_EXTENSIONS, SNIFF_BYTES, sniff } from './media-sniff.js';

export interface ScanEntry {
  absPath: string;
  /** Path below the source folder, with `/` separators (as recorded in the catalogue). */
  relPath: string;
  name: string;
  size: number;
  mtimeMs: number;
  /** Set when a file with an unknown extension was recognised by its content. */
  foundByContent: boolean;
  /** Set when the name cannot be recorded faithfully (not UTF-8, control characters). */
  nameProblem: [string, string] | null;
}

export interface ScanResult {
  root: string;
  files: ScanEntry[];
  /** Files that are not recordings (logs, settings, sidecars). */
  ignored: string[];
  /** Folders that could not be listed. */
  errors: { relPath: string; error: AppError }[];
}

const SKIP_DIRS = new Set(['system volume information', '$recycle.bin', '.trashes', '.spotlight-v100', '.fseventsd']);

/**
 * Lists every recording below a camera / 采集站 / disc folder: files with a media extension, and files
 * with any other extension whose first bytes are a recording. Symbolic links are not followed.
 * Sorted by path so two runs over the same folder see the same order.
 */
export async function scanFolder(root: string): Promise<ScanResult> {
  const abs = path.resolve(root);
  const st = await stat(abs).catch((e: unknown) => {
    throw toIoError(e, abs);
  });
  if (!st.isDirectory()) throw new AppError('invalid_input', `${abs}: not a folder`, `${abs}：不是文件夹`, { item: abs });
  const out: ScanResult = { root: abs, files: [], ignored: [], errors: [] };
  await walk(abs, '', out);
  out.files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return out;
}

async function walk(dir: string, rel: string, out: ScanResult): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    out.errors.push({ relPath: rel || '.', error: toIoError(e, rel || dir) });
    return;
  }
  for (const e of entries) {
    const rawName = e.name;
    const name = decodeName(rawName);
    const shown = name ?? rawName.toString('latin1');
    const relPath = rel ? `${rel}/${shown}` : shown;
    const absPath = path.join(dir, name ?? rawName.toString());
    if (e.isSymbolicLink()) {
      out.ignored.push(relPath);
      continue;
    }
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(shown.toLowerCase()) || shown.startsWith('.')) continue;
      await walk(absPath, relPath, out);
      continue;
    }
    if (!e.isFile() || shown.startsWith('._')) continue;
    let st;
    try {
      st = await stat(name === null ? Buffer.concat([Buffer.from(dir + path.sep), rawName]) : absPath);
    } catch (err) {
      out.errors.push({ relPath, error: toIoError(err, relPath) });
      continue;
    }
    const byExt = MEDIA_EXTENSIONS.has(extensionOf(shown));
    const nameProblem: [string, string] | null =
      name === null
        ? ['the file name is not valid UTF-8 (written with another encoding, e.g. GBK)', '文件名不是有效的 UTF-8 编码（可能是 GBK 等其他编码写入）']
        : fileNameProblem(name);
    let foundByContent = false;
    if (!byExt && nameProblem === null) foundByContent = st.size > 0 && (await looksLikeMedia(absPath));
    if (!byExt && !foundByContent) {
      out.ignored.push(relPath);
      continue;
    }
    out.files.push({ absPath, relPath, name: shown, size: st.size, mtimeMs: st.mtimeMs, foundByContent, nameProblem });
  }
}

function decodeName(raw: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return null;
  }
}

async function looksLikeMedia(file: string): Promise<boolean> {
  try {
    const h = await open(file, 'r');
    try {
      const buf = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await h.read(buf, 0, buf.length, 0);
      return sniff(buf.subarray(0, bytesRead)) !== null;
    } finally {
      await h.close();
    }
  } catch {
    return false;
  }
}
