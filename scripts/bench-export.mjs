#!/usr/bin/env node
// Export benchmark (issue 5): N A4 300-dpi JPEG scan pages made at run time, then in the same run on the
// same images:
//   (a) img2pdf (JPEG passthrough, no PDF/A)                                   — the speed/size floor
//   (b) ocrmypdf --output-type pdfa --skip-text --tesseract-timeout 0 on (a)  — the image → PDF/A path
//   (c) Juanzong's writer: one PDF/A-2b volume (cover, 目录, the N scans numbered, 备考表), fsynced,
//       read back (own parser + pdfinfo/pdffonts) before "success"
//   (d) memory in page count: one 200-page volume vs 1,000 pages as five 200-page volumes, one process
// Each Juanzong run is a child process under /usr/bin/time -v (peak RSS) that also reports
// process.resourceUsage().maxRSS and its own phase timings.
// Usage: node scripts/bench-export.mjs [--pages 300] [--dir /tmp] [--scans DIR (reuse)] [--keep] [--out bench-export.json] [--skip-ocrmypdf]
// Targets: (c) time ≤ 1.5 × (a) and ≤ 0.3 × (b); size ≤ 1.05 × (a); RSS ≤ 400 MB; (d) 1,000 ≤ 1.15 × 200.
import { Buffer } from 'node:buffer';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const log = (s) => process.stderr.write(`${s}\n`);

