import type { OpOutput } from '../api/contract.js';
import type { Archive } from '../archive/archive.js';
import { archiveTimeZone } from '../domain/archive-time.js';
import { LATEST_VERSION } from '../storage/migrate.js';
import { DocumentRepo } from '../storage/repos/document-repo.js';

/** The open archive at a glance: where it is, its profile, zone and schema, how many cases, documents and pages. */
export function archiveInfo(archive: Archive): OpOutput<'archive.info'> {
  const counts = new DocumentRepo(archive.db).counts();
  return {
    path: archive.layout.root,
    name: archive.meta.get('name') ?? '',
    profileId: archive.profile.id,
    profileName: archive.profile.name,
    timezone: archiveTimeZone(archive.meta),
    createdAt: archive.meta.get('created_at') ?? '',
    schemaVersion: LATEST_VERSION,
    caseCount: archive.meta.caseCount(),
    documentCount: counts.documents,
    pageCount: counts.pages,
  };
}
