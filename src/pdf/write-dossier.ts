import path from 'node:path';
import { type FilePort, nodeFilePort } from '../ports/file-port.js';
import { safeSegment } from '../domain/file-names.js';
import type { RenderVolume } from './render-model.js';
import { writeVolumePdf, type WriteVolumeOptions, type WrittenVolume } from './write-volume.js';

export interface WriteDossierOptions extends Omit<WriteVolumeOptions, 'out' | 'onPage'> {
  /** Folder the volume PDFs go into. */
  dir: string;
  /** File name of a volume; default `<档号 or title>-<卷别 or n>.pdf`. */
  fileName?: (v: RenderVolume, index: number) => string;
  /** Pages done over the whole dossier. */
  onPage?: (done: number, total: number) => void;
}

/**
 * Writes every volume of a dossier, one after the other (memory stays that of one volume). All or
 * nothing: if a volume fails, the volumes this call already wrote are removed again, so an export
 * folder never holds half a dossier; the error names the document or the file that failed.
 */
export async function writeDossierPdfs(volumes: readonly RenderVolume[], o: WriteDossierOptions): Promise<WrittenVolume[]> {
  const files: FilePort = o.files ?? nodeFilePort;
  const total = volumes.reduce((n, v) => n + v.pages.length, 0);
  const names = volumes.map((v, i) => o.fileName?.(v, i) ?? defaultName(v, i, volumes.length));
  // Two volumes under one name would silently replace each other: number the repeats.
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) names[i] = n.replace(/(\.pdf)?$/, `-${i + 1}$1`);
  });
  const done: WrittenVolume[] = [];
  let before = 0;
  try {
    for (let i = 0; i < volumes.length; i++) {
      const v = volumes[i]!;
      const offset = before;
      done.push(await writeVolumePdf(v, { ...o, files, out: path.join(o.dir, names[i]!), onPage: (n) => o.onPage?.(offset + n, total) }));
      before += v.pages.length;
    }
    return done;
  } catch (e) {
    for (const w of done) await files.unlink(w.path).catch(() => undefined);
    throw e;
  }
}

function defaultName(v: RenderVolume, i: number, count: number): string {
  const base = safeSegment(v.meta.archiveCode ?? v.meta.title);
  const label = v.meta.volumeLabel.trim() ? safeSegment(v.meta.volumeLabel) : count > 1 ? String(i + 1) : '';
  return `${base}${label ? `-${label}` : ''}.pdf`;
}
