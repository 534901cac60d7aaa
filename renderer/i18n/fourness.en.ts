import type { fournessZhCN } from './fourness.zh-CN.js';

/** Four-property check (DA/T 70) strings; the keys of fourness.zh-CN.ts. */
export const fournessEn: Record<keyof typeof fournessZhCN, string> = {
  'fourness.title': 'Four-property check (DA/T 70)',
  'fourness.passed': 'Passed',
  'fourness.failed': 'Failed',
  'fourness.summary': '{stage} · {at} · {by}: {pass} passed, {fail} failed, {na} not applicable',
  'fourness.stage.archiving': 'At sealing',
  'fourness.stage.transfer': 'Transfer package',
  'fourness.stage.preservation': 'Long-term preservation',
  'fourness.where': 'Report (四性检测报告.xml / .pdf) in: {where}',
  'fourness.failures': 'Failed items',
};
