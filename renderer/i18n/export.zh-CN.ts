/** 导出 (dossier export: PDF/A and 移交包) strings, spread into zh-CN.ts. Same keys in export.en.ts. */
export const exportZhCN = {
  'export.title': '导出',
} as const;
