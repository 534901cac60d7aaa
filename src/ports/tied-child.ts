/**
 * Children that die with their parent. A `kill -9` of Juanzong (or a crash) runs no cleanup, so an
 * ffmpeg or ffprobe it started would run on (re-encoding, holding a camera's files open). Node cannot
 * call prctl(PR_SET_PDEATHSIG), so the child runs under a small POSIX sh watchdog instead: sh starts
 * the program in the background, reads its own stdin — a pipe whose write end only the parent
 * holds, and never writes — and when that read sees end-of-file (the parent is gone, however it
 * died) it kills the program. A normal end, a timeout or an abort (SIGTERM to sh) ends both too.
 * The program's stdout, stderr and exit status pass through unchanged.
 * Limit: on Windows there is no sh; the program is started directly there (a Job Object would do
 * this job; not wired yet).
 */
const WATCHDOG = [
  'exec 3<&0',
  '"$@" </dev/null 3<&- & c=$!',
  '{ while read -r _ <&3; do :; done; kill -KILL "$c" 2>/dev/null; } & w=$!',
  `trap 'kill -KILL "$c" 2>/dev/null; kill "$w" 2>/dev/null; exit 143' TERM INT HUP`,
  'wait "$c"; s=$?',
  'kill "$w" 2>/dev/null',
  'exit "$s"',
].join('\n');

/** The file and arguments to hand to execFile/spawn (stdin must stay a pipe, the default) for `bin args…`. */
export function tiedCommand(bin: string, args: readonly string[]): { file: string; args: string[] } {
  if (process.platform === 'win32') return { file: bin, args: [...args] };
  return { file: '/bin/sh', args: ['-c', WATCHDOG, 'juanzong-child', bin, ...args] };
}
