import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real SQLite files, ffmpeg and Chromium: keep the two cores for two test files at a time.
    maxWorkers: 2,
    pool: 'forks',
    // The audit anchor keys of test archives go to a throwaway folder, not the user's config dir.
    // OCR results of byte-identical pictures (the demo's generated scans, rebuilt by several tests) are
    // read once per machine (src/ocr/ocr-cache.ts).
    env: { JUANZONG_KEY_DIR: path.join(tmpdir(), 'juanzong-test-keys'), JUANZONG_OCR_CACHE: path.join(tmpdir(), 'juanzong-test-ocr-cache') },
  },
});
