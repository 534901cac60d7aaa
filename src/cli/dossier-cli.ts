import type { BatchResult, DossierView } from '../api/types-dossier.js';
import { PROCEDURE_LABELS } from '../domain/case.js';
import { table } from './output.js';

/** Shared by `bind` and `seal`: what the commands print. */

const SHEET_ZH = { cover: '封面', toc: '卷内目录', beikao: '备考表', backCover: '卷底' } as const;

/** The --json shape of `bind`: volumes, ordered entries with page ranges, unnumbered sheets, issues. */
export function bindSummary(v: Pick<DossierView, 'bound' | 'caseNo' | 'dossierId' | 'status' | 'canSeal'>) {
  const b = v.bound;
  return {
    caseNo: v.caseNo,
    dossierId: v.dossierId,
    status: v.status,
    scope: b.scope,
    title: b.title,
    profile: b.profile,
    procedure: b.procedure,
    retention: b.retention,
    archiveNo: b.archiveNo,
    filingDue: b.filingDue,
    canSeal: v.canSeal,
    totals: b.totals,
    volumes: b.volumes.map((vol) => ({
      index: vol.index,
      part: vol.part,
      label: vol.label,
      archiveCode: vol.archiveCode,
      pageCount: vol.pageCount,
      blankPages: vol.blankPages,
      unnumberedSheets: vol.sheets.filter((s) => !s.numbered).map((s) => ({ sheet: s.sheet, name: SHEET_ZH[s.sheet], pages: s.pages })),
      entries: vol.entries.map((e, i) => ({
        seq: e.seq,
        caseNo: e.caseNo,
        kinds: e.parts.map((p) => p.kind || 'AV'),
        title: e.title,
        docNo: e.docNo,
        responsible: e.responsible,
        date: e.date,
        start: e.start,
        end: e.end,
        pages: vol.toc.rows[i]?.pages ?? '',
        note: e.note,
      })),
      beikao: vol.beikao.statement,
    })),
    issues: b.issues.map((i) => ({ severity: i.severity, key: i.key, message: i.message, messageZh: i.messageZh, acknowledged: i.acknowledged ?? null })),
    deviations: b.deviations,
  };
}

export function printView(v: DossierView): string {
  const b = v.bound;
  const status = { unbound: '未立卷 unbound', draft: '草稿 draft', sealed: '已归档 sealed' }[v.status];
  const out: string[] = [
    `${b.title}  ${v.caseNo ?? ''}`,
    `${b.profile.name} · ${PROCEDURE_LABELS[b.procedure]} · 保管期限 ${b.retention.label}(${b.retention.code}) · ${status}${b.archiveNo ? ` · 归档号 ${b.archiveNo}` : ''}`,
  ];
  for (const vol of b.volumes) {
    const sheets = vol.sheets.filter((s) => !s.numbered).map((s) => `${SHEET_ZH[s.sheet]}${s.pages > 1 ? ` ${s.pages} 页` : ''}`);
    out.push(
      '',
      `${vol.label || '本卷'}${vol.archiveCode ? ` ${vol.archiveCode}` : ''} — ${vol.pageCount} 页${vol.blankPages ? `（空白页 ${vol.blankPages}）` : ''}；不编页号：${sheets.join('、')}`,
    );
    out.push(
      table(
        ['序号', '页号', '日期', '文号', '题名', '备注'],
        vol.toc.rows.map((r) => [r.seq, r.pages, r.date, r.docNo, r.title, r.note]),
      ),
    );
  }
  const shown = b.issues.filter((i) => i.severity !== 'notice' || i.code === 'late-filing');
  if (shown.length) {
    out.push('', '检查 Checks:');
    for (const i of shown) {
      const mark = i.severity === 'error' ? '错误 ERROR' : i.severity === 'warning' ? (i.acknowledged ? '已说明 ack' : '警告 WARN') : '提示 note';
      out.push(`  [${mark}] ${i.messageZh}${i.acknowledged ? ` — ${i.acknowledged.reason}` : ''}  (${i.key})`);
    }
  }
  out.push(
    '',
    v.status === 'sealed'
      ? '已归档，不能修改 (sealed)'
      : v.canSeal
        ? '可以归档 ready to seal'
        : `尚有 ${v.blockers.length} 个问题，不能归档 (${v.blockers.length} blocking)`,
  );
  return out.join('\n') + '\n';
}

export function printBatch(r: BatchResult): string {
  const out = [`${r.profile.name} · 简易程序合并立卷 ${r.from} 至 ${r.to}${r.sealed ? ' · 已归档 sealed' : ' · 预览 preview'}`];
  for (const v of r.volumes) out.push(`  ${v.title}${v.archiveNo ? ` 归档号 ${v.archiveNo}` : ''}：${v.caseNos.length} 件案件，${v.pageCount} 页`);
  if (r.skipped.length) {
    out.push('未纳入 skipped:');
    for (const s of r.skipped) out.push(`  ${s.caseNo}：${s.reasonZh}`);
  }
  return out.join('\n') + '\n';
}
