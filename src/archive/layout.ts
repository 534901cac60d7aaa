import path from 'node:path';

/** An archive is a folder: catalog.db + objects/ (content-addressed, read-only) + tmp/ + the audit anchor. */
export interface ArchiveLayout {
  root: string;
  catalog: string;
  objects: string;
  tmp: string;
  uploads: string;
  anchor: string;
}

export function archiveLayout(root: string): ArchiveLayout {
  const abs = path.resolve(root);
  return {
    root: abs,
    catalog: path.join(abs, 'catalog.db'),
    objects: path.join(abs, 'objects'),
    tmp: path.join(abs, 'tmp'),
    uploads: path.join(abs, 'tmp', 'uploads'),
    anchor: path.join(abs, 'audit-anchor.log'),
  };
}

/** objects/sha256/ab/cd/abcd… — two levels of fan-out keep directories small. */
export function objectPath(layout: ArchiveLayout, sha256: string): string {
  return path.join(layout.objects, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}
