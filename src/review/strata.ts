import { findKind } from '../domain/profile.js';
import type { FilingProfile } from '../domain/profile.js';

/** The strata a 评查 sample is drawn over: 一般程序, 简易程序, and 一般程序 with 强制措施 or 强制执行. */
export const STRATA = ['general', 'summary', 'coercive', 'enforcement'] as const;
export type Stratum = (typeof STRATA)[number];
export const STRATUM_LABELS: Record<string, string> = {
  general: '一般程序',
  summary: '简易程序',
  coercive: '行政强制措施',
  enforcement: '行政强制执行',
};

const ENFORCEMENT = /强制执行|催告|强制拆除/;
const COERCIVE = /查封|扣押|先行登记保存/;

/** A case's stratum from its procedure and the kinds of its documents (codes or names as filed). */
export function stratumOf(profile: Pick<FilingProfile, 'documentKinds'>, procedure: string, kinds: readonly string[]): Stratum {
  if (procedure === 'summary') return 'summary';
  const names = kinds.map((k) => findKind(profile, k)?.name ?? k);
  if (names.some((n) => ENFORCEMENT.test(n))) return 'enforcement';
  if (names.some((n) => COERCIVE.test(n))) return 'coercive';
  return 'general';
}
