import type { Procedure } from '../domain/case.js';
import { formatDuration } from '../domain/duration.js';
import type { BindingProfile } from '../domain/profile-binding.js';
import { extraAt } from './conditions.js';
import { dateChecks, pageChecks, requiredChecks } from './checks.js';
import { filingDue } from './filing-deadline.js';
import { issues as issueOf } from './issues.js';
import { applyManualOrder } from './manual-order.js';
import { type OrderedDoc, profileOrder } from './order.js';
import { retentionFor } from './retention.js';
import type { Acknowledgement, AvItem, BindCase, BindContext, BindIssue, BoundDossier, CaseBindInput, Deviation, Entry } from './types.js';
import { buildVolumes } from './volumes.js';

/**
 * Binds one case into a dossier (pure): profile order and the recorded manual order, AV evidence
 * sheets where the profile puts them, 正卷/副卷, volume split, page numbers, 目录, cover, 备考表, and
 * every check with its acknowledgement. Binding always returns the result; sealing refuses while
 * `issues` holds an error or an unacknowledged warning (see `sealBlockers`).
 */
export interface OrderedCase {
  entries: { part: 'main' | 'secondary'; entry: Entry }[];
  issues: BindIssue[];
  deviations: Deviation[];
}

function avEntry(profile: BindingProfile, c: BindCase, av: AvItem, groupId: string): Entry {
  const title = `${profile.binding.avSheets.title}：${av.fileName}（${[av.activity, formatDuration(av.durationSec)].filter(Boolean).join('，')}）`;
  const date = av.recordedAt.slice(0, 10);
  return {
    seq: 0,
    caseId: c.id,
    caseNo: c.caseNo,
    docNo: null,
    responsible: av.officer,
    title,
    date,
    start: null,
    end: null,
    note: av.carrier ? `载体 ${av.carrier}` : '',
    parts: [
      {
        type: 'av',
        documentId: null,
        av,
        kind: '',
        kindName: profile.binding.avSheets.title,
        title,
        docNo: null,
        responsible: av.officer,
        date,
        groupId,
        pages: [{ pageId: null, side: 'front', blank: false, number: null }],
        start: null,
        end: null,
      },
    ],
  };
}

function docEntry(profile: BindingProfile, c: BindCase, o: OrderedDoc, moved: boolean): Entry {
  const d = o.doc;
  const kindName = profile.documentKinds.find((k) => k.code === d.kind)?.name ?? d.kind;
  return {
    seq: 0,
    caseId: c.id,
    caseNo: c.caseNo,
    docNo: d.docNo,
    responsible: d.responsible,
    title: d.title,
    date: d.date ? d.date.slice(0, 10) : null,
    start: null,
    end: null,
    note: moved ? '顺序调整，见备考表' : '',
    parts: [
      {
        type: 'document',
        documentId: d.id,
        av: null,
        kind: d.kind,
        kindName,
        title: d.title,
        docNo: d.docNo,
        responsible: d.responsible,
        date: d.date ? d.date.slice(0, 10) : null,
        groupId: o.groupId,
        pages: d.pages.map((p) => ({ pageId: p.id, side: p.side, blank: p.blank, number: null })),
        start: null,
        end: null,
      },
    ],
  };
}

/** Orders one case's documents and AV sheets into 目录 entries with their volume part, plus the checks. */
export function orderCase(profile: BindingProfile, input: CaseBindInput, today: string): OrderedCase {
  const b = profile.binding;
  const c = input.case;
  const proc: Procedure = c.procedure;
  const po = profileOrder(profile, proc, c.id, input.documents);
  const { ordered, deviations } = applyManualOrder(c.id, po.ordered, input.manualOrder);
  const moved = new Set(deviations.map((d) => d.documentId));
  const volumeOf = (code: string) =>
    b.volumes.secondary[proc] && profile.documentKinds.find((k) => k.code === code)?.volume === 'secondary' ? 'secondary' : 'main';
  const entries = ordered.map((o) => ({
    part: volumeOf(o.doc.kind) as 'main' | 'secondary',
    entry: docEntry(profile, c, o, moved.has(o.doc.id)),
    groupId: o.groupId,
  }));

  const avGroup = b.avSheets.group[proc];
  const groups = b.order[proc];
  const avEntries = [...input.av]
    .sort((x, y) => x.recordedAt.localeCompare(y.recordedAt))
    .map((av) => ({ part: 'main' as const, entry: avEntry(profile, c, av, avGroup), groupId: avGroup }));
  let at = entries.length;
  if (b.avSheets.placement === 'group-end') {
    const last = entries.map((e) => e.groupId).lastIndexOf(avGroup);
    const gi = groups.findIndex((g) => g.id === avGroup);
    const later = entries.findIndex((e) => groups.findIndex((g) => g.id === e.groupId) > gi);
    at = last >= 0 ? last + 1 : later >= 0 ? later : entries.length;
  }
  entries.splice(at, 0, ...avEntries);

  const found: BindIssue[] = [
    ...po.issues,
    ...pageChecks(c, input.documents),
    ...requiredChecks(profile, c, input.documents),
    ...dateChecks(profile, c, input.documents),
  ];
  for (const d of deviations) {
    const doc = input.documents.find((x) => x.id === d.documentId);
    if (!d.reason && doc) found.push(issueOf.unexplainedDeviation(c.id, doc));
  }
  const due = filingDue(b.filingDeadline, c.dates.closed);
  if (today > due) found.push(issueOf.lateFiling(c.id, due, today));
  const blank = input.documents.reduce((n, d) => n + d.pages.filter((p) => p.blank).length, 0);
  if (blank > 0) found.push(issueOf.blankPages(c.id, blank));
  return { entries: entries.map(({ part, entry }) => ({ part, entry })), issues: withAcks(found, input.acknowledgements), deviations };
}

