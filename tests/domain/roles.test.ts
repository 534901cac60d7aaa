import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/api/contract.js';
import * as roleSets from '../../src/domain/roles.js';
import { APPROVERS, AUDIT_READERS, CUSTODIANS, ROLES } from '../../src/domain/roles.js';

const API = join(import.meta.dirname, '../../src/api');
/** Every role set roles.ts exports (ROLES itself is ANY_ROLE). */
const NAMED: (readonly string[])[] = (Object.values(roleSets) as unknown[]).filter((v): v is readonly string[] => Array.isArray(v));

describe('role sets are defined once (src/domain/roles.ts)', () => {
  it('every operation of the contract uses one of the named sets (the same array, not a copy)', () => {
    const strays = Object.entries(contract).filter(([, spec]) => spec.roles !== 'public' && !NAMED.includes(spec.roles));
    expect(strays.map(([name]) => name)).toEqual([]);
  });

  it('no contract slice spells out a role list of its own', () => {
    for (const f of readdirSync(API).filter((n) => /^contract.*\.ts$/.test(n))) {
      const text = readFileSync(join(API, f), 'utf8');
      expect(text, f).not.toMatch(/\[\s*'(admin|archivist|supervisor|inspector)'/);
      expect(text, f).not.toMatch(/readonly Role\[\]\s*=/);
    }
  });

  it('names sets of known roles, none empty; the shared ones are used where their names say', () => {
    expect(NAMED.length).toBeGreaterThanOrEqual(6);
    for (const s of NAMED) expect(s.length).toBeGreaterThan(0);
    for (const s of NAMED) for (const r of s) expect(ROLES).toContain(r);
    expect(contract['dossier.export'].roles).toBe(CUSTODIANS);
    expect(contract['footage.verify'].roles).toBe(CUSTODIANS);
    expect(contract['footage.decideDisposal'].roles).toBe(APPROVERS);
    expect(contract['audit.list'].roles).toBe(AUDIT_READERS);
  });
});
