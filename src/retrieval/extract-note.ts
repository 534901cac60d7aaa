import { zoned } from '../footage/local-time.js';
import type { ReportDoc } from '../pdf/report/report-model.js';
import type { Db } from '../storage/db.js';
import { listGrantsDetailed } from '../storage/repos/retrieval-grant-repo.js';
import { RetrievalRequestRepo } from '../storage/repos/retrieval-request-repo.js';

/** One file of a clip export folder, with its digests. */
export interface ExportedFile {
  name: string;
  role: 'copy' | 'original' | 'note';
  size: number;
  sha256: string;
  sm3: string;
}

export interface ExtractFacts {
  unitName: string;
  clip: {
    id: number;
    name: string;
    sha256: string;
    sm3: string;
    size: number;
    startLocal: string | null;
    durationSec: number | null;
    deviceSerial: string | null;
  };
  method: 'copy' | 'reencode';
  requested: { inSec: number; outSec: number };
  actual: { inSec: number; outSec: number };
  madeBy: string;
  madeAt: Date;
  madeAtLocal: string;
  reason: string;
  /** 实时调阅 by role, or the grant (and its approval) it was made under. */
  access: { grantId: number | null; until: string | null; role: string; approval?: ExtractApproval | null };
  files: readonly ExportedFile[];
}

/** Who approved the grant a copy was made under: a 调阅申请 and its decision, or a 评查 assignment. Times are local. */
export type ExtractApproval =
  | { kind: 'request'; requestId: number; requester: string; approver: string | null; approvedAt: string | null; comment: string | null }
  | { kind: 'review'; planTitle: string; caseNo: string; assignedBy: string | null; assignedAt: string | null };

/** Reads the approval behind grant `grantId` for the 提取说明 (null: no such grant). */
export function extractApproval(db: Db, grantId: number, timezone: string): ExtractApproval | null {
  const g = listGrantsDetailed(db, { id: grantId })[0];
  if (!g) return null;
  const local = (iso: string | null) => (iso ? zoned(new Date(iso), timezone).local.slice(0, 19).replace('T', ' ') : null);
  if (g.source === 'request' && g.requestId !== null) {
    const r = new RetrievalRequestRepo(db).byId(g.requestId);
    if (r)
      return { kind: 'request', requestId: r.id, requester: r.requester, approver: r.decidedBy, approvedAt: local(r.decidedAt), comment: r.decisionComment };
  }
  if (g.review)
    return {
      kind: 'review',
      planTitle: g.review.planTitle,
      caseNo: g.review.caseNo,
      assignedBy: g.review.assignedByName,
      assignedAt: local(g.review.assignedAt),
    };
  return { kind: 'review', planTitle: '', caseNo: '', assignedBy: g.createdByName, assignedAt: local(g.createdAt) };
}

/** The 提取说明's rows on the approval: 调阅申请, 申请人, 审批人, 审批时间, 审批意见 (or the 评查 plan). */
function approvalRows(a: ExtractFacts['access']): [string, string][] {
  if (a.grantId === null) return [];
  const x = a.approval;
  if (!x) return [];
  if (x.kind === 'request')
    return [
      ['调阅申请', `第 ${x.requestId} 号`],
      ['申请人', x.requester],
      ['审批人', x.approver ?? '—'],
      ['审批时间', x.approvedAt ?? '—'],
      ['审批意见', x.comment ?? '—'],
    ];
  return [
    ['授权来源', `评查任务授权${x.planTitle ? `：${x.planTitle}` : ''}${x.caseNo ? `（${x.caseNo}）` : ''}`],
    ['分配人（审批人）', x.assignedBy ?? '—'],
    ['分配时间', x.assignedAt ?? '—'],
  ];
}

