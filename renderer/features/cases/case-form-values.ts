import dayjs, { type Dayjs } from 'dayjs';
import type { OpInput } from '../../../src/api/contract.js';
import type { CaseDetail } from '../../../src/api/types.js';
import type { CaseDateKey, Procedure } from '../../../src/domain/case.js';

/** The case form's values: CaseInput with dayjs dates and loosely filled rows. */
export const DATE_KEYS = [
  'filed',
  'investigationConcluded',
  'noticeServed',
  'decision',
  'served',
  'executed',
  'closed',
] as const satisfies readonly CaseDateKey[];

export interface PartyValues {
  type: 'person' | 'organisation';
  name?: string;
  idNumber?: string | null;
  creditCode?: string | null;
  gender?: string | null;
  legalRepresentative?: string | null;
  address?: string | null;
  phone?: string | null;
  /** Kept from an existing case, not edited here. */
  birthDate?: string | null;
  occupation?: string | null;
  role?: string | null;
}

export interface OfficerValues {
  name?: string;
  certNo?: string;
  post?: string | null;
  roles?: string[];
}

export interface CaseFormValues {
  caseNo?: string;
  title?: string;
  cause?: string;
  procedure?: Procedure;
  decisionNo?: string | null;
  source?: string | null;
  organ?: string | null;
  unit?: string | null;
  parties: PartyValues[];
  officers: OfficerValues[];
  dates: Partial<Record<CaseDateKey, Dayjs | null>>;
}

export type CaseInputValue = OpInput<'case.create'>;

export function emptyCaseForm(): CaseFormValues {
  // 行政处罚法 第42条: at least two officers, so start with two rows.
  return { procedure: 'general', parties: [{ type: 'person' }], officers: [{ roles: [] }, { roles: [] }], dates: {} };
}

export function caseToForm(c: CaseDetail): CaseFormValues {
  const dates: CaseFormValues['dates'] = {};
  for (const k of DATE_KEYS) {
    const v = c.dates[k];
    dates[k] = v ? dayjs(v, 'YYYY-MM-DD') : null;
  }
  return {
    caseNo: c.caseNo,
    title: c.title,
    cause: c.cause,
    procedure: c.procedure,
    decisionNo: c.decisionNo,
    source: c.source,
    organ: c.organ,
    unit: c.unit,
    parties: c.parties.map((p) => ({ ...p })),
    officers: c.officers.map((o) => ({ ...o, roles: [...o.roles] })),
    dates,
  };
}

const text = (v: string | null | undefined): string => (v ?? '').trim();
const opt = (v: string | null | undefined): string | null => {
  const s = text(v);
  return s === '' ? null : s;
};

/** Builds the contract input from validated form values (`extra` is carried over unchanged). */
export function formToCaseInput(v: CaseFormValues, extra: Record<string, unknown> | null = null): CaseInputValue {
  const dates: Record<string, string | null> = {};
  for (const k of DATE_KEYS) {
    const d = v.dates?.[k];
    dates[k] = d ? d.format('YYYY-MM-DD') : null;
  }
  return {
    caseNo: text(v.caseNo),
    title: text(v.title),
    cause: text(v.cause),
    procedure: v.procedure ?? 'general',
    decisionNo: opt(v.decisionNo),
    source: opt(v.source),
    organ: opt(v.organ),
    unit: opt(v.unit),
    parties: (v.parties ?? []).map((p) =>
      p.type === 'organisation'
        ? {
            type: 'organisation' as const,
            name: text(p.name),
            creditCode: opt(p.creditCode)?.toUpperCase() ?? null,
            legalRepresentative: opt(p.legalRepresentative),
            address: opt(p.address),
            phone: opt(p.phone),
            role: opt(p.role),
          }
        : {
            type: 'person' as const,
            name: text(p.name),
            idNumber: opt(p.idNumber)?.toUpperCase() ?? null,
            gender: opt(p.gender),
            birthDate: opt(p.birthDate),
            address: opt(p.address),
            phone: opt(p.phone),
            occupation: opt(p.occupation),
            role: opt(p.role),
          },
    ),
    officers: (v.officers ?? []).map((o) => ({
      name: text(o.name),
      certNo: text(o.certNo),
      post: opt(o.post),
      roles: (o.roles ?? []).map((r) => r.trim()).filter(Boolean),
    })),
    dates: { ...dates, closed: dates.closed ?? '' },
    extra,
  };
}

export interface FieldIssue {
  name: (string | number)[];
  message: string;
  messageZh: string;
}

/** Reads `invalid_input` details ({path, message, messageZh}[]) into form field paths. */
export function fieldIssues(details: unknown, prefix?: string): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  const out: FieldIssue[] = [];
  for (const d of details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { path, message, messageZh } = d as { path?: unknown; message?: unknown; messageZh?: unknown };
    let name: (string | number)[] = [];
    if (Array.isArray(path)) name = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    else if (typeof path === 'string')
      name = path
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (prefix && name[0] === prefix) name = name.slice(1);
    out.push({ name, message: typeof message === 'string' ? message : '', messageZh: typeof messageZh === 'string' ? messageZh : String(message ?? '') });
  }
  return out;
}
