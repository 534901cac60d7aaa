import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Runs a tool and returns stdout (throws with stderr on a non-zero exit). */
export function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  return execFileSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: env ? { ...process.env, ...env } : process.env,
  });
}

/** Exit status and output of qpdf --check (exit 0 = clean, 3 = warnings). */
export function qpdfCheck(file: string): { status: number; out: string } {
  try {
    return { status: 0, out: run('qpdf', ['--check', file]) };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { status: x.status, out: `${x.stdout}\n${x.stderr}` };
  }
}

/**
 * An environment whose fontconfig sees no fonts at all (an empty font folder), so poppler cannot
 * substitute an installed font for a broken or missing embedded one: what renders is what the PDF holds.
 */
export function noSystemFonts(dir: string): NodeJS.ProcessEnv {
  const empty = path.join(dir, 'no-fonts');
  const cache = path.join(dir, 'fc-cache');
  mkdirSync(empty, { recursive: true });
  mkdirSync(cache, { recursive: true });
  const conf = path.join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${empty}</dir><cachedir>${cache}</cachedir></fontconfig>\n`,
  );
  return { FONTCONFIG_FILE: conf, FONTCONFIG_PATH: dir, HOME: dir, XDG_CACHE_HOME: cache };
}

/** qpdf's JSON view of a (small) PDF: objects by "obj:N 0 R", strings decoded ("u:…"). */
export function qpdfJson(file: string): {
  objects: Record<string, { value?: unknown; stream?: { dict: Record<string, unknown>; data?: string } }>;
  trailer: Record<string, unknown>;
} {
  const j = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file])) as {
    qpdf: [unknown, Record<string, unknown>];
  };
  const objects = j.qpdf[1] as Record<string, { value?: unknown; stream?: { dict: Record<string, unknown>; data?: string } }>;
  const trailer = (objects.trailer as { value: Record<string, unknown> }).value;
  return { objects, trailer };
}

/** Words with positions (points, origin top-left) from pdftotext -bbox for one page. */
export function wordsOnPage(
  file: string,
  page: number,
): { text: string; xMin: number; yMin: number; xMax: number; yMax: number; pageWidth: number; pageHeight: number }[] {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
  const pm = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html);
  const pageWidth = Number(pm?.[1]);
  const pageHeight = Number(pm?.[2]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!,
    pageWidth,
    pageHeight,
  }));
}

export const squash = (s: string) => s.replace(/\s+/g, '');
