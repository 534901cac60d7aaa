#!/usr/bin/env node
// OCR benchmark (issue 13 (b) and (c)). Scan pages drawn by the demo's own generator
// (src/demo/scan-page.ts: A4 150 dpi JPEG, the sample cases' text, slight skew and noise), then in the
// same run on the same pages:
//   (b) throughput, pages per minute on both cores:
//       - Juanzong's engine (src/ocr/engine.ts: tesseract.js + the npm chi_sim data, 2 worker threads)
//       - the peer: the system `tesseract` (chi_sim, LSTM), two processes at a time, each one thread
//         (OMP_THREAD_LIMIT=1), so both use the same two cores
//       and the character accuracy of each against the text the generator drew (LCS: recall = share
//       of the drawn characters recognised in order, precision = share of the recognised characters
//       that were drawn; whitespace ignored)
//   (c) writing one PDF/A volume of --export-pages pages (the recognised pages, repeated) with the text
//       layer vs without (src/pdf/write-volume.ts, fsync and read-back included), alternating, 3 each
// Usage: node scripts/bench-ocr.mjs [--pages 40] [--workers 2] [--export-pages 300] [--dir /tmp] [--out FILE]
// Targets: (b) rate ≥ 0.8 × the system tesseract's at the same accuracy; (c) ≤ 1.1 ×. Needs `npm run build`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const log = (s) => process.stderr.write(`${s}\n`);
const dist = (p) => pathToFileURL(path.join(root, 'dist', 'src', p)).href;
if (!existsSync(path.join(root, 'dist', 'src', 'ocr', 'engine.js'))) {
  log('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const wanted = Number(opt('pages', '40'));
const workers = Number(opt('workers', '2'));
const exportPages = Number(opt('export-pages', '300'));

/** Longest common subsequence length (two rows; strings of a page are a few thousand characters). */
function lcs(a, b) {
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
const squeeze = (s) => s.replace(/\s+/g, '');
function accuracy(pages, texts) {
  let drawn = 0;
  let read = 0;
  let common = 0;
  pages.forEach((p, i) => {
    const a = squeeze(p.drawn);
    const b = squeeze(texts[i] ?? '');
    drawn += a.length;
    read += b.length;
    common += lcs([...a], [...b]);
  });
  return { recall: +(common / drawn).toFixed(4), precision: +(common / Math.max(1, read)).toFixed(4), drawnChars: drawn, readChars: read };
}

function run(cmd, argv, env) {
  return new Promise((resolve, reject) =>
    execFile(cmd, argv, { env: { ...process.env, ...env }, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd}: ${stderr || err.message}`)) : resolve(stdout),
    ),
  );
}

async function main() {
  const work = mkdtempSync(path.join(opt('dir', tmpdir()), 'jz-bench-ocr-'));
  try {
    const { renderScanPages } = await import(dist('demo/scan-page.js'));
    const { loadSampleCases } = await import(dist('demo/sample-cases.js'));
    const { chineseDate } = await import(dist('demo/scan-page.js'));
    const samples = loadSampleCases(path.join(root, 'resources'));
    const kindNames = new Map();
    for (const f of readdirSync(path.join(root, 'resources', 'profiles')).filter((n) => n.endsWith('.json'))) {
      const p = JSON.parse(readFileSync(path.join(root, 'resources', 'profiles', f), 'utf8'));
      for (const k of p.documentKinds ?? []) if (k.code && k.name && !kindNames.has(k.code)) kindNames.set(k.code, k.name);
    }
    // Pages with text only (photo sheets carry pictures, not text), until enough are drawn.
    const pages = [];
    for (const s of samples)
      for (const d of s.documents) {
        if (pages.length >= wanted) break;
        if (d.body.some((l) => /^照片\s*\d+/.test(l))) continue; // photo sheets (scan-page.ts PHOTO_LINE)
        const kindName = kindNames.get(d.kind) ?? d.kind;
        const doc = {
          kindName,
          title: d.title,
          docNo: d.docNo ?? null,
          responsible: d.responsible ?? null,
          date: d.date ?? null,
          body: d.body,
          pages: d.pages,
          caseNo: s.case.caseNo,
        };
        const jpegs = await renderScanPages(doc);
        const per = Math.ceil(d.body.length / d.pages);
        jpegs.forEach((jpeg, i) => {
          if (pages.length >= wanted) return;
          const file = path.join(work, `p${String(pages.length + 1).padStart(3, '0')}.jpg`);
          writeFileSync(file, jpeg);
          // What the generator drew on this page (scan-page.ts renderPage): heading, 文号 and title on
          // page 1, the body lines, 案号 and page line, 责任者 and 日期.
          const body = d.body.slice(i * per, (i + 1) * per);
          const drawn = [
            i === 0 ? kindName : `${kindName}（续页 ${i + 1}/${jpegs.length}）`,
            i === 0 ? (doc.docNo ?? '') : '',
            i === 0 ? doc.title : '',
            ...body,
            `案号：${doc.caseNo}`,
            `第 ${i + 1} 页\u3000共 ${jpegs.length} 页`,
            doc.responsible ? `责任者：${doc.responsible}` : '',
            doc.date ? `日期：${chineseDate(doc.date)}` : '',
          ].join('\n');
          pages.push({ file, drawn, width: 1240, height: 1754 });
        });
      }
    const sharp = (await import('sharp')).default;
    for (const p of pages) {
      const m = await sharp(p.file).metadata();
      p.width = m.width;
      p.height = m.height;
    }
    log(
      `${pages.length} pages drawn in ${work}; ${cpus().length} CPUs, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const result = { machine: { cpus: cpus().length, model: cpus()[0]?.model, loadBefore: loadavg()[0] }, pages: pages.length, runs: {} };

    // (b1) the app's engine: start the workers first (timed apart), then all pages through the scheduler.
    const { createOcrEngine } = await import(dist('ocr/engine.js'));
    const engine = createOcrEngine({ workers });
    let t = performance.now();
    const warm = await engine.recognise(readFileSync(pages[0].file), pages[0]);
    const startSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const appPages = await Promise.all(pages.map((p) => engine.recognise(readFileSync(p.file), p)));
    const appSeconds = (performance.now() - t) / 1000;
    const appTexts = appPages.map((r) => r.lines.map((l) => l.text).join('\n'));
    await engine.close();
    void warm;
    result.runs.app = {
      engine: engine.name,
      workers,
      startSeconds: +startSeconds.toFixed(2),
      seconds: +appSeconds.toFixed(2),
      pagesPerMinute: +((pages.length / appSeconds) * 60).toFixed(1),
      ...accuracy(pages, appTexts),
    };
    log(`app engine: ${JSON.stringify(result.runs.app)}`);

    // (b2) the peer: system tesseract, two single-threaded processes at a time.
    const version = (await run('tesseract', ['--version'])).split('\n')[0];
    t = performance.now();
    const peerTexts = new Array(pages.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (;;) {
          const i = next++;
          if (i >= pages.length) return;
          peerTexts[i] = await run('tesseract', [pages[i].file, 'stdout', '-l', 'chi_sim', '--oem', '1', '-c', 'preserve_interword_spaces=1'], {
            OMP_THREAD_LIMIT: '1',
          });
        }
      }),
    );
    const peerSeconds = (performance.now() - t) / 1000;
    result.runs.systemTesseract = {
      engine: version,
      processes: workers,
      seconds: +peerSeconds.toFixed(2),
      pagesPerMinute: +((pages.length / peerSeconds) * 60).toFixed(1),
      ...accuracy(pages, peerTexts),
    };
    log(`system tesseract: ${JSON.stringify(result.runs.systemTesseract)}`);

    // (c) one PDF/A volume of the pages, with the text layer and without, three times each, alternating.
    const { writeVolumePdf } = await import(dist('pdf/write-volume.js'));
    const volume = (withText) => ({
      meta: {
        title: '基准测试案卷',
        archiveCode: 'Z109-WS·2024-Y-ZF-0001',
        archiveNo: '20240001',
        retention: '永久',
        volumeLabel: '正卷',
        author: '青石镇综合行政执法大队',
        createdAt: new Date(),
      },
      outline: [{ title: '扫描文书', pageIndex: 0 }],
      pages: Array.from({ length: exportPages }, (_, i) => ({
        kind: 'scan',
        file: pages[i % pages.length].file,
        label: '扫描文书',
        stamp: { text: String(i + 1), position: 'top-right' },
        ...(withText ? { text: appPages[i % pages.length] } : {}),
      })),
    });
    const times = { with: [], without: [] };
    let bytes = {};
    for (let r = 0; r < 3; r++)
      for (const withText of [false, true]) {
        const out = path.join(work, `volume-${withText ? 'text' : 'image'}.pdf`);
        t = performance.now();
        const w = await writeVolumePdf(volume(withText), { out });
        times[withText ? 'with' : 'without'].push((performance.now() - t) / 1000);
        bytes[withText ? 'with' : 'without'] = w.bytes ?? statSync(out).size;
      }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    result.runs.export = {
      pages: exportPages,
      withoutTextSeconds: +median(times.without).toFixed(2),
      withTextSeconds: +median(times.with).toFixed(2),
      all: { without: times.without.map((x) => +x.toFixed(2)), with: times.with.map((x) => +x.toFixed(2)) },
      bytes,
    };
    result.ratios = {
      rateVsSystemTesseract: +(result.runs.app.pagesPerMinute / result.runs.systemTesseract.pagesPerMinute).toFixed(2),
      recallMinusSystem: +(result.runs.app.recall - result.runs.systemTesseract.recall).toFixed(4),
      exportWithVsWithoutText: +(result.runs.export.withTextSeconds / result.runs.export.withoutTextSeconds).toFixed(2),
    };
    result.targets = {
      'rate ≥ 0.8 × system tesseract': result.ratios.rateVsSystemTesseract >= 0.8,
      'same character accuracy (recall within 1 point)': Math.abs(result.ratios.recallMinusSystem) <= 0.01 || result.ratios.recallMinusSystem > 0,
      'export with text ≤ 1.1 × without': result.ratios.exportWithVsWithoutText <= 1.1,
    };
    result.machine.loadAfter = loadavg()[0];
    const json = JSON.stringify(result, null, 2);
    process.stdout.write(`${json}\n`);
    const outFile = opt('out', null);
    if (outFile) writeFileSync(outFile, json);
  } finally {
    if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
    else log(`kept ${work}`);
  }
}

main().catch((e) => {
  log(e.stack ?? String(e));
  process.exit(1);
});
