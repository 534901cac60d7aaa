import type { CertificateProblem, OfficerStatus } from '../domain/officer.js';

/** DTOs of the officer register (持证上岗). */
export interface OfficerCertificateInfo {
  id: number;
  certNo: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface OfficerStatusEntry {
  id: number;
  status: OfficerStatus;
  from: string;
  reason: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface OfficerSummary {
  id: number;
  /** 执法证号 the officer is known by (the cases name it). */
  certNo: string;
  name: string;
  post: string | null;
  unit: string | null;
  /** False: known only because a case names them; not entered in the register. */
  registered: boolean;
  /** Status today (null: none recorded). */
  status: OfficerStatus | null;
  /** The certificate valid today, else the latest one. */
  certificate: { certNo: string; issuer: string; validFrom: string; validTo: string } | null;
  /** Valid today: a covering certificate and 在岗. */
  validToday: boolean;
  problem: CertificateProblem | null;
  caseCount: number;
}

export interface OfficerDetail extends OfficerSummary {
  certificates: OfficerCertificateInfo[];
  statusHistory: OfficerStatusEntry[];
  registeredAt: string | null;
  registeredBy: string | null;
}

/** A warning about an officer named on a case (the case form shows these). */
export interface OfficerWarning {
  certNo: string;
  name: string;
  /** The day checked (the case's 立案 date, else its 结案 date, else today). */
  day: string;
  problem: CertificateProblem;
  message: string;
  messageZh: string;
}
