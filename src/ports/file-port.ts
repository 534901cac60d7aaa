import * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/**
 * The file operations the archive's writers use. Tests swap in a port that fails on purpose
 * (unreadable file, vanished device, full disk), which a root process cannot provoke for real.
 */
export interface FilePort {
  open(path: string, flags: string, mode?: number): Promise<FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  mkdir(path: string, opts: { recursive: true }): Promise<unknown>;
  /** Removes a file or folder (what a failed write leaves under its hidden name). */
  rm(path: string, opts: { recursive?: boolean; force?: boolean }): Promise<void>;
  /** Removes an empty folder. */
  rmdir(path: string): Promise<void>;
}

export const nodeFilePort: FilePort = {
  open: (p, flags, mode) => fsp.open(p, flags, mode),
  rename: (a, b) => fsp.rename(a, b),
  unlink: (p) => fsp.unlink(p),
  chmod: (p, m) => fsp.chmod(p, m),
  stat: (p) => fsp.stat(p),
  mkdir: (p, o) => fsp.mkdir(p, o),
  rm: (p, o) => fsp.rm(p, o),
  rmdir: (p) => fsp.rmdir(p),
};
