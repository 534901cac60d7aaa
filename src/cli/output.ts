import type { ErrorPayload } from '../api/errors.js';

/** A CLI failure: one line on stderr (English / 中文), and the payload on stdout with --json. */
export class CliError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
  }
}

export function fail(message: string, messageZh: string, code: ErrorPayload['code'] = 'invalid_input'): never {
  throw new CliError({ code, message, messageZh });
}

let printed = false;

export function printJson(value: unknown): void {
  printed = true;
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Whether a command already wrote its JSON result (then a failure adds no second document). */
export function jsonPrinted(): boolean {
  return printed;
}

export function errorLine(e: ErrorPayload): string {
  return `juanzong: ${e.message} / ${e.messageZh}`;
}

/** A plain text table, widths measured in display columns (CJK = 2). */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  return cells
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - displayWidth(c)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
