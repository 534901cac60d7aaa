import type { default as Sharp } from 'sharp';

let loading: Promise<typeof Sharp> | null = null;

/**
 * sharp (libvips), loaded on first use: importing it costs ~0.4 s, which every CLI command and the
 * app's start-up would otherwise pay before doing anything that needs an image.
 */
export function loadSharp(): Promise<typeof Sharp> {
  loading ??= import('sharp').then((m) => m.default);
  return loading;
}
