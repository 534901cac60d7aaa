import { AppError } from '../api/errors.js';
import type { OfficerDetail, OfficerSummary, OfficerWarning } from '../api/types-officer.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { type OfficerStatus, OFFICER_STATUS_LABELS, validityOn, validityText } from '../domain/officer.js';
import { OfficerRepo, type OfficerRow } from '../storage/repos/officer-repo.js';
import { registrationOf } from './registration.js';

/** The officer register's use cases: list, read, enter, change, add a certificate or a status. */

export interface OfficerInput {
  certNo: string;
  name: string;
  post?: string | null | undefined;
  unit?: string | null | undefined;
  /** The first certificate, usually entered with the officer. */
  certificate?: CertificateInput | undefined;
  /** Status from a day (default 在岗 from the certificate's first day, else today). */
  status?: OfficerStatus | undefined;
  statusFrom?: string | undefined;
}

export interface CertificateInput {
  /** Defaults to the officer's 执法证号. */
  certNo?: string | undefined;
  issuer: string;
  validFrom: string;
  validTo: string;
  note?: string | null | undefined;
}

export function officerNotFound(key: string | number): AppError {
  return new AppError('not_found', `officer ${key} is not in the register`, `执法人员 ${key} 不在名册中`, { item: String(key) });
}

function badPeriod(c: CertificateInput): AppError {
  return new AppError(
    'invalid_input',
    `certificate ${c.certNo ?? ''}: valid to (${c.validTo}) is before valid from (${c.validFrom})`,
    `执法证 ${c.certNo ?? ''}：有效期止（${c.validTo}）早于有效期起（${c.validFrom}）`,
    { item: 'certificate.validTo' },
  );
}

export function officerSummary(repo: OfficerRepo, r: OfficerRow, today: string): OfficerSummary {
  const reg = registrationOf(repo, r.id);
  const v = validityOn(reg, today);
  const latest = reg.certificates[reg.certificates.length - 1] ?? null;
  const cert = v.valid ? v.certificate : (v.certificate ?? latest);
  const status = reg.statuses.length ? (reg.statuses.filter((s) => s.from <= today).at(-1)?.status ?? null) : null;
  return {
    id: r.id,
    certNo: r.certNo,
    name: r.name,
    post: r.post,
    unit: r.unit,
    registered: r.registeredAt !== null,
    status,
    certificate: cert ? { certNo: cert.certNo, issuer: cert.issuer, validFrom: cert.validFrom, validTo: cert.validTo } : null,
    validToday: v.valid,
    problem: v.valid ? null : r.registeredAt === null && reg.certificates.length === 0 ? 'unregistered' : v.problem,
    caseCount: r.caseCount,
  };
}

export function officerList(archive: Archive, today: string, query?: string): OfficerSummary[] {
  const repo = new OfficerRepo(archive.db);
  return repo.list(query).map((r) => officerSummary(repo, r, today));
}

export function officerGet(archive: Archive, key: { id: number } | { certNo: string }, today: string): OfficerDetail {
  const repo = new OfficerRepo(archive.db);
  const r = 'id' in key ? repo.byId(key.id) : repo.byCertNo(key.certNo);
  if (!r) throw officerNotFound('id' in key ? key.id : key.certNo);
  return {
    ...officerSummary(repo, r, today),
    certificates: repo.certificates(r.id).map(({ officerId: _o, ...c }) => c),
    statusHistory: repo.statuses(r.id).map(({ officerId: _o, ...s }) => s),
    registeredAt: r.registeredAt,
    registeredBy: r.registeredBy,
  };
}

/** Enters an officer (or one known only from cases) with an optional first certificate and status. */
export function officerCreate(archive: Archive, user: UserInfo, input: OfficerInput, today: string): OfficerDetail {
  const repo = new OfficerRepo(archive.db);
  const now = archive.clock.now().toISOString();
  if (input.certificate && input.certificate.validTo < input.certificate.validFrom) throw badPeriod(input.certificate);
  const id = change(archive, user, () => {
    const existing = repo.byCertNo(input.certNo);
    if (existing && existing.registeredAt !== null)
      throw new AppError('duplicate', `officer ${input.certNo} is already in the register`, `执法证号 ${input.certNo} 已登记在名册中`, { item: input.certNo });
    const fields = { name: input.name, post: input.post ?? null, unit: input.unit ?? null, by: user.id, now };
    let officerId: number;
    if (existing) {
      officerId = existing.id;
      repo.register(officerId, fields);
    } else officerId = repo.insert({ certNo: input.certNo, ...fields });
    const audit = [{ action: 'officer.create', targetType: 'officer', targetId: officerId, after: input, detail: { certNo: input.certNo, name: input.name } }];
    if (input.certificate) {
      const c = input.certificate;
      repo.addCertificate({
        officerId,
        certNo: c.certNo ?? input.certNo,
        issuer: c.issuer,
        validFrom: c.validFrom,
        validTo: c.validTo,
        note: c.note ?? null,
        by: user.id,
        now,
      });
    }
    const status = input.status ?? 'active';
    const from = input.statusFrom ?? input.certificate?.validFrom ?? today;
    repo.addStatus({ officerId, status, from, reason: null, by: user.id, now });
    return { value: officerId, audit };
  });
  return officerGet(archive, { id }, today);
}

