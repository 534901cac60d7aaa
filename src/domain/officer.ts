/**
 * 持证上岗 (pure): an officer's 行政执法证 and status over time, and whether they could act on a day.
 * 行政处罚法 第四十二条: 行政处罚应当由具有行政执法资格的执法人员实施，不得少于两人; 行政强制法 第十八条.
 */
export const OFFICER_STATUSES = ['active', 'transferred', 'retired', 'revoked'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];
export const OFFICER_STATUS_LABELS: Record<OfficerStatus, { zh: string; en: string }> = {
  active: { zh: '在岗', en: 'On duty' },
  transferred: { zh: '调离', en: 'Transferred' },
  retired: { zh: '退休', en: 'Retired' },
  revoked: { zh: '注销', en: 'Revoked' },
};

export interface CertificatePeriod {
  certNo: string;
  issuer: string;
  /** `YYYY-MM-DD`, both days included. */
  validFrom: string;
  validTo: string;
}

export interface StatusFrom {
  status: OfficerStatus;
  /** `YYYY-MM-DD`: in force from this day until the next entry. */
  from: string;
}

export type CertificateProblem = 'unregistered' | 'no-certificate' | 'expired' | 'not-yet-valid' | 'inactive';

export type Validity =
  | { valid: true; certificate: CertificatePeriod }
  | { valid: false; problem: CertificateProblem; certificate: CertificatePeriod | null; status: OfficerStatus | null };

/** The status in force on `day` (the latest entry from on or before it), or null before the first. */
export function statusOn(statuses: readonly StatusFrom[], day: string): OfficerStatus | null {
  let s: StatusFrom | null = null;
  for (const e of statuses) if (e.from <= day && (!s || e.from >= s.from)) s = e;
  return s?.status ?? null;
}

/**
 * Whether an officer held a valid 执法证 on `day`: a certificate whose period covers the day, and
 * not 调离 / 退休 / 注销 on that day. Without a covering certificate, says whether the nearest one had
 * expired or was not yet valid.
 */
export function validityOn(reg: { certificates: readonly CertificatePeriod[]; statuses: readonly StatusFrom[] } | null, day: string): Validity {
  if (!reg) return { valid: false, problem: 'unregistered', certificate: null, status: null };
  const d = day.slice(0, 10);
  const status = statusOn(reg.statuses, d);
  const covering = reg.certificates.find((c) => c.validFrom <= d && d <= c.validTo);
  if (status && status !== 'active') return { valid: false, problem: 'inactive', certificate: covering ?? null, status };
  if (covering) return { valid: true, certificate: covering };
  const before = reg.certificates.filter((c) => c.validTo < d).sort((a, b) => b.validTo.localeCompare(a.validTo))[0];
  if (before) return { valid: false, problem: 'expired', certificate: before, status };
  const after = reg.certificates.filter((c) => c.validFrom > d).sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
  if (after) return { valid: false, problem: 'not-yet-valid', certificate: after, status };
  return { valid: false, problem: 'no-certificate', certificate: null, status };
}

/** Words for a problem, in English and Chinese, naming the officer and the day. */
export function validityText(name: string, certNo: string, day: string, v: Validity): { en: string; zh: string } {
  if (v.valid) return { en: `${name} (${certNo}) held a valid certificate on ${day}`, zh: `${name}（${certNo}）${day}持有效执法证` };
  const c = v.certificate;
  switch (v.problem) {
    case 'unregistered':
      return { en: `${name} (${certNo}) is not in the officer register`, zh: `${name}（执法证号 ${certNo}）未在执法人员名册中登记` };
    case 'no-certificate':
      return { en: `${name} (${certNo}) has no 执法证 on record`, zh: `${name}（${certNo}）名册中没有执法证记录` };
    case 'expired':
      return {
        en: `${name}'s certificate ${c?.certNo} expired on ${c?.validTo}, before ${day}`,
        zh: `${name}的执法证 ${c?.certNo} 已于 ${c?.validTo} 到期，${day}不具有执法资格`,
      };
    case 'not-yet-valid':
      return {
        en: `${name}'s certificate ${c?.certNo} is valid only from ${c?.validFrom}, after ${day}`,
        zh: `${name}的执法证 ${c?.certNo} 自 ${c?.validFrom} 起有效，${day}尚未取得执法资格`,
      };
    case 'inactive': {
      const s = v.status ? OFFICER_STATUS_LABELS[v.status] : null;
      return { en: `${name} (${certNo}) was ${s?.en.toLowerCase()} on ${day}`, zh: `${name}（${certNo}）${day}已${s?.zh}` };
    }
  }
}