export function withAcks(found: readonly BindIssue[], acks: readonly Acknowledgement[]): BindIssue[] {
  const byKey = new Map(acks.map((a) => [a.key, a]));
  return found.map((i) => {
    const a = i.severity === 'warning' ? byKey.get(i.key) : undefined;
    return a ? { ...i, acknowledged: { reason: a.reason, by: a.by, at: a.at } } : i;
  });
}

/** What stops sealing: every error, and every warning without an acknowledged reason. */
export function sealBlockers(d: Pick<BoundDossier, 'issues'>): BindIssue[] {
  return d.issues.filter((i) => i.severity === 'error' || (i.severity === 'warning' && !i.acknowledged));
}

export function bindCase(profile: BindingProfile, input: CaseBindInput, ctx: BindContext): BoundDossier {
  const b = profile.binding;
  const c = input.case;
  const oc = orderCase(profile, input, ctx.today);
  const retention = retentionFor(b, c.procedure, c.dates.closed, extraAt(c.extra, 'retention'));
  const main = oc.entries.filter((e) => e.part === 'main').map((e) => e.entry);
  const secondary = oc.entries.filter((e) => e.part === 'secondary').map((e) => e.entry);
  const filed = c.dates.filed?.slice(0, 10) ?? '';
  const closed = c.dates.closed.slice(0, 10);
  const volumes = buildVolumes(
    profile,
    main,
    secondary,
    {
      cover: {
        caseTitle: c.title,
        caseNo: c.caseNo,
        decisionNo: c.decisionNo ?? '',
        organ: c.organ ?? '',
        unit: c.unit ?? '',
        parties: c.partyNames.join('、'),
        filedOn: filed,
        closedOn: closed,
        period: filed ? `${filed} 至 ${closed}` : closed,
        retention: retention.label,
        archiveNo: ctx.archiveNo ?? '',
        fondsNo: ctx.archiveCode?.fondsNo ?? '',
        catalogNo: ctx.archiveCode?.catalogNo ?? '',
        fileNo: ctx.archiveCode ? (ctx.archiveCode.fileNo ?? String(ctx.archiveCode.serial).padStart(b.archiveNo.serialDigits, '0')) : '',
        secrecy: typeof extraAt(c.extra, 'secrecy') === 'string' ? String(extraAt(c.extra, 'secrecy')) : '',
      },
      retentionCode: retention.code,
      issues: oc.issues,
      deviations: oc.deviations,
      countUnit: 'documents',
    },
    ctx,
  );
  const docs = input.documents.length;
  return {
    scope: 'case',
    profile: { id: profile.id, version: profile.version, name: profile.name },
    title: c.title,
    caseIds: [c.id],
    procedure: c.procedure,
    retention,
    filingDue: filingDue(b.filingDeadline, c.dates.closed),
    archiveNo: ctx.archiveNo,
    numbering: { front: b.numbering.front, back: b.numbering.back },
    volumes,
    issues: oc.issues,
    deviations: oc.deviations,
    totals: {
      documents: docs,
      avItems: input.av.length,
      pages: volumes.reduce((n, v) => n + v.pageCount, 0),
      blankPages: volumes.reduce((n, v) => n + v.blankPages, 0),
      volumes: volumes.length,
    },
    preparedOn: ctx.today,
  };
}
