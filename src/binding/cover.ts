import type { CoverField, ProfileBinding } from '../domain/profile-binding.js';
import type { CoverLine } from './types.js';

/** The cover (卷皮) lines the profile asks for, with the profile's labels. */
export const DEFAULT_COVER_LABELS: Record<CoverField, string> = {
  caseTitle: '案卷题名',
  caseNo: '案号',
  decisionNo: '处罚决定书文号',
  organ: '执法机关',
  unit: '办案机构',
  parties: '当事人',
  filedOn: '立案日期',
  closedOn: '结案日期',
  period: '起止日期',
  retention: '保管期限',
  documentCount: '卷内文件件数',
  pageCount: '卷内文件页数',
  archiveNo: '归档号',
  archiveCode: '档号',
  fondsNo: '全宗号',
  catalogNo: '目录号',
  fileNo: '案卷号',
  volume: '卷册',
  secrecy: '密级',
};

export type CoverFacts = Record<CoverField, string>;

export function coverLines(b: ProfileBinding, facts: CoverFacts): CoverLine[] {
  return b.cover.fields.map((id) => ({ id, label: b.cover.labels[id] ?? DEFAULT_COVER_LABELS[id], value: facts[id] }));
}
