import { contract } from '../../../src/api/contract.js';
import { footageOps } from '../../../src/api/contract-footage.js';
import type { Migration } from '../../../src/storage/migration.js';
import { m0002Footage } from '../../../src/storage/migrations/0002-footage.js';
import { MIGRATIONS } from '../../../src/storage/migrations/index.js';

/**
 * Until the lead registers 0002-footage in migrations/index.ts and spreads `footageOps` into the
 * contract, the footage tests (and the child processes they start) add both at run time. Once they
 * are registered this does nothing.
 */
export function registerFootage(): void {
  if (!MIGRATIONS.some((m) => m.name === m0002Footage.name)) (MIGRATIONS as Migration[]).push({ ...m0002Footage, version: MIGRATIONS.length + 1 });
  const c = contract as unknown as Record<string, unknown>;
  for (const [name, spec] of Object.entries(footageOps)) if (!(name in c)) c[name] = spec;
}

registerFootage();
