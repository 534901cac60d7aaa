import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../api/errors.js';
import { parseCompact, type WallTime } from './local-time.js';

/**
 * Vendor file-name patterns (resources/footage-patterns.json): regexes with named groups `serial`,
 * `user`, `unit`, `start` (YYYYMMDDhhmmss) or `date` + `time`, `seq` and `flag` (重点标记). Tried in
 * order; the first pattern that matches with a valid time wins, and the clip records which one.
 */
const patternSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  vendor: z.string().min(1),
  description: z.string().default(''),
  regex: z.string().min(1),
  examples: z.array(z.string()).default([]),
});
const fileSchema = z.object({ version: z.string(), description: z.string().default(''), patterns: z.array(patternSchema).min(1) });

export interface NamePattern {
  id: string;
  vendor: string;
  regex: RegExp;
}

export interface NameMatch {
  patternId: string;
  deviceSerial: string | null;
  userNo: string | null;
  unitCode: string | null;
  /** Camera-local wall time of the start, when the name carries one. */
  start: WallTime | null;
  seq: string | null;
  important: boolean;
}

export const PATTERNS_FILE = 'footage-patterns.json';

export function loadNamePatterns(resourcesDir: string): NamePattern[] {
  const file = path.join(resourcesDir, PATTERNS_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('bad_profile', `${file}: not readable JSON (${(e as Error).message})`, `${file}：不是有效的 JSON 文件（${(e as Error).message}）`, {
      item: file,
    });
  }
  const r = fileSchema.safeParse(raw);
  if (!r.success) throw new AppError('bad_profile', `${file}: ${r.error.issues[0]?.message}`, `${file}：文件名规则格式不正确`, { item: file });
  return r.data.patterns.map((p) => {
    let regex: RegExp;
    try {
      regex = new RegExp(p.regex, 'u');
    } catch (e) {
      throw new AppError(
        'bad_profile',
        `${file}: pattern ${p.id} is not a valid regex (${(e as Error).message})`,
        `${file}：规则 ${p.id} 不是有效的正则表达式`,
        { item: p.id },
      );
    }
    const pattern = { id: p.id, vendor: p.vendor, regex };
    for (const ex of p.examples) {
      if (matchName([pattern], ex) === null)
        throw new AppError('bad_profile', `${file}: pattern ${p.id} does not match its own example ${ex}`, `${file}：规则 ${p.id} 与其示例 ${ex} 不符`, {
          item: p.id,
        });
    }
    return pattern;
  });
}

/** Parses a file name (not a path) with the first pattern that fits, or returns null. */
export function matchName(patterns: readonly NamePattern[], fileName: string): NameMatch | null {
  for (const p of patterns) {
    const g = p.regex.exec(fileName)?.groups;
    if (!g) continue;
    let start: WallTime | null = null;
    if (g.start !== undefined || g.date !== undefined) {
      start = g.start !== undefined ? parseCompact(g.start) : parseCompact(g.date ?? '', g.time ?? '');
      if (!start) continue; // digits in the right place but not a date: not this pattern
    }
    return {
      patternId: p.id,
      deviceSerial: g.serial ?? null,
      userNo: g.user ?? null,
      unitCode: g.unit ?? null,
      start,
      seq: g.seq ?? null,
      important: g.flag !== undefined,
    };
  }
  return null;
}
