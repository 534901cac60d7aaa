#!/usr/bin/env node
// 四性检测 benchmark (issue 13 (a)): a 移交包 with N scan pages in PDF volumes and F MB of footage, then in
// the same run on the same files:
//   (a) the floor: re-reading every file with `sha256sum` and an SM3 pass (`openssl dgst -sm3`), two
//       files at a time (xargs -P2, both cores)
//   (b) Juanzong's package check (checkPackage from dist/: SHA-256 + SM3 of every file on two worker
//       threads, metadata.xml against the XSD, PDF/A checks of each volume, ffprobe of each clip)
// Footage: one H.264 clip made with ffmpeg, copied with random padding up to the size asked (ffprobe
// reads the clip and ignores the trailing bytes), so the bytes are incompressible like real video.
// Usage: node scripts/bench-fourness.mjs [--pages 300] [--footage-mb 2048] [--clips 8] [--dir /tmp] [--keep]
// Target: (b) ≤ 1.3 × (a). Needs `npm run build` (dist/), ffmpeg, img2pdf, openssl.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { randomFillSync } from 'node:crypto';
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
const pages = Number(opt('pages', '300'));
const footageMb = Number(opt('footage-mb', '2048'));
const clips = Number(opt('clips', '8'));
const dist = (p) => pathToFileURL(path.join(root, 'dist', 'src', p)).href;
if (!existsSync(path.join(root, 'dist', 'src', 'fourness', 'check-package.js'))) {
  log('dist/ is missing or old: run `npm run build` first');
  process.exit(1);
}

const work = mkdtempSync(path.join(opt('dir', tmpdir()), 'jz-bench-fourness-'));
try {
  const src = path.join(work, 'src');
  mkdirSync(src, { recursive: true });
  log(`making ${pages} scan pages and ${footageMb} MB of footage in ${work} …`);
  // Scans: A4 at 150 dpi with noise (JPEG), two volumes via img2pdf.
  const jpgs = [];
  for (let i = 0; i < pages; i++) {
    const f = path.join(src, `p${String(i).padStart(4, '0')}.jpg`);
    if (i < 4)
      execFileSync(
        'ffmpeg',
        [
          '-v',
          'error',
          '-f',
          'lavfi',
          '-i',
          `noise=alls=40:allf=t,format=gray,scale=1240:1754`,
          '-f',
          'lavfi',
          '-i',
          'color=white:s=1240x1754',
          '-frames:v',
          '1',
          '-y',
          f,
        ],
        {
          stdio: 'ignore',
        },
      );
    else execFileSync('cp', [jpgs[i % 4], f]);
    jpgs.push(f);
  }
  const half = Math.ceil(pages / 2);
  const vols = [path.join(src, '正卷.pdf'), path.join(src, '副卷.pdf')];
  execFileSync('img2pdf', ['-o', vols[0], ...jpgs.slice(0, half)]);
  execFileSync('img2pdf', ['-o', vols[1], ...jpgs.slice(half)]);
  const base = path.join(src, 'base.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1280x720:r=25',
    '-t',
    '20',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-b:v',
    '8M',
    '-y',
    base,
  ]);
  const per = Math.floor((footageMb * 1024 * 1024) / clips);
  const footage = [];
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < clips; i++) {
    const f = path.join(src, `ZFY00${i}_20240315${String(100000 + i)}.mp4`);
    execFileSync('cp', [base, f]);
    const fd = openSync(f, 'a');
    for (let left = per - statSync(base).size; left > 0; left -= chunk.length) writeSync(fd, randomFillSync(chunk), 0, Math.min(left, chunk.length));
    closeSync(fd);
    footage.push(f);
  }

  const { writeBag } = await import(dist('export/bagit.js'));
  const { checkPackage } = await import(dist('fourness/check-package.js'));
  const bagDir = path.join(work, '测试-移交包');
  const payload = [
    ...vols.map((v) => ({ path: `volumes/${path.basename(v)}`, source: v, label: path.basename(v) })),
    ...footage.map((f) => ({ path: `footage/${path.basename(f)}`, source: f, label: path.basename(f) })),
  ];
  await writeBag({
    dir: bagDir,
    info: { sourceOrganization: '测试', externalIdentifier: '20240001' },
    payload,
    metadata: {
      case: { caseNo: '测试〔2024〕1号', title: '测试案', fields: [] },
      dossier: {
        title: '测试案',
        archiveCode: null,
        archiveNo: '20240001',
        retention: '永久',
        profile: 'henan-township-2016 1',
        fields: [],
        volumes: vols.map((v, i) => ({ label: path.basename(v, '.pdf'), payloadPath: `volumes/${path.basename(v)}`, pages: i === 0 ? half : pages - half })),
      },
      av: footage.map((f, i) => ({
        id: String(i + 1),
        fileName: path.basename(f),
        payloadPath: `footage/${path.basename(f)}`,
        size: per,
        sha256: '0'.repeat(64),
        sm3: null,
        fields: [],
      })),
      audit: [],
    },
  });
  rmSync(src, { recursive: true, force: true });
  const files = execFileSync('find', [bagDir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n');
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  log(`package: ${files.length} files, ${(bytes / 2 ** 20).toFixed(0)} MiB; cores ${cpus().length}, load ${loadavg()[0].toFixed(2)}`);

  // Drop nothing from the page cache: both runs read warm files (the first read, by writeBag, warmed them).
  const floor = () => {
    const t = performance.now();
    const list = files.join('\0');
    const a = spawnSync('sh', ['-c', 'xargs -0 -P2 -n1 sha256sum > /dev/null'], { input: list });
    const b = spawnSync('sh', ['-c', 'xargs -0 -P2 -n1 openssl dgst -sm3 > /dev/null'], { input: list });
    if (a.status !== 0 || b.status !== 0) throw new Error('floor tools failed');
    return (performance.now() - t) / 1000;
  };
  const ours = async () => {
    const t = performance.now();
    const { report } = await checkPackage(bagDir);
    return { s: (performance.now() - t) / 1000, report };
  };
  const f1 = floor();
  const o1 = await ours();
  const f2 = floor();
  const o2 = await ours();
  const fl = Math.min(f1, f2);
  const us = Math.min(o1.s, o2.s);
  const result = {
    files: files.length,
    mib: Math.round(bytes / 2 ** 20),
    floorSeconds: [f1, f2].map((x) => Math.round(x * 10) / 10),
    fournessSeconds: [o1.s, o2.s].map((x) => Math.round(x * 10) / 10),
    ratio: Math.round((us / fl) * 100) / 100,
    rows: o2.report.counts,
    load: loadavg()[0],
  };
  console.log(JSON.stringify(result, null, 2));
  log(`floor (sha256sum + openssl sm3, -P2): ${fl.toFixed(1)} s; 四性检测: ${us.toFixed(1)} s; ratio ${result.ratio} (target ≤ 1.3)`);
} finally {
  if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}
