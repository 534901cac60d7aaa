import type { UserInfo } from '../api/types.js';
import type { RetrievalLogResult } from '../api/types-retrieval.js';
import { zoned } from '../footage/local-time.js';
import { tableSection } from '../pdf/report/report-blocks.js';
import type { ReportDoc } from '../pdf/report/report-model.js';
import { clock, formatSegments } from './segments.js';

export interface RegisterInput {
  archiveName: string;
  timezone: string;
  /** The period as the user gave it, for the heading. */
  fromLabel: string;
  toLabel: string;
  log: RetrievalLogResult;
  by: UserInfo;
  createdAt: Date;
}

/** `2026-12-02 14:05:09` in the archive's zone. */
function local(iso: string, tz: string): string {
  return zoned(new Date(iso), tz).local.slice(0, 19).replace('T', ' ');
}

/**
 * 调阅登记表 for a period: every playback session (who, when, which clip, under which grant, the
 * stretches watched, for how long) and every refused attempt, with a per-person summary. Pure:
 * rendered to PDF/A by writeReportPdf.
 */
export function registerReport(i: RegisterInput): ReportDoc {
  const { log, timezone: tz } = i;
  const period = `${i.fromLabel} 至 ${i.toLabel}`;
  return {
    title: '调阅登记表',
    subtitle: `${i.archiveName} · ${period}`,
    author: i.by.displayName,
    subject: `执法记录仪音像记录调阅登记（${period}）`,
    keywords: ['调阅登记表', '执法记录仪', '音像记录'],
    createdAt: i.createdAt,
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['档案库', i.archiveName],
          ['登记期间', period],
          ['调阅次数', String(log.views.length)],
          ['拒绝次数', String(log.refusals.length)],
          ['制表人', `${i.by.displayName}（${i.by.username}）`],
          ['制表时间', local(i.createdAt.toISOString(), tz)],
        ],
      },
      ...tableSection('一、调阅记录', {
        empty: '本期间无调阅记录。',
        columns: [
          ['序号', 4],
          ['开始时间', 12],
          ['调阅人', 8],
          ['音像记录', 16],
          ['依据', 8],
          ['观看片段', 18],
          ['时长', 6],
          ['结束时间', 12],
        ],
        rows: log.views.map((v, n) => [
          String(n + 1),
          local(v.startedAt, tz),
          v.user,
          `${v.clipName}${v.viaProxy ? '（转码副本）' : ''}`,
          v.grantId === null ? '实时调阅' : `授权 ${v.grantId}`,
          formatSegments(v.segments) || '—',
          clock(v.totalSec),
          v.endedAt ? `${local(v.endedAt, tz)}${v.endReason === 'auto' ? '（自动结束）' : ''}` : '未结束',
        ]),
      }),
      ...tableSection('二、拒绝调阅记录', {
        empty: '本期间无被拒绝的调阅。',
        columns: [
          ['序号', 4],
          ['时间', 12],
          ['人员', 8],
          ['音像记录', 16],
          ['事项', 5],
          ['原因', 20],
        ],
        rows: log.refusals.map((x, n) => [String(n + 1), local(x.at, tz), x.user, x.clipName ?? String(x.clipId), x.need === 'copy' ? '复制' : '调阅', x.why]),
      }),
      ...tableSection('三、按人员汇总', {
        empty: '无。',
        columns: [
          ['人员', 10],
          ['调阅次数', 6],
          ['音像记录数', 6],
          ['观看时长', 8],
          ['被拒绝次数', 6],
        ],
        rows: log.people.map((p) => [p.user, String(p.sessions), String(p.clips), clock(p.totalSec), String(p.refusals)]),
      }),
      { kind: 'signatures', labels: ['制表人', '审核人（领导）'] },
    ],
  };
}
