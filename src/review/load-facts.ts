import { AppError } from '../api/errors.js';
import type { Archive } from '../archive/archive.js';
import type { WorkCalendar } from '../domain/cn-work-calendar.js';
import { bindCase } from '../binding/bind.js';
import type { BoundDossier, CaseBindInput } from '../binding/types.js';
import { caseAvItems } from '../footage/av-items.js';
import { footageProfileOf } from '../footage/footage-profile.js';
import { requireBinding } from '../profiles/load-profile.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DocumentRepo } from '../storage/repos/document-repo.js';
import { DossierRepo } from '../storage/repos/dossier-repo.js';
import { FootageLinkRepo } from '../storage/repos/footage-link-repo.js';
import { FootageRepo } from '../storage/repos/footage-repo.js';
import type { CaseFacts, FactCase, FactOfficer } from './case-facts.js';

export interface FactSources {
  calendar: WorkCalendar;
  /** The register's view of an officer by 执法证号 (null: not registered). */
  officer: (certNo: string) => FactOfficer['registered'];
  today: string;
}

export function caseNotFound(caseId: number | string): AppError {
  return new AppError('not_found', `case ${caseId} not found`, `案件 ${caseId} 不存在`, { item: String(caseId) });
}

/** Reads one case into CaseFacts: as sealed (pages as bound in the sealed version) or as it would bind today. */
export function loadCaseFacts(archive: Archive, caseId: number, src: FactSources): CaseFacts {
  const db = archive.db;
  const cases = new CaseRepo(db);
  const r = cases.row(caseId);
  if (!r) throw caseNotFound(caseId);
  const binding = requireBinding(archive.profile);
  const docsRepo = new DocumentRepo(db);
  const docRows = docsRepo.listForCase(caseId);
  const fc: FactCase = {
    id: r.id,
    caseNo: r.caseNo,
    title: r.title,
    procedure: r.procedure,
    decisionNo: r.decisionNo,
    parties: cases.parties(caseId),
    officers: cases.officers(caseId).map((o) => ({ ...o, registered: src.officer(o.certNo) })),
    dates: {
      filed: day(r.filedOn),
      investigationConcluded: day(r.investigationConcludedOn),
      noticeServed: day(r.noticeServedOn),
      decision: day(r.decidedOn),
      served: day(r.servedOn),
      executed: day(r.executedOn),
      closed: r.closedOn.slice(0, 10),
    },
    extra: r.extra ? (JSON.parse(r.extra) as Record<string, unknown>) : null,
  };
  const pages = pageNumbers(
    archive,
    caseId,
    () => ({
      case: {
        id: r.id,
        caseNo: r.caseNo,
        title: r.title,
        procedure: r.procedure,
        decisionNo: r.decisionNo,
        organ: r.organ,
        unit: r.unit,
        partyNames: fc.parties.map((p) => p.name),
        dates: fc.dates,
        extra: fc.extra,
      },
      documents: docRows.map((d) => ({
        id: d.id,
        seq: d.seq,
        kind: d.kind,
        title: d.title,
        docNo: d.docNo,
        responsible: d.responsible,
        date: d.date,
        pages: docsRepo.pages(d.id).map((p) => ({ id: p.id, side: p.side, blank: p.blank })),
      })),
      av: caseAvItems(db, caseId),
      manualOrder: null,
      acknowledgements: [],
    }),
    binding,
    src.today,
  );
  const kinds = archive.profile.documentKinds;
  const clips = new FootageRepo(db).list({ caseId }, 10_000, 0).rows;
  const links = new FootageLinkRepo(db);
  return {
    case: fc,
    documents: docRows.map((d) => ({
      id: d.id,
      seq: d.seq,
      kind: d.kind,
      kindName: kinds.find((k) => k.code === d.kind)?.name ?? d.kind,
      title: d.title,
      docNo: d.docNo,
      date: day(d.date),
      page: pages.get(d.id) ?? null,
    })),
    clips: clips.map((c) => ({
      id: c.id,
      fileName: c.originalName,
      start: c.startLocal,
      durationSec: c.durationSec,
      activities: [
        ...new Set(
          links
            .forClip(c.id, true)
            .filter((l) => l.caseId === caseId)
            .map((l) => l.activity)
            .filter((a): a is string => a !== null),
        ),
      ],
    })),
    binding: binding.binding,
    kinds,
    checklist: footageProfileOf(archive.profile),
    calendar: src.calendar,
  };
}

function day(v: string | null): string | null {
  return v ? v.slice(0, 10) : null;
}

/** Document id → first page number: from the sealed version when the case is sealed, else bound live. */
function pageNumbers(
  archive: Archive,
  caseId: number,
  input: () => CaseBindInput,
  binding: ReturnType<typeof requireBinding>,
  today: string,
): Map<number, number | null> {
  const repo = new DossierRepo(archive.db);
  let bound: BoundDossier | null = null;
  const sealedIn = repo.sealedDossierOfCase(caseId);
  if (sealedIn !== undefined) {
    const v = [...repo.versions(sealedIn)].reverse().find((x) => x.status === 'sealed');
    const json = v ? repo.boundJson(v.id) : null;
    if (json) bound = JSON.parse(json) as BoundDossier;
  }
  if (!bound) {
    try {
      bound = bindCase(binding, input(), { preparer: null, today, checker: null, archiveNo: null, archiveCode: null });
    } catch {
      bound = null; // pages unknown: findings then name the document without a page
    }
  }
  const out = new Map<number, number | null>();
  for (const vol of bound?.volumes ?? [])
    for (const e of vol.entries)
      for (const p of e.parts) if (p.documentId !== null && (e.caseId === caseId || bound?.scope === 'case')) out.set(p.documentId, p.start);
  return out;
}
