/**
 * Bad input the issue names: a date missing from a document a rule needs. Each rule then says it
 * could not decide and why (an 'undecided' finding pinned to the document) — never a silent pass.
 * (The other rules' undecided cases sit beside their pass/fail cases in deadlines/procedure.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { hearingNotice7WorkingDays, hearingRequestWindow } from '../../../src/review/rules/deadline-working-days.js';
import { announcementBeforeDemolition, reminderBeforeEnforcement } from '../../../src/review/rules/enforcement.js';
import { twoOfficers } from '../../../src/review/rules/officers.js';
import { collectiveDiscussion, legalReview } from '../../../src/review/rules/procedure.js';
import type { Rule } from '../../../src/review/rules/rule.js';
import { facts, outcomes, run, type Spec } from './facts.js';

const CASES: { rule: Rule; spec: Spec; missing: string }[] = [
  {
    rule: hearingRequestWindow,
    spec: {
      docs: [
        ['TZGZ', null],
        ['CFJDS', '2024-03-20'],
      ],
    },
    missing: 'TZGZ',
  },
  {
    rule: hearingNotice7WorkingDays,
    spec: {
      docs: [
        ['TZTZ', null],
        ['TZBL', '2024-10-12'],
      ],
    },
    missing: 'TZTZ',
  },
  {
    rule: reminderBeforeEnforcement,
    spec: {
      docs: [
        ['CGS', null],
        ['QZJD', '2024-11-14'],
      ],
    },
    missing: 'CGS',
  },
  {
    rule: announcementBeforeDemolition,
    spec: {
      dates: { served: '2024-04-26' },
      docs: [
        ['XQCC', '2024-04-26'],
        ['QCGG', null],
        ['QCBL', '2024-11-28'],
      ],
    },
    missing: 'QCGG',
  },
  { rule: twoOfficers, spec: { docs: [['XWBL', null]] }, missing: 'XWBL' },
  {
    rule: legalReview,
    spec: {
      docs: [
        ['TZBL', '2025-03-01'],
        ['FZSH', null],
        ['CFJDS', '2025-03-10'],
      ],
    },
    missing: 'FZSH',
  },
  {
    rule: collectiveDiscussion,
    spec: {
      docs: [
        ['JTTL', null],
        ['CFJDS', '2025-03-10'],
      ],
      extra: { major: true },
    },
    missing: 'JTTL',
  },
];

describe('a date missing from a document a rule needs: "cannot decide", with the reason and the place', () => {
  for (const c of CASES)
    it(`${c.rule.id}: ${c.missing} without a date`, () => {
      const f = facts(c.spec);
      const found = run(c.rule, f);
      expect(found.length, outcomes(found).join(' | ')).toBeGreaterThan(0);
      expect(
        found.every((x) => x.outcome === 'undecided'),
        outcomes(found).join(' | '),
      ).toBe(true);
      const undated = f.documents.find((d) => d.kind === c.missing)!;
      expect(
        found.some((x) => x.places.some((p) => p.kind === 'document' && p.documentId === undated.id)),
        JSON.stringify(found.map((x) => x.places)),
      ).toBe(true);
      expect(
        found.every((x) => /日期|date/.test(`${x.titleZh}${x.detailZh}`)),
        outcomes(found).join(' | '),
      ).toBe(true);
    });
});
