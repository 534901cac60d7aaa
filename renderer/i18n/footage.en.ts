import type { footageZhCN } from './footage.zh-CN.js';

/** English for the 音像 (footage) page; same keys as footage.zh-CN.ts. */
export const footageEn: Record<keyof typeof footageZhCN, string> = {
  'footage.title': 'Footage',
};
