import type { Archive } from '../archive/archive.js';
import { UserRepo } from '../storage/repos/user-repo.js';

/** The accounts with the 评查员 role, as the plan's assignment picker lists them. */
export function listInspectors(archive: Archive): { id: number; name: string; username: string }[] {
  return new UserRepo(archive.db)
    .list()
    .filter((u) => u.role === 'inspector')
    .map((u) => ({ id: u.id, name: u.displayName, username: u.username }));
}
