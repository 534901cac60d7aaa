import type { BindingProfile } from '../domain/profile-binding.js';
import { beikaoStatement } from './beikao.js';
import { type CoverFacts, coverLines } from './cover.js';
import { composeArchiveCode } from './archive-number.js';
import { numberVolume, splitVolumes } from './paginate.js';
import { tocColumns, tocRows } from './toc.js';
import type { BindContext, BindIssue, BoundVolume, Deviation, Entry } from './types.js';

/**
 * Turns the ordered 目录 entries of a dossier into volumes: 正卷 then 副卷, each split at the profile's
 * size, each with its own cover, 目录, numbering from 1, and 备考表.
 */
export interface DossierFacts {
  /** Cover values that do not depend on the volume. */
  cover: Omit<CoverFacts, 'documentCount' | 'pageCount' | 'archiveCode' | 'volume'>;
  retentionCode: string;
  issues: readonly BindIssue[];
  deviations: readonly Deviation[];
  /** 件 on the cover: documents (one case) or cases (a 简易 batch). */
  countUnit: 'documents' | 'cases';
}

export function buildVolumes(
  profile: BindingProfile,
  main: readonly Entry[],
  secondary: readonly Entry[],
  facts: DossierFacts,
  ctx: BindContext,
): BoundVolume[] {
  const b = profile.binding;
  const split = b.volumes.splitAtPages;
  const mainVols = splitVolumes(main, split);
  const secVols = splitVolumes(secondary, split);
  if (mainVols.length === 0) mainVols.push([]);
  const parts = [
    ...mainVols.map((entries, i) => ({ part: 'main' as const, partIndex: i + 1, partCount: mainVols.length, entries })),
    ...secVols.map((entries, i) => ({ part: 'secondary' as const, partIndex: i + 1, partCount: secVols.length, entries })),
  ];
  const hasSecondary = secVols.length > 0;
  return parts.map((p, i): BoundVolume => {
    const index = i + 1;
    const n = numberVolume(b, p.entries);
    const partLabel = hasSecondary ? b.volumes.labels[p.part] : '';
    const label = p.partCount > 1 ? `${partLabel}第${p.partIndex}册（共${p.partCount}册）` : partLabel;
    const archiveCode = composeArchiveCode(
      b,
      ctx.archiveCode,
      { retentionCode: facts.retentionCode, archiveNo: ctx.archiveNo },
      { index, count: parts.length },
    );
    const docParts = n.entries.flatMap((e) => e.parts);
    const documents = docParts.filter((x) => x.type === 'document').length;
    const avItems = docParts.filter((x) => x.type === 'av');
    const cases = new Set(n.entries.map((e) => e.caseId)).size;
    const rows = tocRows(b, n.entries);
    const cover: CoverFacts = {
      ...facts.cover,
      documentCount: String(facts.countUnit === 'cases' ? cases : n.entries.length),
      pageCount: String(n.pageCount),
      archiveCode: archiveCode ?? '',
      volume: parts.length > 1 ? `${label || `第${index}册`}（全案共${parts.length}册）` : '共1册',
    };
    return {
      index,
      part: p.part,
      partIndex: p.partIndex,
      partCount: p.partCount,
      label,
      archiveCode,
      entries: n.entries,
      pageCount: n.pageCount,
      blankPages: n.blankPages,
      sheets: n.sheets,
      cover: { title: b.cover.title, lines: coverLines(b, cover) },
      toc: { title: b.toc.title, columns: tocColumns(b), rows, pages: n.sheets.find((s) => s.sheet === 'toc')?.pages ?? 1, rowsPerPage: b.toc.rowsPerPage },
      beikao: {
        title: b.beikao.title,
        statement: beikaoStatement(
          b,
          {
            cases: facts.countUnit === 'cases' ? cases : 1,
            documents,
            avItems: avItems.length,
            carriers: [...new Set(avItems.map((a) => a.av?.carrier).filter((x): x is string => !!x))],
            pages: n.pageCount,
            blankPages: n.blankPages,
            index,
            count: parts.length,
            label,
          },
          facts.issues,
          facts.deviations,
        ),
        preparer: ctx.preparer ?? '',
        preparedOn: ctx.today,
        checker: ctx.checker ?? '',
      },
    };
  });
}
