import path from 'node:path';

export const DEFAULT_ARCHIVE_NAME = 'Juanzong 卷宗档案';

/**
 * Where the archive lives: `--archive DIR` (or `--archive=DIR`) on the command line, else the
 * JUANZONG_ARCHIVE environment variable, else "Juanzong 卷宗档案" in the user's documents folder.
 * Relative paths are taken from `cwd`. Pure, so it is unit-tested.
 */
export function archiveDirFrom(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, documentsDir: string, cwd: string): string {
  const fromArgs = archiveArg(argv);
  if (fromArgs !== undefined) return path.resolve(cwd, fromArgs);
  const fromEnv = env.JUANZONG_ARCHIVE;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return path.resolve(cwd, fromEnv);
  return path.join(documentsDir, DEFAULT_ARCHIVE_NAME);
}

function archiveArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--archive') {
      const next = argv[i + 1];
      if (next !== undefined && next !== '' && !next.startsWith('--')) return next;
    } else if (arg !== undefined && arg.startsWith('--archive=') && arg.length > '--archive='.length) {
      return arg.slice('--archive='.length);
    }
  }
  return undefined;
}
