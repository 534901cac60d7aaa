import { checkProfile, listProfileSummaries } from '../dossier/profile-summaries.js';
import type { HandlerDeps } from './deps.js';
import type { HandlerMap } from './types.js';

type ProfileOps = 'profile.current' | 'profile.list' | 'profile.check';

/** 立卷规范: the archive's current filing profile, the shipped ones, and checking a profile file. */
export function profileHandlers(deps: HandlerDeps): HandlerMap<ProfileOps> {
  const { archive, dossier: opts } = deps;
  return {
    'profile.current': async () => archive.profile,
    'profile.list': async () => listProfileSummaries(archive, opts),
    'profile.check': async ({ path }) => checkProfile(archive, path),
  };
}
