import { z } from 'zod';

/**
 * A filing profile (立卷规范) is data: the document-kind catalogue now; ordering, volumes, numbering,
 * retention and cover fields are added by the binding capability. Unknown keys are kept (passthrough)
 * so a newer profile file still loads its catalogue in an older build.
 */
export const stageSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'bad_stage_id' }),
  name: z.string().min(1),
});

export const documentKindSchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, { message: 'bad_kind_code' }),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    stage: z.string().min(1),
    /** 正卷 (main) or 副卷 (secondary). */
    volume: z.enum(['main', 'secondary']).default('main'),
    /** Issued to the party with a 文号 (external) or an internal form without one. */
    hasDocNo: z.boolean().default(false),
  })
  .passthrough();

export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'bad_profile_id' }),
    version: z.string().min(1),
    name: z.string().min(1),
    description: z.string().default(''),
    stages: z.array(stageSchema).min(1),
    documentKinds: z.array(documentKindSchema).min(1),
  })
  .passthrough()
  .superRefine((p, ctx) => {
    const stages = new Set(p.stages.map((s) => s.id));
    const seen = new Map<string, number>();
    p.documentKinds.forEach((k, i) => {
      if (!stages.has(k.stage)) ctx.addIssue({ code: 'custom', path: ['documentKinds', i, 'stage'], message: 'unknown_stage' });
      for (const key of [k.code, k.name, ...k.aliases]) {
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['documentKinds', i, 'code'], message: 'duplicate' });
        seen.set(key, i);
      }
    });
    if (!p.documentKinds.some((k) => k.code === 'QT')) {
      ctx.addIssue({ code: 'custom', path: ['documentKinds'], message: 'needs_other_kind' });
    }
  });

export type FilingProfile = z.infer<typeof profileSchema>;
export type DocumentKind = z.infer<typeof documentKindSchema>;

/** Finds a kind by code, name or alias (the CLI and case files may use any of them). */
export function findKind(profile: Pick<FilingProfile, 'documentKinds'>, key: string): DocumentKind | undefined {
  const k = key.trim();
  return profile.documentKinds.find((d) => d.code === k || d.name === k || d.aliases.includes(k));
}