// ------------------------------------------------------------------------------------------------
async function main() {
  const pages = Number(opt('pages', '300'));
  const keep = args.includes('--keep');
  const work = mkdtempSync(path.join(opt('dir', tmpdir()), 'jz-bench-export-'));
  const scans = opt('scans', path.join(work, 'scans'));
  const out = path.join(work, 'out');
  mkdirSync(out, { recursive: true });
  const pool = Math.max(pages, 300);
  log(`generating ${pool} A4 300-dpi JPEG scans in ${scans} …`);
  const files = await generateScans(scans, pool);
  const scanBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  log(`  ${(scanBytes / 1e6).toFixed(0)} MB, ${(scanBytes / pool / 1e6).toFixed(2)} MB a page`);
  const first = files.slice(0, pages);
  log(`work folder: ${work}`);
  const result = { machine: machine(), pages, scanMB: +((first.reduce((n, f) => n + statSync(f).size, 0)) / 1e6).toFixed(1), runs: {} };

  dropCaches(first);
  result.runs.img2pdf = timed('img2pdf', ['img2pdf', '-o', path.join(out, 'img2pdf.pdf'), ...first], path.join(out, 'img2pdf.pdf'));
  if (!args.includes('--skip-ocrmypdf') && has('ocrmypdf')) {
    result.runs.ocrmypdf = timed(
      'ocrmypdf',
      ['ocrmypdf', '--output-type', 'pdfa', '--skip-text', '--tesseract-timeout', '0', '--optimize', '0', '-q', path.join(out, 'img2pdf.pdf'), path.join(out, 'ocrmypdf.pdf')],
      path.join(out, 'ocrmypdf.pdf'),
    );
    result.runs.ocrmypdf.pipelineSeconds = +(result.runs.ocrmypdf.seconds + result.runs.img2pdf.seconds).toFixed(2);
  } else {
    result.runs.ocrmypdf = { skipped: has('ocrmypdf') ? '--skip-ocrmypdf' : 'ocrmypdf not installed (apt-get install -y ocrmypdf)' };
  }
  dropCaches(first);
  result.runner = (await bundle()) ? 'src/pdf compiled with esbuild (plain JS, as shipped)' : 'src/pdf under tsx';
  result.runs.juanzong = juanzong('juanzong', { files: first, volumes: 1, out });
  const floor = juanzong('juanzong-baseline', { files: [], volumes: 0, out });
  result.runs.baseline = floor;
  result.runs.juanzong200 = juanzong('juanzong-200', { files: cycle(files, 200), volumes: 1, out });
  result.runs.juanzong1000 = juanzong('juanzong-1000x5', { files: cycle(files, 1000), volumes: 5, out });

  const a = result.runs.img2pdf;
  const c = result.runs.juanzong;
  const b = result.runs.ocrmypdf;
  result.ratios = {
    timeVsImg2pdf: +(c.seconds / a.seconds).toFixed(2),
    timeVsOcrmypdf: b.seconds ? +(c.seconds / b.seconds).toFixed(3) : null,
    timeVsOcrmypdfPipeline: b.pipelineSeconds ? +(c.seconds / b.pipelineSeconds).toFixed(3) : null,
    sizeVsImg2pdf: +(c.bytes / a.bytes).toFixed(4),
    rss1000vs200: +(result.runs.juanzong1000.maxRssMB / result.runs.juanzong200.maxRssMB).toFixed(3),
  };
  result.targets = {
    'time ≤ 1.5 × img2pdf': result.ratios.timeVsImg2pdf <= 1.5,
    'time ≤ 0.3 × ocrmypdf': result.ratios.timeVsOcrmypdf === null ? null : result.ratios.timeVsOcrmypdf <= 0.3,
    'size ≤ 1.05 × img2pdf': result.ratios.sizeVsImg2pdf <= 1.05,
    'RSS ≤ 400 MB (300 pages)': c.maxRssMB <= 400,
    'RSS 1,000 ≤ 1.15 × 200': result.ratios.rss1000vs200 <= 1.15,
  };
  const json = JSON.stringify(result, null, 2);
  process.stdout.write(`${json}\n`);
  const outFile = opt('out', null);
  if (outFile) writeFileSync(outFile, json);
  if (!keep) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

function juanzong(name, o) {
  const spec = { files: o.files, volumes: o.volumes, out: path.join(o.out, name) };
  const specFile = path.join(o.out, `${name}.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  const busy = busyShare();
  log(`${name}: ${o.files.length} pages in ${o.volumes} volume(s) (CPU busy with other work: ${(busy * 100).toFixed(0)} %) …`);
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...loaderArgs(), fileURLToPath(import.meta.url), '--child', specFile], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, ...(bundled ? { JZ_BENCH_BUNDLE: bundled } : {}) },
  });
  if (r.status !== 0) throw new Error(`${name} failed:\n${r.stderr}`);
  const report = JSON.parse(r.stdout.trim().split('\n').pop());
  const t = parseTime(r.stderr);
  log(`  ${t.wallSeconds}s (${report.seconds}s inside the child), ${(report.bytes / 1e6).toFixed(1)} MB, peak RSS ${t.maxRssMB} MB`);
  // seconds: wall clock of the whole child process (Node start, module load, font parse included), like
  // the other tools' figures; insideSeconds: from the writer's first call to its last return.
  return { ...report, insideSeconds: report.seconds, ...t, seconds: t.wallSeconds ?? report.seconds, busyBefore: +busy.toFixed(2) };
}

/**
 * How the child loads the writer: compiled to plain JavaScript first (esbuild, which tsx brings), as
 * the shipped app runs it — tsx would add its own ~50 MB to every RSS figure. Falls back to tsx.
 */
let bundled = null;
async function bundle() {
  if (bundled !== null) return bundled;
  try {
    const { build } = await import('esbuild');
    const outdir = path.join(root, 'tmp', 'bench-export-bundle');
    await build({
      entryPoints: { 'write-volume': path.join(root, 'src/pdf/write-volume.ts'), 'sheet-document': path.join(root, 'src/pdf/sheet-document.ts') },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outdir,
      outExtension: { '.js': '.mjs' },
      target: 'node20',
      logLevel: 'warning',
    });
    bundled = outdir;
  } catch (e) {
    log(`esbuild unavailable (${e.message}); running the TypeScript sources under tsx`);
    bundled = '';
  }
  return bundled;
}
function loaderArgs() {
  return bundled ? [] : ['--import', 'tsx'];
}
function modulePath(name) {
  return process.env.JZ_BENCH_BUNDLE ? path.join(process.env.JZ_BENCH_BUNDLE, `${name}.mjs`) : path.join(root, `src/pdf/${name}.ts`);
}

/** The child: writes the volumes with the library and prints one JSON line. */
async function child(specFile) {
  const spec = JSON.parse(readFileSync(specFile, 'utf8'));
  const { writeVolumePdf } = await import(modulePath('write-volume'));
  const t0 = performance.now();
  const per = spec.volumes ? Math.ceil(spec.files.length / spec.volumes) : 0;
  const phases = [];
  let bytes = 0;
  let pages = 0;
  const rssAfter = [];
  for (let v = 0; v < spec.volumes; v++) {
    const files = spec.files.slice(v * per, (v + 1) * per);
    const vol = volume(files, v);
    const t = performance.now();
    const w = await writeVolumePdf(vol, { out: path.join(spec.out, `volume-${v + 1}.pdf`) });
    phases.push({ volume: v + 1, pages: w.pages, seconds: +((performance.now() - t) / 1000).toFixed(2), images: w.images, poppler: !!w.check.poppler });
    bytes += w.bytes;
    pages += w.pages;
    rssAfter.push(Math.round(process.memoryUsage().rss / 1e6));
  }
  if (spec.volumes === 0) {
    // Baseline: load the modules and lay out a sheet page (fonts parsed and subset), write nothing big.
    const { buildSheetDocument } = await import(modulePath('sheet-document'));
    await buildSheetDocument([coverPage()], async () => new Uint8Array());
  }
  const seconds = +((performance.now() - t0) / 1000).toFixed(2);
  process.stdout.write(`${JSON.stringify({ seconds, bytes, pages, volumes: phases, rssAfterEachVolumeMB: rssAfter, maxRssSelfMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

function coverPage() {
  return {
    kind: 'sheet',
    label: '封面',
    stamp: null,
    sheet: { kind: 'cover', heading: '行政执法案卷', title: '基准测试案卷', archiveCode: 'Z109-WS·2024-Y-ZF-0001', volumeLabel: '正卷', lines: [{ label: '保管期限', value: '永久' }] },
  };
}

function volume(files, v) {
  const cols = [
    { key: 'seq', label: '序号', width: 6, align: 'center' },
    { key: 'title', label: '题名', width: 60 },
    { key: 'pages', label: '页号', width: 14, align: 'center' },
  ];
  const docs = Math.max(1, Math.ceil(files.length / 20));
  const rows = Array.from({ length: docs }, (_, i) => ({ seq: String(i + 1), title: `扫描文书 ${i + 1}`, pages: `${i * 20 + 1}-${Math.min(files.length, (i + 1) * 20)}` }));
  const scans = files.map((file, i) => ({ kind: 'scan', file, label: `扫描文书 ${Math.floor(i / 20) + 1}`, stamp: { text: String(i + 1), position: 'top-right' } }));
  return {
    meta: { title: '基准测试案卷', archiveCode: `Z109-WS·2024-Y-ZF-000${v + 1}`, archiveNo: '20240001', retention: '永久', volumeLabel: `第${v + 1}册`, author: '青石镇综合行政执法大队', createdAt: new Date() },
    outline: rows.map((r, i) => ({ title: r.title, pageIndex: 2 + i * 20 })),
    pages: [
      coverPage(),
      { kind: 'sheet', label: '卷内文件目录', stamp: null, sheet: { kind: 'toc', heading: '卷内文件目录', title: '基准测试案卷', archiveCode: null, columns: cols, rows, page: 1, pages: 1 } },
      ...scans,
      {
        kind: 'sheet',
        label: '卷内备考表',
        stamp: null,
        sheet: { kind: 'beikao', heading: '卷内备考表', title: '基准测试案卷', archiveCode: null, statement: '本卷材料齐全。', preparer: '李文静', preparedOn: '2024年12月10日', checker: '王晓东', checkedOn: '2024年12月11日' },
      },
    ],
  };
}

// ------------------------------------------------------------------------------------------------
async function generateScans(dir, n) {
  mkdirSync(dir, { recursive: true });
  const have = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jpg')) : [];
  const files = Array.from({ length: n }, (_, i) => path.join(dir, `p${String(i + 1).padStart(4, '0')}.jpg`));
  if (have.length >= n) return files;
  const sharp = (await import('sharp')).default;
  const W = 2480;
  const H = 3508;
  const C = 3;
  const EXTRA = 600;
  // One paper-noise field a little taller than a page; each page starts at another row, and its text
  // lines differ, so no two pages are alike and each compresses like a real colour scan (~2 MB).
  const field = Buffer.allocUnsafe(W * (H + EXTRA) * C);
  let x = 0x9e3779b9;
  for (let i = 0; i < field.length; i += 3) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const d = (((x & 0xff) + ((x >>> 8) & 0xff) + ((x >>> 16) & 0xff) - 382) / 128) * 11;
    field[i] = Math.max(0, Math.min(255, 244 + d));
    field[i + 1] = Math.max(0, Math.min(255, 241 + d));
    field[i + 2] = Math.max(0, Math.min(255, 232 + d));
  }
  const one = async (s) => {
    const off = ((s * 137) % EXTRA) * W * C;
    const px = Buffer.from(field.subarray(off, off + W * H * C));
    for (let line = 0; line < 40; line++) {
      const y0 = 260 + line * 78;
      const len = 600 + ((line * 37 + s * 11) % 1300);
      for (let y = y0; y < y0 + 26; y++) px.fill(30, (y * W + 250) * C, (y * W + 250 + len) * C);
    }
    await sharp(px, { raw: { width: W, height: H, channels: C } }).withMetadata({ density: 300 }).jpeg({ quality: 85 }).toFile(files[s]);
  };
  for (let s = 0; s < n; s += 2) await Promise.all([one(s), s + 1 < n ? one(s + 1) : null]);
  return files;
}

function cycle(files, n) {
  return Array.from({ length: n }, (_, i) => files[i % files.length]);
}

function timed(name, cmd, output) {
  const busy = busyShare();
  log(`${name} (CPU busy with other work: ${(busy * 100).toFixed(0)} %) …`);
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', ...cmd], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = +((performance.now() - t) / 1000).toFixed(2);
  if (r.status !== 0) throw new Error(`${name} failed:\n${r.stderr}`);
  const bytes = statSync(output).size;
  const tm = parseTime(r.stderr);
  log(`  ${seconds}s, ${(bytes / 1e6).toFixed(1)} MB, peak RSS ${tm.maxRssMB} MB`);
  return { command: cmd.slice(0, 8).join(' ') + (cmd.length > 8 ? ' …' : ''), seconds, bytes, ...tm, busyBefore: +busy.toFixed(2) };
}

function parseTime(stderr) {
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? NaN);
  const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? NaN);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const wallSeconds = wall ? +(Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3])).toFixed(2) : null;
  return { maxRssMB: Math.round(rss / 1024), cpuSeconds: +(user + sys).toFixed(2), wallSeconds };
}

/** Evicts the scans from the page cache when allowed (root), so every tool starts from the same state. */
function dropCaches(files) {
  try {
    execFileSync('bash', ['-c', 'sync; echo 1 > /proc/sys/vm/drop_caches'], { stdio: 'ignore' });
  } catch {
    // not allowed in this container: every run then reads the same, already cached files
    for (const f of files.slice(0, 1)) readFileSync(f);
  }
}

function busyShare() {
  const read = () => {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = read();
    execFileSync('sleep', ['2']);
    const b = read();
    return 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
  } catch {
    return loadavg()[0] / cpus().length;
  }
}

function has(cmd) {
  return spawnSync('bash', ['-c', `command -v ${cmd}`]).status === 0;
}

function machine() {
  const v = (cmd, a) => {
    try {
      const lines = execFileSync(cmd, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n');
      return (cmd === 'df' ? lines[1] : lines[0])?.trim() ?? null;
    } catch {
      return null;
    }
  };
  const disk = v('df', ['-h', tmpdir()]);
  return {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memGB: +(totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    loadavg: loadavg().map((x) => +x.toFixed(2)),
    img2pdf: v('img2pdf', ['--version']),
    ocrmypdf: v('ocrmypdf', ['--version']),
    disk,
  };
}

if (args[0] === '--child') await child(args[1]);
else
  await main().catch((e) => {
    // main() removes its work folder on success; on failure say where it is (scans can be reused with --scans).
    log(String(e?.stack ?? e));
    process.exitCode = 1;
  });
