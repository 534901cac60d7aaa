#!/usr/bin/env node
/**
 * Converts the shared demo sample cases (the "cases.json" described in the samples README: caseTitle,
 * agency, officers with body-cam numbers, approvers, penalty, documents with the standard 文书 names…)
 * into Juanzong's own sample format, resources/sample/cases.json:
 *
 *   [{ "case": CaseInput, "documents": [{ kind: <profile code>, title, docNo, responsible, date, pages, body }],
 *      "bodycam": [...as in the source] }]
 *
 * Usage: node scripts/convert-samples.mjs [SOURCE_JSON] [OUTPUT_JSON]
 *   SOURCE_JSON defaults to $JUANZONG_SAMPLES_SRC or /work/shared/samples/cases.json
 *   OUTPUT_JSON defaults to resources/sample/cases.json
 *
 * Document kinds are resolved against resources/profiles/henan-township-2016.json by code, name or alias
 * (the same rule as findKind in src/domain/profile.ts); an unresolved kind becomes "QT" (其他) and is
 * reported, and the script exits with status 2 so it is not missed. tests/unit/sample-cases.test.ts
 * validates the output against caseInputSchema.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2] ?? process.env.JUANZONG_SAMPLES_SRC ?? '/work/shared/samples/cases.json';
const out = process.argv[3] ?? path.join(root, 'resources', 'sample', 'cases.json');
const profile = JSON.parse(readFileSync(path.join(root, 'resources', 'profiles', 'henan-township-2016.json'), 'utf8'));

function findKind(key) {
  const k = key.trim();
  return profile.documentKinds.find((d) => d.code === k || d.name === k || (d.aliases ?? []).includes(k));
}

/** Copies the listed keys that are present (undefined keys are left out; null is kept). */
function pick(obj, keys) {
  const o = {};
  for (const k of keys) if (obj[k] !== undefined) o[k] = obj[k];
  return o;
}

function mapParty(p) {
  if (p.type === 'person') {
    return {
      type: 'person',
      ...pick(p, ['name', 'idNumber', 'gender', 'birthDate', 'address', 'phone', 'occupation']),
      // The source gives a role only to parties who are not the 当事人 (e.g. a witness).
      role: p.role ?? '当事人',
    };
  }
  if (p.type === 'organisation') {
    // legalRepresentative is {name, idNumber} in the source; a 个体工商户 names its 经营者 (operator) instead.
    const rep = p.legalRepresentative ?? p.operator;
    return {
      type: 'organisation',
      ...pick(p, ['name', 'creditCode']),
      ...(rep ? { legalRepresentative: typeof rep === 'string' ? rep : rep.name } : {}),
      ...pick(p, ['address', 'phone']),
      role: p.role ?? '当事人',
    };
  }
  throw new Error(`unknown party type ${JSON.stringify(p.type)}`);
}

/** 执行 date: the demolition/enforcement date where given, else the day the fine was paid. */
function executedDate(c) {
  return c.dates.executed ?? c.dates.paid ?? null;
}

const unresolved = [];
const source = JSON.parse(readFileSync(src, 'utf8'));
const result = source.map((c) => {
  const d = c.dates;
  const dates = {};
  for (const k of ['filed', 'investigationConcluded', 'noticeServed', 'decision', 'served']) if (d[k]) dates[k] = d[k];
  const executed = executedDate(c);
  if (executed) dates.executed = executed;
  dates.closed = d.closed;

  const extra = {
    category: c.category,
    procedureLabel: c.procedureLabel,
    penalty: c.penalty,
    ...(c.seizure ? { seizure: c.seizure } : {}),
    ...(c.enforcement ? { enforcement: c.enforcement } : {}),
    approvers: c.approvers ?? [],
    retention: c.retention,
    allDates: c.dates,
    disclaimer: c.disclaimer,
  };

  const documents = c.documents.map((doc) => {
    const kind = findKind(doc.kind);
    if (!kind) unresolved.push(`${c.caseNo} #${doc.seq} ${doc.kind}`);
    return {
      kind: kind ? kind.code : 'QT',
      title: doc.title,
      docNo: doc.docNo ?? null,
      responsible: doc.responsible ?? null,
      date: doc.date,
      pages: doc.pages,
      body: doc.body,
    };
  });

  return {
    case: {
      caseNo: c.caseNo,
      title: c.caseTitle,
      cause: c.cause,
      procedure: c.procedure,
      decisionNo: c.decisionNo ?? null,
      source: c.source ?? null,
      organ: c.agency?.organ ?? null,
      unit: c.agency?.unit ?? null,
      parties: c.parties.map(mapParty),
      officers: c.officers.map((o) => ({ name: o.name, certNo: o.certNo, post: o.post ?? null, roles: o.roles ?? [] })),
      dates,
      extra,
    },
    documents,
    bodycam: c.bodycam ?? [],
  };
});

mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
const docs = result.reduce((n, r) => n + r.documents.length, 0);
const pages = result.reduce((n, r) => n + r.documents.reduce((m, d) => m + d.pages, 0), 0);
console.log(`wrote ${path.relative(process.cwd(), out) || out}: ${result.length} cases, ${docs} documents, ${pages} pages`);
if (unresolved.length > 0) {
  console.error(`unresolved document kinds (written as QT):\n  ${unresolved.join('\n  ')}`);
  process.exitCode = 2;
}
