import type { exportZhCN } from './export.zh-CN.js';

/** English for dossier export; same keys as export.zh-CN.ts. */
export const exportEn: Record<keyof typeof exportZhCN, string> = {
  'export.title': 'Export',
};
