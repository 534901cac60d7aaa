import type { BindingProfile } from '../domain/profile-binding.js';
import { orderCase } from './bind.js';
import { filingDue } from './filing-deadline.js';
import { contentPages } from './paginate.js';
import { retentionFor } from './retention.js';
import type { BindContext, BoundDossier, CaseBindInput, Entry } from './types.js';
import { buildVolumes } from './volumes.js';

/**
 * 简易程序 batching (多案一卷): the ready cases of a period, in 结案 order, gathered into volumes of at
 * most `maxCasesPerVolume` cases (and at most the split size in pages), never mixing serial years.
 * Each volume is one dossier with one 归档号; its 目录 has one row per case, covering that case's
 * documents in the profile's 简易 order.
 */
export function planBatches(profile: BindingProfile, inputs: readonly CaseBindInput[], today: string): CaseBindInput[][] {
  const b = profile.binding;
  const sorted = [...inputs].sort((x, y) => x.case.dates.closed.localeCompare(y.case.dates.closed) || x.case.caseNo.localeCompare(y.case.caseNo));
  const out: CaseBindInput[][] = [];
  let cur: CaseBindInput[] = [];
  let pages = 0;
  let year = '';
  for (const input of sorted) {
    const n = orderCase(profile, input, today).entries.reduce((s, e) => s + contentPages(e.entry), 0);
    const y = input.case.dates.closed.slice(0, 4);
    const full = cur.length >= b.batching.maxCasesPerVolume || (cur.length > 0 && pages + n > b.volumes.splitAtPages) || (cur.length > 0 && y !== year);
    if (full) {
      out.push(cur);
      cur = [];
      pages = 0;
    }
    cur.push(input);
    pages += n;
    year = y;
  }
  if (cur.length) out.push(cur);
  return out;
}

export function batchTitle(profile: BindingProfile, year: string, n: number): string {
  return profile.binding.batching.title.replace(/\{year\}/g, year).replace(/\{n\}/g, String(n));
}

export function bindBatch(profile: BindingProfile, inputs: readonly CaseBindInput[], ctx: BindContext, title: string): BoundDossier {
  const b = profile.binding;
  const ordered = inputs.map((i) => ({ input: i, oc: orderCase(profile, i, ctx.today) }));
  const entries: Entry[] = ordered.map(({ input, oc }) => {
    const c = input.case;
    return {
      seq: 0,
      caseId: c.id,
      caseNo: c.caseNo,
      docNo: c.decisionNo,
      responsible: c.organ ?? c.unit,
      title: c.title,
      date: (c.dates.decision ?? c.dates.closed).slice(0, 10),
      start: null,
      end: null,
      note: c.caseNo,
      parts: oc.entries.flatMap((e) => e.entry.parts),
    };
  });
  const issues = ordered.flatMap((o) => o.oc.issues);
  const deviations = ordered.flatMap((o) => o.oc.deviations);
  const closedDates = inputs.map((i) => i.case.dates.closed.slice(0, 10)).sort();
  const first = closedDates[0] ?? ctx.today;
  const last = closedDates[closedDates.length - 1] ?? ctx.today;
  const procedure = inputs[0]?.case.procedure ?? 'summary';
  const retention = retentionFor(b, procedure, last, undefined);
  const units = [...new Set(inputs.map((i) => i.case.unit).filter((u): u is string => !!u))];
  // The cover's 决定书编号 of a volume of cases: the first and last decision numbers, as with 案号.
  const decisionNos = entries.map((e) => e.docNo).filter((n): n is string => !!n);
  const decisionNo = decisionNos.length > 1 ? `${decisionNos[0]} 至 ${decisionNos[decisionNos.length - 1]}` : (decisionNos[0] ?? '');
  const volumes = buildVolumes(
    profile,
    entries,
    [],
    {
      cover: {
        caseTitle: title,
        caseNo: `${inputs[0]?.case.caseNo ?? ''} 至 ${inputs[inputs.length - 1]?.case.caseNo ?? ''}`,
        decisionNo,
        organ: inputs[0]?.case.organ ?? '',
        unit: units.join('、'),
        parties: '',
        filedOn: first,
        closedOn: last,
        period: `${first} 至 ${last}`,
        retention: retention.label,
        archiveNo: ctx.archiveNo ?? '',
        fondsNo: ctx.archiveCode?.fondsNo ?? '',
        catalogNo: ctx.archiveCode?.catalogNo ?? '',
        fileNo: ctx.archiveCode ? (ctx.archiveCode.fileNo ?? String(ctx.archiveCode.serial).padStart(b.archiveNo.serialDigits, '0')) : '',
        secrecy: '',
      },
      retentionCode: retention.code,
      issues,
      deviations,
      countUnit: 'cases',
    },
    ctx,
  );
  return {
    scope: 'batch',
    profile: { id: profile.id, version: profile.version, name: profile.name },
    title,
    caseIds: inputs.map((i) => i.case.id),
    procedure,
    retention,
    filingDue: filingDue(b.filingDeadline, last),
    archiveNo: ctx.archiveNo,
    numbering: { front: b.numbering.front, back: b.numbering.back },
    volumes,
    issues,
    deviations,
    totals: {
      documents: inputs.reduce((n, i) => n + i.documents.length, 0),
      avItems: inputs.reduce((n, i) => n + i.av.length, 0),
      pages: volumes.reduce((n, v) => n + v.pageCount, 0),
      blankPages: volumes.reduce((n, v) => n + v.blankPages, 0),
      volumes: volumes.length,
    },
    preparedOn: ctx.today,
  };
}
