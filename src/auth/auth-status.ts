import type { Archive } from '../archive/archive.js';
import { UserRepo } from '../storage/repos/user-repo.js';

/** Before sign-in: whether the archive still needs its first administrator, and its name. */
export function authStatus(archive: Archive): { needsSetup: boolean; archiveName: string } {
  return { needsSetup: new UserRepo(archive.db).count() === 0, archiveName: archive.meta.get('name') ?? '' };
}
