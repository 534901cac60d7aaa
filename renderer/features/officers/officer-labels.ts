import type { OfficerSummary } from '../../../src/api/types-officer';
import type { MessageKey } from '../../i18n/zh-CN';

/** The 今日执法资格 label key of an officer. */
export function todayKey(o: Pick<OfficerSummary, 'validToday' | 'problem'>): MessageKey {
  return o.validToday ? 'officers.valid' : `officers.problem.${o.problem ?? 'no-certificate'}`;
}
