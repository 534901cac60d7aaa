import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the project root (the folder holding our package.json) from wherever this module runs:
 * src/ under vitest/tsx, dist/src/ after the build, or an Electron app.asar. The Electron shell may
 * pass its own resources folder instead.
 */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'juanzong') return dir;
      } catch {
        /* keep looking */
      }
    }
    dir = path.dirname(dir);
  }
  throw new Error('Cannot find the Juanzong project root (package.json named "juanzong")');
}

/** resources/ (profiles, sample data, icc profiles). */
export function resourcesDir(): string {
  return process.env.JUANZONG_RESOURCES ?? path.join(projectRoot(), 'resources');
}
