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
  },
});
