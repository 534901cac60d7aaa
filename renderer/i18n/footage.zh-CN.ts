/** 音像 (body-camera footage) page strings, spread into zh-CN.ts. Same keys in footage.en.ts. */
export const footageZhCN = {
  'footage.title': '音像',
} as const;
