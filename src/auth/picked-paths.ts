import path from 'node:path';
import { AppError } from '../api/errors.js';
import { LOCAL_PATH_FIELDS, type PathUse } from '../api/local-path-fields.js';

/** Paths the user picked in the system chooser this session, by use (the desktop shell keeps them). */
export interface PickedPaths {
  read: readonly string[];
  write: readonly string[];
}

/** True when `p` is a picked path of this use or lies inside one (after resolving `..`). */
export function isPicked(picked: PickedPaths, use: PathUse, p: string): boolean {
  if (p.includes('\0') || !path.isAbsolute(p)) return false;
  const target = path.resolve(p);
  return picked[use].some((root) => {
    const r = path.resolve(root);
    return target === r || target.startsWith(r.endsWith(path.sep) ? r : r + path.sep);
  });
}

/**
 * Refuses an IPC call whose local path the user did not pick (see LOCAL_PATH_FIELDS). Other
 * transports keep their own rule: the CLI and direct callers are the user at a shell; the browser
 * bridge is loopback-only behind a per-launch token (docs/SECURITY.md, "Electron shell").
 */
export function assertPickedPaths(op: string, input: unknown, picked: PickedPaths | undefined): void {
  const fields = LOCAL_PATH_FIELDS[op as keyof typeof LOCAL_PATH_FIELDS];
  if (!fields || typeof input !== 'object' || input === null) return;
  for (const [field, use] of Object.entries(fields)) {
    const value = (input as Record<string, unknown>)[field];
    if (typeof value !== 'string') continue;
    if (!isPicked(picked ?? { read: [], write: [] }, use, value)) {
      throw new AppError(
        'forbidden',
        `${op}: ${field} ${JSON.stringify(value)} was not chosen in the system folder dialog; choose it there`,
        `${op}：路径 ${value} 不是在系统对话框中选择的，请通过“选择文件夹”选择`,
        { item: field },
      );
    }
  }
}
