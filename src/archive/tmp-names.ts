import { randomUUID } from 'node:crypto';

/**
 * Files in tmp/ are named `<pid>-<uuid>`, so opening an archive can tell the leftovers of a crashed
 * process (pid gone) from the in-flight work of a live one (the app while a CLI command runs).
 */
export function tmpName(): string {
  return `${process.pid}-${randomUUID()}`;
}

export function ownerPid(name: string): number | null {
  const m = /^(\d+)-[0-9a-f-]{36}(?:\.[a-z0-9]+)?$/.exec(name);
  return m ? Number(m[1]) : null;
}

export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
