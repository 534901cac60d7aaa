import type { Role } from '../domain/roles.js';
import { contract, isOpName, type OpName } from './contract.js';

/**
 * May a user with this role call this operation? The contract's `roles` are the only answer: the
 * renderer asks here (to show or hide a button) and invoke enforces the same list.
 */
export function mayCall(role: Role | null | undefined, op: OpName | string): boolean {
  if (!isOpName(op)) return false;
  const roles = contract[op].roles;
  if (roles === 'public') return true;
  return role !== null && role !== undefined && roles.includes(role);
}

/** The operations a role may call (e.g. to build a menu). */
export function opsFor(role: Role): OpName[] {
  return (Object.keys(contract) as OpName[]).filter((op) => mayCall(role, op));
}
