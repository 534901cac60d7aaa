import type { FsckFinding } from '../api/types-fsck.js';

/** Collects findings; each check says what it found and what its repair would do. */
export class FindingSink {
  readonly list: FsckFinding[] = [];

  add(f: Omit<FsckFinding, 'repaired'>): FsckFinding {
    const full = { ...f, repaired: false };
    this.list.push(full);
    return full;
  }
}