/** `65.5` → `00:01:05.500`. */
export function hms(sec: number): string {
  const ms = Math.round(sec * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(h)}:${p(m)}:${p(s)}.${p(ms % 1000, 3)}`;
}

export const SHA256_MANIFEST = 'manifest-sha256.txt';
export const SM3_MANIFEST = 'manifest-sm3.txt';
export const NOTE_NAME = '提取说明.pdf';

/** How to check the folder alone, as printed in the note and the README. */
export const CHECK_COMMANDS = [
  `sha256sum -c ${SHA256_MANIFEST}`,
  `while read -r h f; do [ "$(openssl dgst -sm3 -r "$f" | cut -d' ' -f1)" = "$h" ] && echo "$f: OK" || echo "$f: FAILED"; done < ${SM3_MANIFEST}`,
] as const;

/**
 * The 视听资料复制件说明 (提取说明) of a clip export as a report: how, when and by whom the copy was
 * made, the source recording and its digests, the copy's digests, the requested and actual in/out
 * points, the reason and the approval, and how to check the manifests.
 */
export function extractNote(f: ExtractFacts): ReportDoc {
  const method =
    f.method === 'copy'
      ? '流复制（ffmpeg -c copy，不重新编码）：起点对齐到此前最近的关键帧，画面与声音为原始记录的数据'
      : '重新编码（ffmpeg，H.264/AAC），按帧精确截取，画面叠加调阅人姓名与制作时间水印';
  const access =
    f.access.grantId === null
      ? `实时调阅，${f.access.role}本人（${f.access.role}权限，无需审批）`
      : `调阅授权第 ${f.access.grantId} 号（允许复制，有效期至 ${f.access.until ?? '—'}）`;
  const copy = f.files.filter((x) => x.role === 'copy');
  return {
    title: '视听资料复制件说明',
    subtitle: '（音像记录提取说明）',
    author: f.madeBy,
    subject: `音像记录 ${f.clip.name} 复制件`,
    keywords: ['视听资料', '复制件', '提取说明', f.clip.sha256],
    createdAt: f.madeAt,
    blocks: [
      { kind: 'heading', text: '一、制作情况' },
      {
        kind: 'fields',
        rows: [
          ['制作单位', f.unitName],
          ['制作方法', method],
          ['制作时间', f.madeAtLocal],
          ['制作人', f.madeBy],
          ['提取事由', f.reason],
          ['审批 / 授权', access],
          ...approvalRows(f.access),
        ],
      },
      { kind: 'heading', text: '二、原始音像记录' },
      {
        kind: 'fields',
        rows: [
          ['文件名', f.clip.name],
          ['记录编号', String(f.clip.id)],
          ['拍摄时间', f.clip.startLocal ?? '未知'],
          ['时长', f.clip.durationSec === null ? '未知' : hms(f.clip.durationSec)],
          ['设备序号', f.clip.deviceSerial ?? '未知'],
          ['大小（字节）', String(f.clip.size)],
          ['SHA-256', f.clip.sha256],
          ['SM3', f.clip.sm3],
        ],
      },
      { kind: 'paragraph', text: '原始记录保存在档案库中，提取过程只读取原始文件，未作任何剪切或改动。' },
      { kind: 'heading', text: '三、截取区间' },
      {
        kind: 'table',
        columns: [
          { title: '', width: 2 },
          { title: '入点', width: 3 },
          { title: '出点', width: 3 },
          { title: '长度', width: 3 },
        ],
        rows: [
          ['申请', hms(f.requested.inSec), hms(f.requested.outSec), hms(f.requested.outSec - f.requested.inSec)],
          ['实际', hms(f.actual.inSec), hms(f.actual.outSec), hms(f.actual.outSec - f.actual.inSec)],
        ],
      },
      ...(copy.length && f.method === 'copy' && Math.abs(f.actual.inSec - f.requested.inSec) > 0.0005
        ? [{ kind: 'paragraph' as const, text: `流复制只能从关键帧开始，实际入点比申请入点提前 ${(f.requested.inSec - f.actual.inSec).toFixed(3)} 秒。` }]
        : []),
      { kind: 'heading', text: '四、输出文件及校验值' },
      {
        kind: 'table',
        columns: [
          { title: '文件', width: 3 },
          { title: '内容', width: 1.4 },
          { title: '大小（字节）', width: 1.6 },
          { title: 'SHA-256 / SM3', width: 6 },
        ],
        rows: f.files.map((x) => [
          x.name,
          x.role === 'copy' ? '复制件' : x.role === 'original' ? '原始记录全文' : '本说明',
          String(x.size),
          `${x.sha256}\n${x.sm3}`,
        ]),
      },
      {
        kind: 'paragraph',
        text:
          `同一文件夹中的 ${SHA256_MANIFEST} 为 sha256sum 格式（“摘要  文件名”），可用“${CHECK_COMMANDS[0]}”校验；` +
          `${SM3_MANIFEST} 格式相同、摘要为 SM3（GB/T 32905），可逐行用 “openssl dgst -sm3 -r 文件名” 或 “gmssl sm3 < 文件名” 计算后比对，` +
          `例如：${CHECK_COMMANDS[1]}。本说明自身的校验值列在清单中。`,
      },
      { kind: 'heading', text: '五、签字' },
      { kind: 'signatures', labels: ['制作人', '审批人'] },
    ],
  };
}
