#!/usr/bin/env node
// The CLI entry: the compiled core (npm install runs the build through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('juanzong: not built yet — run `npm install` (or `npm run build`) first / 尚未构建，请先运行 npm install\n');
  process.exit(2);
}
await import(main.href);