export interface OfficerUpdate {
  id: number;
  name?: string | undefined;
  post?: string | null | undefined;
  unit?: string | null | undefined;
  /** A new status from a day, with the reason (调离 / 退休 / 注销 / back 在岗). */
  status?: { status: OfficerStatus; from: string; reason: string } | undefined;
}

export function officerUpdate(archive: Archive, user: UserInfo, u: OfficerUpdate, today: string): OfficerDetail {
  const repo = new OfficerRepo(archive.db);
  const now = archive.clock.now().toISOString();
  change(archive, user, () => {
    const r = repo.byId(u.id);
    if (!r) throw officerNotFound(u.id);
    const before = { name: r.name, post: r.post, unit: r.unit };
    const after = { name: u.name ?? r.name, post: u.post === undefined ? r.post : u.post, unit: u.unit === undefined ? r.unit : u.unit };
    const audit = [];
    if (after.name !== before.name || after.post !== before.post || after.unit !== before.unit) {
      repo.update(u.id, after);
      audit.push({ action: 'officer.update', targetType: 'officer', targetId: u.id, before, after, detail: { certNo: r.certNo } });
    }
    if (u.status) {
      repo.addStatus({ officerId: u.id, status: u.status.status, from: u.status.from, reason: u.status.reason, by: user.id, now });
      audit.push({
        action: 'officer.status',
        targetType: 'officer',
        targetId: u.id,
        after: u.status,
        detail: { certNo: r.certNo, status: OFFICER_STATUS_LABELS[u.status.status].zh, from: u.status.from },
      });
    }
    return { value: null, audit };
  });
  return officerGet(archive, { id: u.id }, today);
}

export function certificateAdd(archive: Archive, user: UserInfo, officerId: number, c: CertificateInput, today: string): OfficerDetail {
  if (c.validTo < c.validFrom) throw badPeriod(c);
  const repo = new OfficerRepo(archive.db);
  const now = archive.clock.now().toISOString();
  change(archive, user, () => {
    const r = repo.byId(officerId);
    if (!r) throw officerNotFound(officerId);
    const certNo = c.certNo ?? r.certNo;
    const clash = repo.certificates(officerId).find((x) => x.certNo === certNo && x.validFrom <= c.validTo && c.validFrom <= x.validTo);
    if (clash)
      throw new AppError(
        'duplicate',
        `certificate ${certNo} of ${r.name} overlaps one already entered (${clash.validFrom} to ${clash.validTo})`,
        `${r.name}的执法证 ${certNo} 与已登记的有效期（${clash.validFrom} 至 ${clash.validTo}）重叠`,
        { item: certNo },
      );
    const id = repo.addCertificate({ officerId, certNo, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo, note: c.note ?? null, by: user.id, now });
    return {
      value: id,
      audit: [
        { action: 'officer.certificate.add', targetType: 'officer', targetId: officerId, after: { ...c, certNo }, detail: { certNo, validTo: c.validTo } },
      ],
    };
  });
  return officerGet(archive, { id: officerId }, today);
}

/**
 * Warnings for the officers a case form names: not in the register, no certificate, or none valid on
 * the day (the case's 立案 date, else its 结案 date, else today). The form shows them; nothing is refused.
 */
export function officerCheckCase(archive: Archive, officers: readonly { name: string; certNo: string }[], day: string): OfficerWarning[] {
  const repo = new OfficerRepo(archive.db);
  const out: OfficerWarning[] = [];
  for (const o of officers) {
    const r = repo.byCertNo(o.certNo.trim());
    const reg = r && (r.registeredAt !== null || repo.certificates(r.id).length) ? registrationOf(repo, r.id) : null;
    const v = validityOn(reg, day);
    if (v.valid) continue;
    const t = validityText(o.name, o.certNo, day, v);
    out.push({ certNo: o.certNo, name: o.name, day, problem: v.problem, message: t.en, messageZh: t.zh });
  }
  return out;
}
