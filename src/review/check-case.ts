import type { RuleInfo } from '../api/types-review-check.js';
import type { Archive } from '../archive/archive.js';
import { archiveTimeZone } from '../domain/archive-time.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { archiveCalendar } from '../calendar/archive-calendar.js';
import type { CaseFacts } from './case-facts.js';
import type { CheckReport, Finding } from '../domain/review-finding.js';
import { caseNotFound, loadCaseFacts } from './load-facts.js';
import { registrationByCertNo } from '../officers/registration.js';
import { OfficerRepo } from '../storage/repos/officer-repo.js';
import { RULES, type Rule } from './rules/index.js';

export interface CheckOptions {
  resourcesDir: string;
  now: Date;
}

/** Runs every rule over pre-built facts (pure). A rule that throws is reported as undecided, never dropped. */
export function runRules(facts: CaseFacts, rules: readonly Rule[] = RULES): CheckReport {
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      findings.push(...rule.check(facts));
    } catch (e) {
      findings.push({
        ruleId: rule.id,
        category: rule.category,
        outcome: 'undecided',
        title: `${rule.name}: the check could not run`,
        titleZh: `${rule.nameZh}：无法完成检查`,
        detail: (e as Error).message,
        detailZh: `检查出错：${(e as Error).message}`,
        basis: rule.basis,
        places: [{ kind: 'case' }],
      });
    }
  }
  return { caseId: facts.case.id, caseNo: facts.case.caseNo, checked: rules.map((r) => r.id), findings };
}

/** The automatic findings for one case, from the catalogue as it is now. */
export function checkCase(archive: Archive, caseId: number, opts: CheckOptions): CheckReport {
  const officers = new OfficerRepo(archive.db);
  const facts = loadCaseFacts(archive, caseId, {
    calendar: archiveCalendar(archive, opts.resourcesDir),
    officer: (certNo) => registrationByCertNo(officers, certNo),
    today: localDay(archive, opts.now),
  });
  return runRules(facts);
}

/** checkCase by id or 案号 (the op and the CLI take either). */
export function checkCaseByKey(archive: Archive, key: { caseId: number } | { caseNo: string }, opts: CheckOptions): CheckReport {
  const id = 'caseId' in key ? key.caseId : new CaseRepo(archive.db).idByCaseNo(key.caseNo);
  if (id === undefined) throw caseNotFound('caseNo' in key ? key.caseNo : '');
  return checkCase(archive, id, opts);
}

export function ruleInfos(): RuleInfo[] {
  return RULES.map((r) => ({ id: r.id, category: r.category, name: r.name, nameZh: r.nameZh, basis: r.basis }));
}

/** `YYYY-MM-DD` of `now` in the archive's time zone. */
export function localDay(archive: Archive, now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: archiveTimeZone(archive.meta), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
