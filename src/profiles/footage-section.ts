import { z } from 'zod';
import { AppError } from '../api/errors.js';
import { describeIssues, type FieldIssue } from '../api/validate.js';

/**
 * The profile's 音像记录事项清单: which enforcement activities are recorded, which must be recorded
 * from start to end (全程音像记录), which documents show that an activity took place in a case, and
 * how long footage is kept. Data, per province: the `footage` section of the filing profile
 * (resources/profiles/<profile-id>.json).
 */
export const footageActivitySchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9]{0,15}$/, { message: 'bad_activity_code' }),
  name: z.string().min(1),
  category: z.string().min(1),
  /** `full`: 全程音像记录 is required; `as-needed`: 根据实际情况. */
  recording: z.enum(['full', 'as-needed']),
  stage: z.string().min(1),
  recordStart: z.string().default(''),
  recordContent: z.string().default(''),
  recordEnd: z.string().default(''),
  retention: z.string().default('永久'),
  /** Document-kind codes whose presence in a case shows the activity took place. */
  indicatedBy: z.array(z.string().min(1)).default([]),
  note: z.string().default(''),
});

export const footageProfileSchema = z.object({
  profileId: z.string().min(1),
  version: z.string().min(1),
  name: z.string().min(1),
  description: z.string().default(''),
  retention: z.object({
    ordinaryMonths: z.number().int().min(1).max(1200).default(6),
    evidence: z.union([z.literal('permanent'), z.number().int().min(1).max(1200)]).default('permanent'),
    note: z.string().default(''),
  }),
  activities: z.array(footageActivitySchema).min(1),
});

export type FootageProfile = z.infer<typeof footageProfileSchema>;
export type FootageActivity = z.infer<typeof footageActivitySchema>;

/** When a profile has no footage section: six months for ordinary footage, evidence kept for good. */
export const DEFAULT_FOOTAGE_PROFILE: FootageProfile = {
  profileId: '',
  version: '0',
  name: '默认',
  description: '',
  retention: { ordinaryMonths: 6, evidence: 'permanent', note: '' },
  activities: [
    {
      code: 'CFKY',
      name: '查封扣押',
      category: '行政强制措施',
      recording: 'full',
      stage: '',
      recordStart: '',
      recordContent: '',
      recordEnd: '',
      retention: '永久',
      indicatedBy: [],
      note: '',
    },
    {
      code: 'QZCC',
      name: '强制拆除',
      category: '行政强制执行',
      recording: 'full',
      stage: '',
      recordStart: '',
      recordContent: '',
      recordEnd: '',
      retention: '永久',
      indicatedBy: [],
      note: '',
    },
  ],
};

/**
 * The `footage` section of a filing profile; the defaults when the profile has none. Errors name
 * the profile and the field.
 */
export function footageProfileOf(profile: { id: string; footage?: unknown }): FootageProfile {
  if (profile.footage === undefined) return { ...DEFAULT_FOOTAGE_PROFILE, profileId: profile.id };
  return parse(profile.footage, `${profile.id}.json#footage`);
}

/** Checks a profile's `footage` section (for `profile check`): the issues, each naming its field. */
export function checkFootageSection(raw: unknown): FieldIssue[] {
  const r = footageProfileSchema.safeParse(raw);
  if (!r.success) return describeIssues(r.error.issues.map((i) => ({ ...i, path: ['footage', ...i.path] })));
  try {
    parse(raw, 'footage');
    return [];
  } catch (e) {
    return [{ path: 'footage.activities', message: (e as AppError).message, messageZh: (e as AppError).messageZh }];
  }
}

function parse(raw: unknown, what: string): FootageProfile {
  const r = footageProfileSchema.safeParse(raw);
  if (!r.success) {
    const issues = describeIssues(r.error.issues);
    throw new AppError('bad_profile', `${what}: ${issues[0]?.message}`, `${what}：${issues[0]?.messageZh}`, { item: what, details: issues });
  }
  const seen = new Set<string>();
  for (const a of r.data.activities) {
    for (const key of [a.code, a.name]) {
      if (seen.has(key)) throw new AppError('bad_profile', `${what}: activity ${key} is listed twice`, `${what}：执法事项“${key}”重复`, { item: what });
      seen.add(key);
    }
  }
  return r.data;
}

/** Finds an activity by code or name. */
export function findActivity(p: FootageProfile, key: string): FootageActivity | undefined {
  const k = key.trim();
  return p.activities.find((a) => a.code === k || a.name === k);
}
