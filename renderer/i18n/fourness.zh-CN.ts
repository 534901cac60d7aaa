/** 四性检测 (DA/T 70) strings, spread into zh-CN.ts. Same keys in fourness.en.ts. */
export const fournessZhCN = {
  'fourness.title': '四性检测',
  'fourness.passed': '通过',
  'fourness.failed': '未通过',
  'fourness.summary': '{stage} · {at} · {by}：通过 {pass} 项，未通过 {fail} 项，不适用 {na} 项',
  'fourness.stage.archiving': '归档环节',
  'fourness.stage.transfer': '移交接收环节',
  'fourness.stage.preservation': '长期保存环节',
  'fourness.where': '检测报告（四性检测报告.xml / .pdf）在：{where}',
  'fourness.failures': '未通过的项目',
};
