import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import { describeIssues } from '../api/validate.js';
import { type FilingProfile, profileSchema } from '../domain/profile.js';

export const DEFAULT_PROFILE_ID = 'henan-township-2016';

/** Loads and validates a profile file; errors name the file and the field. */
export function loadProfileFile(file: string): FilingProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('bad_profile', `${file}: not readable JSON (${(e as Error).message})`, `${file}：不是有效的 JSON 文件（${(e as Error).message}）`, { item: file });
  }
  const r = profileSchema.safeParse(raw);
  if (!r.success) {
    const issues = describeIssues(r.error.issues);
    throw new AppError('bad_profile', `${file}: ${issues[0]?.message}`, `${file}：${issues[0]?.messageZh}`, { item: file, details: issues });
  }
  return r.data;
}

export function profilesDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'profiles');
}

export function loadProfile(resourcesDir: string, id: string): FilingProfile {
  const file = path.join(profilesDir(resourcesDir), `${id}.json`);
  const p = loadProfileFile(file);
  if (p.id !== id) throw new AppError('bad_profile', `${file}: id "${p.id}" does not match the file name`, `${file}：id “${p.id}”与文件名不符`, { item: file });
  return p;
}

export function listProfiles(resourcesDir: string): FilingProfile[] {
  return readdirSync(profilesDir(resourcesDir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadProfileFile(path.join(profilesDir(resourcesDir), f)));
}
