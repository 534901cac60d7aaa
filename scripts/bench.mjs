#!/usr/bin/env node
// `npm run bench [ingest|export|retrieval|playback|fourness|ocr] [-- options]`: runs the benchmark scenarios (not part of `npm test`).
// Each scenario writes its figures and the peer tools measured in the same run; copy them, with the
// command, into docs/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCENARIOS = {
  ingest: 'bench-ingest.mjs',
  export: 'bench-export.mjs',
  retrieval: 'bench-retrieval.mjs',
  playback: 'bench-retrieval-playback.mjs',
  fourness: 'bench-fourness.mjs',
  ocr: 'bench-ocr.mjs',
};
const [first, ...rest] = process.argv.slice(2);
const chosen = first && first in SCENARIOS ? [first] : Object.keys(SCENARIOS);
const args = first && first in SCENARIOS ? rest : process.argv.slice(2);
for (const name of chosen) {
  console.log(`== bench: ${name} ==`);
  const script = fileURLToPath(new URL(SCENARIOS[name], import.meta.url));
  const r = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
