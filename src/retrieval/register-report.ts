import type { UserInfo } from '../api/types.js';
import type { RetrievalLogResult } from '../api/types-retrieval.js';
import { zoned } from '../footage/local-time.js';
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
      { kind: 'heading', text: '一、调阅记录' },
      log.views.length === 0
        ? { kind: 'paragraph', text: '本期间无调阅记录。' }
        : {
            kind: 'table',
            columns: [
              { title: '序号', width: 4 },
              { title: '开始时间', width: 12 },
              { title: '调阅人', width: 8 },
              { title: '音像记录', width: 16 },
              { title: '依据', width: 8 },
              { title: '观看片段', width: 18 },
              { title: '时长', width: 6 },
              { title: '结束时间', width: 12 },
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
          },
      { kind: 'heading', text: '二、拒绝调阅记录' },
      log.refusals.length === 0
        ? { kind: 'paragraph', text: '本期间无被拒绝的调阅。' }
        : {
            kind: 'table',
            columns: [
              { title: '序号', width: 4 },
              { title: '时间', width: 12 },
              { title: '人员', width: 8 },
              { title: '音像记录', width: 16 },
              { title: '事项', width: 5 },
              { title: '原因', width: 20 },
            ],
            rows: log.refusals.map((x, n) => [
              String(n + 1),
              local(x.at, tz),
              x.user,
              x.clipName ?? String(x.clipId),
              x.need === 'copy' ? '复制' : '调阅',
              x.why,
            ]),
          },
      { kind: 'heading', text: '三、按人员汇总' },
      log.people.length === 0
        ? { kind: 'paragraph', text: '无。' }
        : {
            kind: 'table',
            columns: [
              { title: '人员', width: 10 },
              { title: '调阅次数', width: 6 },
              { title: '音像记录数', width: 6 },
              { title: '观看时长', width: 8 },
              { title: '被拒绝次数', width: 6 },
            ],
            rows: log.people.map((p) => [p.user, String(p.sessions), String(p.clips), clock(p.totalSec), String(p.refusals)]),
          },
      { kind: 'signatures', labels: ['制表人', '审核人（领导）'] },
    ],
  };
}
