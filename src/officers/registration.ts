import type { CertificatePeriod, StatusFrom } from '../domain/officer.js';
import type { OfficerRepo } from '../storage/repos/officer-repo.js';

/** An officer's certificates and status history, as the validity rule reads them. */
export function registrationOf(repo: OfficerRepo, officerId: number): { certificates: CertificatePeriod[]; statuses: StatusFrom[] } {
  return {
    certificates: repo.certificates(officerId).map((c) => ({ certNo: c.certNo, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo })),
    statuses: repo.statuses(officerId).map((s) => ({ status: s.status, from: s.from })),
  };
}

/** The register's view by 执法证号 for the review rules: null when the officer was never entered in the register. */
export function registrationByCertNo(repo: OfficerRepo, certNo: string): { certificates: CertificatePeriod[]; statuses: StatusFrom[] } | null {
  const r = repo.byCertNo(certNo);
  if (!r) return null;
  const reg = registrationOf(repo, r.id);
  if (r.registeredAt === null && reg.certificates.length === 0 && reg.statuses.length === 0) return null;
  return reg;
}
