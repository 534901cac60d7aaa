import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import { describeIssues, type FieldIssue } from '../api/validate.js';
import { type FilingProfile, profileSchema } from '../domain/profile.js';
import type { BindingProfile, ProfileBinding } from '../domain/profile-binding.js';
import { checkBinding } from './binding-check.js';
import { checkFootageSection } from './footage-section.js';

export const DEFAULT_PROFILE_ID = 'henan-township-2016';

/** A profile file is `<id>.json` (other names, e.g. `<id>.notes.json`, are not profiles). */
const PROFILE_FILE = /^[a-z0-9][a-z0-9-]*\.json$/;

/**
 * Parses and validates a profile: the catalogue, then the 音像记录事项清单 (`footage`) and the binding
 * rules when the file has them.
 * Returns the issues (each naming the field) instead of throwing.
 */
export function parseProfile(raw: unknown): { ok: true; profile: FilingProfile } | { ok: false; issues: FieldIssue[] } {
  const r = profileSchema.safeParse(raw);
  if (!r.success) return { ok: false, issues: describeIssues(r.error.issues) };
  const p = r.data;
  if (p.footage !== undefined) {
    const issues = checkFootageSection(p.footage);
    if (issues.length) return { ok: false, issues };
  }
  if (p.binding === undefined) return { ok: true, profile: p };
  const b = checkBinding(p.binding, p);
  if (!b.ok) return { ok: false, issues: b.issues };
  return { ok: true, profile: { ...p, binding: b.binding } };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('bad_profile', `${file}: not readable JSON (${(e as Error).message})`, `${file}：不是有效的 JSON 文件（${(e as Error).message}）`, {
      item: file,
    });
  }
}

/** Loads and validates a profile file; errors name the file and the field. */
export function loadProfileFile(file: string): FilingProfile {
  const r = parseProfile(readJson(file));
  if (!r.ok) {
    const first = r.issues[0];
    const more = r.issues.length > 1 ? ` (+${r.issues.length - 1})` : '';
    const moreZh = r.issues.length > 1 ? `（另有 ${r.issues.length - 1} 处）` : '';
    throw new AppError('bad_profile', `${file}: ${first?.message}${more}`, `${file}：${first?.messageZh}${moreZh}`, { item: file, details: r.issues });
  }
  return r.profile;
}

/** Checks a profile file without throwing (for `profile check FILE`). */
export function checkProfileFile(file: string): { ok: true; profile: FilingProfile } | { ok: false; issues: FieldIssue[] } {
  let raw: unknown;
  try {
    raw = readJson(file);
  } catch (e) {
    const err = e as AppError;
    return { ok: false, issues: [{ path: '', message: err.message, messageZh: err.messageZh }] };
  }
  return parseProfile(raw);
}

export function profilesDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'profiles');
}

export function loadProfile(resourcesDir: string, id: string): FilingProfile {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new AppError('not_found', `no filing profile "${id}"`, `没有立卷规范“${id}”`, { item: id });
  const file = path.join(profilesDir(resourcesDir), `${id}.json`);
  if (!existsSync(file)) throw new AppError('not_found', `no filing profile "${id}" in ${profilesDir(resourcesDir)}`, `没有立卷规范“${id}”`, { item: id });
  const p = loadProfileFile(file);
  if (p.id !== id) throw new AppError('bad_profile', `${file}: id "${p.id}" does not match the file name`, `${file}：id “${p.id}”与文件名不符`, { item: file });
  return p;
}

export function profileFiles(resourcesDir: string): string[] {
  return readdirSync(profilesDir(resourcesDir))
    .filter((f) => PROFILE_FILE.test(f))
    .sort()
    .map((f) => path.join(profilesDir(resourcesDir), f));
}

export function listProfiles(resourcesDir: string): FilingProfile[] {
  return profileFiles(resourcesDir).map((f) => loadProfileFile(f));
}

/** The binding rules of a loaded profile; a profile without them cannot bind a dossier. */
export function requireBinding(profile: FilingProfile): BindingProfile {
  const b = profile.binding as ProfileBinding | undefined;
  if (!b) {
    throw new AppError(
      'bad_profile',
      `filing profile ${profile.id}: binding is missing (no 立卷 rules)`,
      `立卷规范 ${profile.name}：缺少立卷规则（binding）部分`,
      { item: `${profile.id}.binding` },
    );
  }
  return profile as BindingProfile;
}
