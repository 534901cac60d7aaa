import type { OfficerSummary } from '../../../src/api/types-officer';
import type { CertificateProblem } from '../../../src/domain/officer';
import type { MessageKey } from '../../i18n/zh-CN';

const PROBLEM_KEYS: Record<CertificateProblem, MessageKey> = {
  unregistered: 'officers.problem.unregistered',
  'no-certificate': 'officers.problem.noCertificate',
  expired: 'officers.problem.expired',
  'not-yet-valid': 'officers.problem.notYetValid',
  inactive: 'officers.problem.inactive',
};

/** The 今日执法资格 label key of an officer. */
export function todayKey(o: Pick<OfficerSummary, 'validToday' | 'problem'>): MessageKey {
  return o.validToday ? 'officers.valid' : PROBLEM_KEYS[o.problem ?? 'no-certificate'];
}
