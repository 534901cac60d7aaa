import type { Role } from '../../../src/domain/roles';

/** Who may decide a disposal (footage.decideDisposal): the 领导 and the administrator, as in the contract. */
export const DISPOSAL_APPROVERS: readonly Role[] = ['admin', 'supervisor'];
