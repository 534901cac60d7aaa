#!/usr/bin/env node
// Ingest benchmark (issue 3): builds a ≥ 2 GB set of real MP4 files and measures, in the same run on
// the same files:
//   (a) the naive way: cp -r, then sha256sum, then openssl dgst -sm3 over the copies
//   (b) the CPU floor: openssl dgst -sm3 over all files with both cores (xargs -P2)
//   (c) juanzong ingest up to "every clip copied, digested, verified and catalogued" (thumbnails are a
//       separate queued step, timed on its own), with Node's SM3 and with the hash-wasm fallback, and
//       with 2 / 1 / 0 digest worker threads
//   (d) juanzong verify (full: SHA-256 + SM3 of every object)
// Usage: node scripts/bench-ingest.mjs [--gb 2.1] [--repeat 3] [--wait-quiet] [--keep] [--out bench-ingest.json]
// With --repeat, every measurement runs that many times, interleaved; the best (least disturbed by
// other work on the machine) and the median are reported, with the other processes' CPU share.
// Targets: (c) ≤ 0.5 × (a) and ≤ 1.6 × (b); verify ≤ 1.6 × (b).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const targetBytes = Math.round(Number(opt('gb', '2.1')) * 1e9);
const keep = args.includes('--keep');
const outFile = opt('out', null);
const work = mkdtempSync(path.join(opt('dir', tmpdir()), 'jz-bench-ingest-'));
const src = path.join(work, 'camera', 'DCIM', '100MEDIA');
mkdirSync(src, { recursive: true });
const log = (s) => process.stderr.write(s + '\n');
const sh = (cmd) => execFileSync('bash', ['-c', cmd], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 }).toString();
// On a shared machine other work skews every figure: --wait-quiet waits (up to 3 min) until the CPUs
// are ≥ 90 % idle over 3 s before each measurement; the busy share just before it is recorded either way.
const waitQuiet = args.includes('--wait-quiet');
const loads = {};
const cpuTimes = () => {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
};
/** CPU ticks (user + system) of this process's finished children, from /proc/self/stat. */
const childTicks = () => {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return Number(f[13]) + Number(f[14]);
  } catch {
    return 0;
  }
};
const others = {};
const busyShare = () => {
  const a = cpuTimes();
  execFileSync('sleep', ['3']);
  const b = cpuTimes();
  if (!a || !b) return loadavg()[0] / cpus().length;
  return 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
};
const time = (label, fn) => {
  execFileSync('sync'); // no earlier step's dirty pages being written back during this one
  let busy = busyShare();
  const until = Date.now() + 180_000;
  while (waitQuiet && busy > 0.1 && Date.now() < until) busy = busyShare();
  loads[label] = +busy.toFixed(2);
  const c0 = cpuTimes();
  const own0 = childTicks();
  const t = process.hrtime.bigint();
  const r = fn();
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const c1 = cpuTimes();
  const own = childTicks() - own0;
  if (c0 && c1) {
    // CPU used during the step by everything else on the machine (share of all cores).
    const busyTicks = c1.total - c1.idle - (c0.total - c0.idle);
    others[label] = +Math.max(0, (busyTicks - own) / Math.max(1, c1.total - c0.total)).toFixed(2);
  }
  log(`  ${label}: ${s.toFixed(2)} s (other processes used ${Math.round((others[label] ?? 0) * 100)} % of the CPUs meanwhile)`);
  return { s, r };
};
const warm = () => sh(`cat ${src}/* > /dev/null`);

// ---- 1. The footage: one 20 s 720p clip with sensor-like noise (≈ 8 Mbit/s), looped with -c copy ----
log(`building ≥ ${(targetBytes / 1e9).toFixed(2)} GB of MP4 in ${work}`);
const base = path.join(work, 'base.mp4');
sh(
  `ffmpeg -v error -y -f lavfi -i "testsrc2=size=1280x720:rate=25,noise=alls=12:allf=t" -f lavfi -i "sine=frequency=500:sample_rate=48000" -t 20 ` +
    `-c:v libx264 -preset ultrafast -b:v 8M -maxrate 8M -bufsize 4M -pix_fmt yuv420p -c:a aac -b:a 64k ${base}`,
);
const baseSize = statSync(base).size;
const sizesMB = [180, 420, 260, 610, 330, 150, 520, 240]; // mixed segment lengths, as cameras split them
let total = 0;
let i = 0;
while (total < targetBytes) {
  const want = sizesMB[i % sizesMB.length] * 1e6;
  const loops = Math.max(0, Math.round(want / baseSize) - 1);
  const start = new Date(Date.UTC(2024, 10, 28, 0, 31, 5) + i * 3600_000);
  const stamp = start.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const name = `ZFY5130041_115001_${stamp}_${String(i + 1).padStart(4, '0')}.MP4`;
  sh(
    `ffmpeg -v error -y -stream_loop ${loops} -i ${base} -c copy -metadata comment=seg${i} -metadata creation_time=${start.toISOString()} ${path.join(src, name)}`,
  );
  total += statSync(path.join(src, name)).size;
  i++;
}
const files = readdirSync(src);
log(`  ${files.length} files, ${(total / 1e9).toFixed(3)} GB (${(total / 2 ** 30).toFixed(3)} GiB)`);

