import type { ProfileBinding } from '../domain/profile-binding.js';
import type { Procedure } from '../domain/case.js';
import type { Retention } from './types.js';

/**
 * 保管期限 of a dossier: the case's own label when it names a code of the profile's vocabulary
 * (directly, by label, or by a legacy alias such as 长期), else the profile's mapping by procedure
 * (一般程序 → 永久 Y, 简易程序 → 30年 D30). The appraisal falls due on 1 January after the period, counted
 * from the year after 结案.
 */
export function retentionFor(b: ProfileBinding, procedure: Procedure, closedOn: string, caseLabel: unknown): Retention {
  const vocab = b.retention.vocabulary;
  let code: string | undefined;
  let source: Retention['source'] = 'procedure';
  if (typeof caseLabel === 'string' && caseLabel.trim()) {
    const l = caseLabel.trim();
    code = vocab.find((v) => v.code === l || v.label === l)?.code ?? b.retention.aliases[l];
    if (code) source = 'case';
  }
  code ??= b.retention.byProcedure[procedure];
  const entry = vocab.find((v) => v.code === code) ?? vocab[0]!;
  const year = Number(closedOn.slice(0, 4));
  return {
    code: entry.code,
    label: entry.label,
    years: entry.years,
    appraisalDue: entry.years === null ? null : `${year + 1 + entry.years}-01-01`,
    source,
  };
}
