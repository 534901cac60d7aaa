import { DOMParser } from '@xmldom/xmldom';
import { FOURNESS_DIMENSION_ZH, FOURNESS_OUTCOME_ZH, FOURNESS_STAGE_ZH, type FournessReport } from '../api/types-fourness.js';
import type { PackageFingerprint } from './package-evidence.js';

export const REPORT_NAMESPACE = 'urn:juanzong:fourness-report:1';

/**
 * 四性检测报告.xml: the report for machines, in the vendor shape DOMAIN.md §5.1 describes (check time,
 * overall result, stage, one row per item with code, name, result and memo) plus what was checked,
 * the evidence and the failing items, and the package's fingerprint for a later 1-14 comparison.
 */
export function reportXml(r: FournessReport, fingerprint: PackageFingerprint | null): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<fournessReport xmlns="${REPORT_NAMESPACE}" stage="${r.stage}" stageName="${a(FOURNESS_STAGE_ZH[r.stage])}" checkedAt="${a(r.checkedAt)}"` +
      `${r.checkedBy ? ` checkedBy="${a(r.checkedBy)}"` : ''} software="${a(r.software)}" result="${r.passed ? '通过' : '未通过'}"` +
      ` pass="${r.counts.pass}" fail="${r.counts.fail}" na="${r.counts.na}" seconds="${r.seconds}">`,
    `  <target kind="${r.target.kind}">${t(r.target.label)}</target>`,
  ];
  if (fingerprint)
    out.push(
      `  <package payloadOxum="${a(fingerprint.payloadOxum)}" manifestSha256="${fingerprint.manifestSha256}" sm3ManifestSha256="${fingerprint.sm3ManifestSha256}"/>`,
    );
  for (const row of r.rows) {
    out.push(
      `  <item key="${a(row.key)}"${row.code ? ` code="${row.code}"` : ''} dimension="${a(FOURNESS_DIMENSION_ZH[row.dimension])}" result="${FOURNESS_OUTCOME_ZH[row.outcome]}">`,
      `    <name>${t(row.name)}</name>`,
      `    <checked>${t(row.checked)}</checked>`,
    );
    if (row.reason) out.push(`    <memo>${t(row.reason)}</memo>`);
    for (const e of row.evidence) out.push(`    <evidence>${t(e)}</evidence>`);
    for (const f of row.failing) out.push(`    <failing>${t(f)}</failing>`);
    out.push('  </item>');
  }
  out.push('</fournessReport>', '');
  return out.join('\n');
}

/** The fingerprint and time of a report inside a package (null when it has none or it does not parse). */
export function readFingerprint(xml: string): { fingerprint: PackageFingerprint; checkedAt: string } | null {
  let failed = false;
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({ onError: () => void (failed = true) }).parseFromString(xml, 'text/xml');
  } catch {
    return null;
  }
  const root = doc.documentElement;
  if (failed || !root || root.namespaceURI !== REPORT_NAMESPACE) return null;
  const p = root.getElementsByTagNameNS(REPORT_NAMESPACE, 'package')[0];
  if (!p) return null;
  return {
    fingerprint: {
      payloadOxum: p.getAttribute('payloadOxum') ?? '',
      manifestSha256: p.getAttribute('manifestSha256') ?? '',
      sm3ManifestSha256: p.getAttribute('sm3ManifestSha256') ?? '',
    },
    checkedAt: root.getAttribute('checkedAt') ?? '',
  };
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function t(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function a(s: string): string {
  return t(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
