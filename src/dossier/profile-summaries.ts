import path from 'node:path';
import type { ProfileCheckResult, ProfileSummary } from '../api/types-dossier.js';
import type { FilingProfile } from '../domain/profile.js';
import type { ProfileBinding } from '../domain/profile-binding.js';
import { checkProfileFile, DEFAULT_PROFILE_ID, loadProfileFile, profileFiles } from '../profiles/load-profile.js';
import { resourcesDir as defaultResourcesDir } from '../resources/paths.js';
import type { Archive } from '../archive/archive.js';
import type { DossierOptions } from './bind-input.js';

/** `profile.list` and `profile.check`: the filing profiles shipped in resources/profiles, and a check of any profile file. */
export function profileSummary(p: FilingProfile, currentId: string): ProfileSummary {
  const b = p.binding as ProfileBinding | undefined;
  return {
    id: p.id,
    name: p.name,
    version: p.version,
    description: p.description,
    isDefault: p.id === DEFAULT_PROFILE_ID,
    isCurrent: p.id === currentId,
    hasBinding: b !== undefined,
    secondaryVolume: b ? b.volumes.secondary.general || b.volumes.secondary.summary : false,
    batching: b?.batching.allowed ?? false,
    documentKinds: p.documentKinds.length,
  };
}

export function listProfileSummaries(archive: Archive, opts: DossierOptions): ProfileSummary[] {
  return profileFiles(opts.resourcesDir ?? defaultResourcesDir()).map((f) => profileSummary(loadProfileFile(f), archive.profile.id));
}

export function checkProfile(archive: Archive, file: string): ProfileCheckResult {
  const abs = path.resolve(file);
  const r = checkProfileFile(abs);
  return r.ok
    ? { ok: true, file: abs, profile: profileSummary(r.profile, archive.profile.id), issues: [] }
    : { ok: false, file: abs, profile: null, issues: r.issues };
}
