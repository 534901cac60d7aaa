import type { z } from 'zod';
import type { FootageOpName, FootageOps } from '../../api/contract-footage.js';
import { type CliSession, openSession } from '../cli-session.js';
import { CliError } from '../output.js';

/** Opens the archive for a command; tests pass their own (a core with the footage slice wired). */
export type SessionOpener = (archiveDir: string | undefined) => Promise<CliSession>;
export const defaultOpener: SessionOpener = (dir) => openSession(dir);

/** Calls a footage operation as the signed-in user; a failure becomes a CliError. */
export async function callFootage<N extends FootageOpName>(
  s: CliSession,
  name: N,
  input: z.input<FootageOps[N]['input']>,
): Promise<NonNullable<FootageOps[N]['output']>> {
  const r = await s.core.invoke(name, input, { transport: 'cli', ...(s.token ? { sessionToken: s.token } : {}) });
  if (!r.ok) throw new CliError(r.error);
  return r.value as unknown as NonNullable<FootageOps[N]['output']>;
}

/** `1.5G`, `500M`, `2048` → bytes. */
export function parseBytes(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT]i?B?|B)?$/i.exec(s.trim());
  if (!m) return null;
  const unit = (m[2] ?? 'B').toUpperCase()[0]!;
  const mult = { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }[unit] ?? 1;
  return Math.round(Number(m[1]) * mult);
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
