import type { ProfileBinding, Sheet } from '../domain/profile-binding.js';
import type { BindIssue, Deviation } from './types.js';

/**
 * Drafts the 备考表's 本卷情况说明 from the facts: what the volume holds, the sheets left unnumbered,
 * AV evidence, blank pages, missing documents and dates out of order with the recorded reasons,
 * deviations from the profile order with their reasons, and a late filing.
 */
const SHEET_ZH: Record<Sheet, string> = { cover: '封面', toc: '卷内目录', beikao: '备考表', backCover: '卷底' };

export interface VolumeFacts {
  cases: number;
  documents: number;
  avItems: number;
  carriers: string[];
  pages: number;
  blankPages: number;
  index: number;
  count: number;
  label: string;
}

export function beikaoStatement(b: ProfileBinding, v: VolumeFacts, dossierIssues: readonly BindIssue[], deviations: readonly Deviation[]): string {
  const lines: string[] = [];
  const unnumbered = b.numbering.unnumberedSheets.filter((s) => s !== 'backCover' || b.numbering.backCover).map((s) => SHEET_ZH[s]);
  // 卷内文件 counts 目录 rows: documents and AV evidence items alike (as the cover does), split when there are both.
  const files = v.avItems > 0 ? `${v.documents + v.avItems} 件（文书 ${v.documents} 件、视听资料 ${v.avItems} 件）` : `${v.documents} 件`;
  const head = v.cases > 1 ? `本卷收录简易程序案件 ${v.cases} 件，卷内文件 ${files}` : `本卷共有卷内文件 ${files}`;
  lines.push(`${head}，共 ${v.pages} 页${unnumbered.length ? `（${unnumbered.join('、')}不编页号）` : ''}。`);
  if (v.avItems > 0) {
    const where = v.carriers.length ? `，原始音像文件另存于载体 ${v.carriers.join('、')}` : '';
    lines.push(`其中视听资料证据说明页 ${v.avItems} 页，对应音像文件 ${v.avItems} 段${where}。`);
  }
  if (v.blankPages > 0) lines.push(`另有空白页 ${v.blankPages} 页，未编页号。`);
  if (v.count > 1) lines.push(`本案卷共 ${v.count} 册，本册为第 ${v.index} 册${v.label ? `（${v.label}）` : ''}。`);

  let remarks = 0;
  for (const i of dossierIssues) {
    if (i.severity !== 'warning') continue;
    remarks++;
    const why = i.acknowledged ? `说明：${i.acknowledged.reason}` : '（尚待说明）';
    lines.push(`${i.messageZh}；${why}。`);
  }
  for (const d of deviations) {
    remarks++;
    lines.push(`卷内文件顺序调整：《${d.title}》由规范顺序第 ${d.profilePosition} 位调至第 ${d.actualPosition} 位，原因：${d.reason ?? '（尚待说明）'}。`);
  }
  for (const i of dossierIssues) {
    if (i.severity === 'notice' && i.code === 'late-filing') {
      remarks++;
      lines.push(`${i.messageZh}。`);
    }
  }
  if (remarks === 0) lines.push('卷内文件齐全，排列符合立卷规范，无缺损、修改、补充、移出情况。');
  return lines.join('\n');
}