// ---- How juanzong is run: the built CLI when it has the footage commands, else the same commands under tsx ----
const built =
  existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js')) &&
  spawnSync(process.execPath, [path.join(root, 'bin', 'juanzong.js'), '--help'])
    .stdout.toString()
    .includes('ingest');
const password = 'bench-pass-1';
// Until the footage commands are in the built CLI, the same command modules are bundled once with
// esbuild (tsx's own dependency) so each run starts like the built CLI, not through a TypeScript loader.
// The bundle lives under node_modules/.cache so it finds the project root and its packages.
let runner = null;
function bundleRunner() {
  const dir = path.join(root, 'node_modules', '.cache', 'juanzong-bench');
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'runner-entry.ts');
  writeFileSync(
    entry,
    `import { parseArgs } from 'node:util';
import { makeIngestCommand } from ${JSON.stringify(path.join(root, 'src/cli/commands/ingest.ts'))};
import { makeVerifyCommand } from ${JSON.stringify(path.join(root, 'src/cli/commands/verify.ts'))};
import { makeFootageCommand } from ${JSON.stringify(path.join(root, 'src/cli/commands/footage.ts'))};
import { footageSession } from ${JSON.stringify(path.join(root, 'tests/footage/helpers/footage-core.ts'))};
const [name, ...rest] = process.argv.slice(2);
const cmd = ({ ingest: makeIngestCommand, verify: makeVerifyCommand, footage: makeFootageCommand } as const)[name as 'ingest'](footageSession);
const p = parseArgs({ args: rest, options: { ...cmd.options, json: { type: 'boolean' } }, allowPositionals: true });
try {
  await cmd.run({ positionals: p.positionals, values: p.values as never, json: p.values.json === true });
} catch (err) {
  process.stderr.write(String((err as { payload?: { message?: string } })?.payload?.message ?? err) + '\\n');
  process.exitCode = 1;
}
`,
  );
  const outfile = path.join(dir, 'runner.mjs');
  execFileSync(
    process.execPath,
    [
      '-e',
      `require('esbuild').buildSync({ entryPoints: [${JSON.stringify(entry)}], outfile: ${JSON.stringify(outfile)}, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' })`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  return outfile;
}
function juanzong(argv, env = {}) {
  const e = { ...process.env, JUANZONG_PASSWORD: password, ...env };
  if (built)
    return execFileSync(process.execPath, [path.join(root, 'bin', 'juanzong.js'), ...argv], { env: e, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
  runner ??= bundleRunner();
  return execFileSync(process.execPath, [runner, ...argv], { env: e, cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 }).toString();
}
function newArchive(name) {
  const dir = path.join(work, name);
  if (built)
    execFileSync(process.execPath, [path.join(root, 'bin', 'juanzong.js'), 'init', dir, '--admin', 'admin'], {
      env: { ...process.env, JUANZONG_PASSWORD: password },
    });
  return dir;
}
const footageSessionPassword = built ? password : 'secret-pass-1'; // the test harness creates admin with its own password
const runJz = (argv, env) => juanzong(argv, { ...env, JUANZONG_PASSWORD: footageSessionPassword });

const repeat = Math.max(1, Number(opt('repeat', '1')));
const results = { machine: {}, set: { files: files.length, bytes: total }, repeat, samples: {}, runs: {} };
const sample = (key, v) => (results.samples[key] ??= []).push(v);

// ---- (a) naive ----
const naive = () => {
  log('(a) cp -r, sha256sum, openssl dgst -sm3');
  warm();
  const dst = path.join(work, 'naive-copy');
  const cp = time('cp -r', () => sh(`cp -r ${path.dirname(path.dirname(src))} ${dst}`));
  const s256 = time('sha256sum', () => sh(`sha256sum ${dst}/DCIM/100MEDIA/*`));
  const sm3 = time('openssl dgst -sm3', () => sh(`openssl dgst -sm3 ${dst}/DCIM/100MEDIA/*`));
  rmSync(dst, { recursive: true, force: true });
  sample('a', {
    cp: cp.s,
    sha256sum: s256.s,
    sm3: sm3.s,
    total: cp.s + s256.s + sm3.s,
    others: [others['cp -r'], others.sha256sum, others['openssl dgst -sm3']],
  });
};

// ---- (b) floor ----
const floorRun = () => {
  log('(b) openssl dgst -sm3, xargs -P2');
  warm();
  const floor = time('sm3 -P2', () => sh(`ls ${src}/* | xargs -P2 -n1 openssl dgst -sm3`));
  sample('b', { total: floor.s, others: others['sm3 -P2'] });
};

// ---- (c) juanzong ingest ----
const ingestRun = (key, label, env) => {
  log(`(c) juanzong ingest — ${label}`);
  warm();
  rmSync(path.join(work, `archive-${key}`), { recursive: true, force: true });
  const dir = newArchive(`archive-${key}`);
  const t = time(`ingest ${label}`, () =>
    runJz(['ingest', '--archive', dir, '--user', 'admin', '--no-derive', '--json', path.dirname(path.dirname(src))], env),
  );
  const rep = JSON.parse(t.r);
  if (rep.counts.new !== files.length || rep.errors.length) throw new Error(`ingest did not catalogue every file: ${JSON.stringify(rep.counts)}`);
  log(`  ingest (operation): ${rep.seconds} s, SM3 ${rep.sm3Backend}`);
  sample(key, { process: t.s, op: rep.seconds, backend: rep.sm3Backend, others: others[`ingest ${label}`] });
  return dir;
};

// ---- (d) verify ----
const verifyRun = (dir) => {
  log('(d) juanzong verify (full, SHA-256 + SM3)');
  sh(`cat $(find ${dir}/objects -type f) > /dev/null`);
  const v = time('verify', () => runJz(['verify', '--archive', dir, '--user', 'admin', '--json'], { JUANZONG_SM3: 'node' }));
  const vr = JSON.parse(v.r);
  if (vr.problems.length) throw new Error('verify found problems');
  log(`  verify (operation): ${vr.seconds} s, ${vr.checked} objects`);
  sample('verify', { process: v.s, op: vr.seconds, objects: vr.checked, bytes: vr.bytes, others: others.verify });
};

for (let r = 0; r < repeat; r++) {
  log(`— round ${r + 1} of ${repeat}`);
  naive();
  floorRun();
  const dir = ingestRun('c', 'node SM3, 2 threads', { JUANZONG_SM3: 'node', JUANZONG_DIGEST_THREADS: '2' });
  verifyRun(dir);
  if (r === repeat - 1) {
    // Thumbnails / contact sheets: the queued background step, timed on its own.
    log('derived pictures (footage derive)');
    const derive = time('footage derive', () => runJz(['footage', 'derive', '--archive', dir, '--user', 'admin', '--json']));
    sample('derive', { total: derive.s, result: JSON.parse(derive.r) });
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(ingestRun('cHashWasm', 'hash-wasm SM3, 2 threads', { JUANZONG_SM3: 'hash-wasm', JUANZONG_DIGEST_THREADS: '2' }), { recursive: true, force: true });
  if (r === 0) {
    rmSync(ingestRun('c1', 'node SM3, 1 thread', { JUANZONG_SM3: 'node', JUANZONG_DIGEST_THREADS: '1' }), { recursive: true, force: true });
    rmSync(ingestRun('c0', 'node SM3, main thread', { JUANZONG_SM3: 'node', JUANZONG_DIGEST_THREADS: '0' }), { recursive: true, force: true });
  }
}
const best = (key, field) => Math.min(...results.samples[key].map((x) => x[field]));
const median = (key, field) => {
  const v = results.samples[key].map((x) => x[field]).sort((p, q) => p - q);
  return v[Math.floor((v.length - 1) / 2)];
};
for (const [key, field] of [
  ['a', 'total'],
  ['b', 'total'],
  ['c', 'process'],
  ['c', 'op'],
  ['cHashWasm', 'process'],
  ['cHashWasm', 'op'],
  ['c1', 'process'],
  ['c0', 'process'],
  ['verify', 'process'],
  ['verify', 'op'],
  ['derive', 'total'],
]) {
  results.runs[`${key}.${field}`] = { best: +best(key, field).toFixed(2), median: +median(key, field).toFixed(2) };
}

// ---- Machine and verdict ----
results.machine = {
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  memGiB: Math.round(totalmem() / 2 ** 30),
  freeGiB: Math.round(freemem() / 2 ** 30),
  node: process.version,
  openssl: sh('openssl version').trim(),
  ffmpeg: sh('ffmpeg -version | head -1').trim(),
  disk: sh(`df -h ${work} | tail -1`).trim(),
  cpuBusyBeforeEachStep: loads,
  otherProcessesCpuShareDuringEachStep: others,
  runner: built
    ? 'bin/juanzong.js (built)'
    : 'src/cli/commands/{ingest,verify,footage}.ts bundled with esbuild (not yet registered in the built CLI), run with plain node',
};
const a = best('a', 'total');
const b = best('b', 'total');
const c = best('c', 'process');
const v = best('verify', 'process');
results.verdict = {
  note: 'best (least disturbed) of the rounds for every measurement; process = whole `juanzong` command including start-up',
  'c/a (target ≤ 0.5)': +(c / a).toFixed(3),
  'c/b (target ≤ 1.6)': +(c / b).toFixed(3),
  'c(op)/b': +(best('c', 'op') / b).toFixed(3),
  'c hash-wasm/a': +(best('cHashWasm', 'process') / a).toFixed(3),
  'c hash-wasm/b': +(best('cHashWasm', 'process') / b).toFixed(3),
  'verify/b (target ≤ 1.6)': +(v / b).toFixed(3),
  'verify(op)/b': +(best('verify', 'op') / b).toFixed(3),
};
const out = JSON.stringify(results, null, 2);
process.stdout.write(out + '\n');
if (outFile) writeFileSync(outFile, out);
if (!keep) rmSync(work, { recursive: true, force: true });
