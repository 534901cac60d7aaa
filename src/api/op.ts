import type { z } from 'zod';
import type { Role } from '../domain/roles.js';

/** How a call reached the core. Path-taking operations are not offered over HTTP. */
export const TRANSPORTS = ['direct', 'ipc', 'http', 'cli'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export interface OpSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** 'public' needs no sign-in (login, first-run setup). */
  readonly roles: readonly Role[] | 'public';
  readonly transports: readonly Transport[];
  /** Phantom: the output type. */
  readonly output?: O;
}

/** Declares an operation: `op<Output>()(inputSchema, roles, transports?)`. */
export function op<O>() {
  return <I extends z.ZodType>(input: I, roles: readonly Role[] | 'public', transports: readonly Transport[] = TRANSPORTS): OpSpec<I, O> => ({
    input,
    roles,
    transports,
  });
}
