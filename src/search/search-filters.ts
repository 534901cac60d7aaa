import type { SearchQueryInput } from '../api/contract-search.js';
import { AppError } from '../api/errors.js';
import { SEARCH_KINDS, type SearchKind } from '../api/types-search.js';
import { findActivity, type FootageProfile } from '../profiles/footage-section.js';
import { parseDateTime, zoned } from '../footage/local-time.js';
import type { SearchFilterSql, SearchRepo } from '../storage/repos/search-repo.js';

/** Which kinds each filter can say something about; a kind a set filter does not apply to is left out. */
const APPLIES: Record<keyof Omit<SearchFilterSql, 'fromDate' | 'toDate' | 'toUtc' | 'officerId'> | 'certNo', readonly SearchKind[]> = {
  fromUtc: ['case', 'clip', 'document'],
  certNo: ['case', 'clip', 'document', 'officer'],
  deviceSerial: ['clip', 'device'],
  activity: ['clip'],
  status: ['case', 'clip', 'document'],
  linked: ['clip'],
};

export interface ResolvedFilters {
  sql: SearchFilterSql;
  kinds: SearchKind[];
  any: boolean;
}

function instant(s: string, tz: string, what: 'from' | 'to'): Date {
  const d = parseDateTime(s, tz);
  if (!d) throw new AppError('invalid_input', `${what}: ${s} is not a date`, `${what === 'from' ? '起始时间' : '截止时间'}：${s} 不是有效日期`, { item: what });
  return d;
}

/**
 * Turns the user's filters into catalogue terms: times in the archive's zone to UTC (a date-only
 * `to` includes that whole day), the officer's 执法证号 to their id (unknown: an error naming it),
 * an activity code to its checklist name (the checklist is read only when an activity is asked for).
 */
export function resolveFilters(input: SearchQueryInput, repo: SearchRepo, tz: string, checklist: () => FootageProfile): ResolvedFilters {
  const sql: SearchFilterSql = {};
  let kinds: SearchKind[] = input.kinds ? [...new Set(input.kinds)] : [...SEARCH_KINDS];
  const only = (k: readonly SearchKind[]) => (kinds = kinds.filter((x) => k.includes(x)));
  if (input.from !== undefined || input.to !== undefined) {
    const from = input.from !== undefined ? instant(input.from, tz, 'from') : null;
    let to = input.to !== undefined ? instant(input.to, tz, 'to') : null;
    if (to && input.to !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(input.to.trim())) to = new Date(to.getTime() + 86_400_000);
    if (from && to && to <= from)
      throw new AppError('invalid_input', `to (${input.to}) is not after from (${input.from})`, `截止时间 ${input.to} 不晚于起始时间 ${input.from}`, {
        item: 'to',
      });
    if (from) {
      sql.fromUtc = zoned(from, 'UTC').utc;
      sql.fromDate = zoned(from, tz).local.slice(0, 10);
    }
    if (to) {
      sql.toUtc = zoned(to, 'UTC').utc;
      sql.toDate = zoned(new Date(to.getTime() - 1000), tz).local.slice(0, 10);
    }
    only(APPLIES.fromUtc);
  }
  if (input.certNo !== undefined) {
    const id = repo.officerIdByCertNo(input.certNo);
    if (id === undefined)
      throw new AppError('not_found', `no officer with 执法证号 ${input.certNo}`, `执法证号 ${input.certNo} 对应的执法人员不存在`, { item: input.certNo });
    sql.officerId = id;
    only(APPLIES.certNo);
  }
  if (input.deviceSerial !== undefined) {
    sql.deviceSerial = input.deviceSerial;
    only(APPLIES.deviceSerial);
  }
  if (input.activity !== undefined) {
    sql.activity = findActivity(checklist(), input.activity)?.name ?? input.activity;
    only(APPLIES.activity);
  }
  if (input.status !== undefined) {
    sql.status = input.status;
    only(APPLIES.status);
  }
  if (input.linked !== undefined) {
    sql.linked = input.linked;
    only(APPLIES.linked);
  }
  const any = Object.keys(sql).length > 0;
  return { sql, kinds, any };
}
