#!/usr/bin/env node
// Playback benchmark (issue 10, "Speed"): the first frame of a ~1 GB clip on loopback (target ≤ 1 s) and
// the bridge's memory while a client seeks through it (target: flat).
//
// 1. ffmpeg makes a ~1 GB H.264/AAC MP4 (1080p testsrc2 at a high bitrate: one 20 s piece encoded,
//    then joined N times by stream copy). Two files: `moov` at the end — what 执法记录仪 cameras
//    write (they cannot know the index until recording stops) — and the same with `+faststart`.
// 2. Both are ingested into a temporary archive with the app's own code (openCore, footage.ingest:
//    copy, SHA-256 + SM3, probe); a supervisor account is created.
// 3. `juanzong serve` (bin/juanzong.js, the built dist/) serves the archive in its own process, so
//    /proc/PID/status VmRSS is the bridge's alone.
// 4. Headless Chromium (playwright-core, /usr/bin/chromium) signs in as the supervisor and:
//    (a) opens the 调阅 player on each clip (`#/retrieval?clip=ID`) and times navigation → the
//        player's <video> reports readyState ≥ 2 (the first frame is decoded: `loadeddata`);
//    (b) creates a bare <video> on the same media URL, --trials times, and times src → loadeddata;
//    (c) seeks the player's video --seeks times to random seconds (each awaited to `seeked`),
//        sampling the bridge's RSS every 50 ms.
// Peer, same run: the same two files from a minimal Node static server with Range (its own process,
// no access check, same no-store caching), measured as (b) and (c). Python's http.server ignores
// Range, which a seeking player needs, so it is not a fair peer.
//
// Usage: node scripts/bench-retrieval-playback.mjs [--mb 1024] [--trials 5] [--seeks 50] [--dir /tmp] [--out FILE.json]
// Needs `npm run build` (dist/, dist-renderer/). Leaves nothing behind (the work folder is removed).
/* global document, performance, setInterval, clearInterval, setTimeout -- Node timers, and the page code run in Chromium by page.evaluate */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { register } from 'tsx/esm/api';
register();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const log = (s) => process.stderr.write(`${s}\n`);
const MB = Number(opt('mb', '1024'));
const TRIALS = Number(opt('trials', '5'));
const SEEKS = Number(opt('seeks', '50'));
const PASSWORD = 'bench-Passw0rd';
const CHROMIUM = '/usr/bin/chromium';
const PIECE_SEC = 20;
const BITRATE_MBIT = 40;

const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, min: +s[0].toFixed(0), median: +q(0.5).toFixed(0), max: +s[s.length - 1].toFixed(0) };
};

function rssMB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? +(Number(m[1]) / 1024).toFixed(1) : NaN;
}

/** ~MB megabytes of 1080p H.264/AAC: one piece encoded, then joined by stream copy. */
function makeClips(work) {
  const piece = path.join(work, 'piece.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=1920x1080:rate=25`,
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000',
    '-t',
    String(PIECE_SEC),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '50',
    '-b:v',
    `${BITRATE_MBIT}M`,
    '-minrate',
    `${BITRATE_MBIT}M`,
    '-maxrate',
    `${BITRATE_MBIT}M`,
    '-bufsize',
    `${BITRATE_MBIT}M`,
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    piece,
  ]);
  const pieceBytes = statSync(piece).size;
  const copies = Math.max(1, Math.round((MB * 1e6) / pieceBytes));
  const list = path.join(work, 'list.txt');
  writeFileSync(list, Array.from({ length: copies }, () => `file '${piece}'`).join('\n'));
  const cam = path.join(work, 'cam');
  const moovEnd = path.join(cam, 'ZFY5130047_115007_20240311094032_0001.MP4');
  const faststart = path.join(cam, 'ZFY5130047_115007_20240311101032_0002.MP4');
  execFileSync('mkdir', ['-p', cam]);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', moovEnd]);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', moovEnd, '-c', 'copy', '-movflags', '+faststart', faststart]);
  rmSync(piece);
  return { cam, files: { 'moov at end (camera)': moovEnd, faststart }, seconds: copies * PIECE_SEC };
}

async function ingest(archiveDir, cam) {
  const { openCore } = await import(path.join(root, 'src', 'app-core.ts'));
  const core = await openCore({ archiveDir, createIfMissing: true });
  const call = async (name, input, token) => {
    const r = await core.invoke(name, input, { transport: 'direct', ...(token ? { sessionToken: token } : {}) });
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  const admin = await call('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD });
  await call('user.create', { username: 'lead', displayName: '赵领导', role: 'supervisor', password: PASSWORD }, admin.token);
  const t = Date.now();
  const job = await call('footage.ingest', { source: cam, derive: 'skip' }, admin.token);
  const list = await call('footage.list', {}, admin.token);
  await core.footage.close();
  core.close();
  return { ids: Object.fromEntries(list.items.map((c) => [c.originalName, c.id])), seconds: (Date.now() - t) / 1000, job };
}

function serve(archiveDir) {
  const child = spawn(process.execPath, [path.join(root, 'bin/juanzong.js'), 'serve', '--archive', archiveDir, '--port', '0', '--json'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => {
      try {
        resolve({ child, url: JSON.parse(line).url });
      } catch {
        reject(new Error(`juanzong serve: ${line}\n${err}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`juanzong serve exited ${code}\n${err}`)));
  });
}

/** The peer: a minimal static server with single-range support, in its own process. */
function peerServer(dir) {
  const src = `
    const http = require('node:http'), fs = require('node:fs'), path = require('node:path');
    const dir = ${JSON.stringify(dir)};
    const s = http.createServer((req, res) => {
      if (req.url === '/') { res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>peer</title><body></body>'); return; }
      const file = path.join(dir, path.basename(decodeURIComponent(req.url)));
      let size; try { size = fs.statSync(file).size; } catch { res.writeHead(404).end(); return; }
      const m = /^bytes=(\\d*)-(\\d*)$/.exec(req.headers.range || '');
      const base = { 'Content-Type': 'video/mp4', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
      if (!m) { res.writeHead(200, { ...base, 'Content-Length': size }); fs.createReadStream(file).pipe(res); return; }
      const start = m[1] === '' ? size - Number(m[2]) : Number(m[1]);
      const end = m[1] !== '' && m[2] !== '' ? Math.min(Number(m[2]), size - 1) : size - 1;
      if (start >= size || start > end) { res.writeHead(416, { ...base, 'Content-Range': 'bytes */' + size }).end(); return; }
      res.writeHead(206, { ...base, 'Content-Length': end - start + 1, 'Content-Range': 'bytes ' + start + '-' + end + '/' + size });
      fs.createReadStream(file, { start, end }).pipe(res);
    });
    s.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: 'http://127.0.0.1:' + s.address().port + '/' })));`;
  const child = spawn(process.execPath, ['-e', src], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve) => createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, url: JSON.parse(line).url })));
}

/** src → loadeddata of a fresh bare <video>, in ms, `TRIALS` times. */
async function bareFirstFrame(page, src) {
  const ms = [];
  for (let i = 0; i < TRIALS; i++)
    ms.push(
      await page.evaluate(
        (s) =>
          new Promise((resolve, reject) => {
            const v = document.createElement('video');
            v.muted = true;
            v.preload = 'auto';
            const t = performance.now();
            v.addEventListener('loadeddata', () => {
              const d = performance.now() - t;
              v.removeAttribute('src');
              v.load();
              v.remove();
              resolve(d);
            });
            v.addEventListener('error', () => reject(new Error(`video error ${v.error?.code} ${v.error?.message}`)));
            document.body.append(v);
            v.src = s;
          }),
        src,
      ),
    );
  return stats(ms);
}

/** `SEEKS` random seeks on `selector` (each awaited to 'seeked'), sampling `pid`'s RSS every 50 ms. */
async function seekThrough(page, selector, seconds, pid) {
  const samples = [rssMB(pid)];
  const timer = setInterval(() => samples.push(rssMB(pid)), 50);
  const times = Array.from({ length: SEEKS }, () => Math.random() * (seconds - 1));
  const ms = await page.evaluate(
    async ([sel, ts]) => {
      const v = document.querySelector(sel);
      const out = [];
      for (const t of ts) {
        const t0 = performance.now();
        await new Promise((resolve, reject) => {
          const done = () => {
            v.removeEventListener('seeked', done);
            resolve();
          };
          v.addEventListener('seeked', done);
          setTimeout(() => reject(new Error(`seek to ${t} timed out`)), 30_000);
          v.currentTime = t;
        });
        // The frame at the new position is decoded.
        if (v.readyState < 2) await new Promise((r) => v.addEventListener('canplay', r, { once: true }));
        out.push(performance.now() - t0);
      }
      return out;
    },
    [selector, times],
  );
  clearInterval(timer);
  samples.push(rssMB(pid));
  return { seekMs: stats(ms), rssMB: { before: samples[0], max: Math.max(...samples), after: samples[samples.length - 1], samples: samples.length } };
}

async function main() {
  if (!existsSync(path.join(root, 'dist/src/cli/main.js')) || !existsSync(path.join(root, 'dist-renderer/index.html')))
    throw new Error('dist/ or dist-renderer/ is missing: run `npm run build` first');
  const work = mkdtempSync(path.join(opt('dir', tmpdir()), 'jz-bench-playback-'));
  const processes = [];
  let browser;
  try {
    const load0 = loadavg().map((l) => +l.toFixed(2));
    log(`playback bench: ~${MB} MB clips in ${work}`);
    let t = Date.now();
    const clips = makeClips(work);
    const madeIn = (Date.now() - t) / 1000;
    const sizes = Object.fromEntries(Object.entries(clips.files).map(([k, f]) => [k, statSync(f).size]));
    log(
      `  made ${Object.entries(sizes)
        .map(([k, b]) => `${k} ${(b / 1e6).toFixed(0)} MB`)
        .join(', ')}, ${clips.seconds} s each, in ${madeIn.toFixed(0)} s`,
    );
    const archiveDir = path.join(work, 'archive');
    const ing = await ingest(archiveDir, clips.cam);
    log(`  ingested in ${ing.seconds.toFixed(0)} s`);
    const bridge = await serve(archiveDir);
    processes.push(bridge.child);
    const peer = await peerServer(clips.cam);
    processes.push(peer.child);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(bridge.url);
    await page.getByLabel('用户名').fill('lead');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.locator('.app-user').waitFor();
    const base = page.url().split('#')[0];
    const peerPage = await (await browser.newContext()).newPage();
    await peerPage.goto(peer.url);

    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadStart: load0 },
      clip: { codec: 'H.264 1920×1080 25 fps + AAC', bitrateMbit: BITRATE_MBIT, seconds: clips.seconds, bytes: sizes, madeSeconds: +madeIn.toFixed(0) },
      ingestSeconds: +ing.seconds.toFixed(0),
      files: {},
    };
    for (const [label, file] of Object.entries(clips.files)) {
      const id = ing.ids[path.basename(file)];
      // (a) the 调阅 player: navigation → first frame.
      const player = [];
      let mediaSrc = '';
      for (let i = 0; i < TRIALS; i++) {
        await page.goto(`${base}#/`);
        await page.locator('.app-user').waitFor();
        const t0 = Date.now();
        await page.goto(`${base}#/retrieval?clip=${id}`);
        await page.waitForFunction(() => (document.querySelector('.retrieval-video')?.readyState ?? 0) >= 2, undefined, { polling: 'raf', timeout: 60_000 });
        player.push(Date.now() - t0);
        mediaSrc = await page.evaluate(() => document.querySelector('.retrieval-video').currentSrc);
      }
      // (c) seeks in the player, bridge RSS sampled.
      const bridgeSeeks = await seekThrough(page, '.retrieval-video', clips.seconds, bridge.child.pid);
      // (b) bare <video> on the bridge's media URL and on the peer.
      await page.goto(`${base}#/`);
      await page.locator('.app-user').waitFor();
      const bridgeBare = await bareFirstFrame(page, mediaSrc);
      const peerBare = await bareFirstFrame(peerPage, `${peer.url}${path.basename(file)}`);
      await peerPage.evaluate(
        (s) => {
          const v = document.createElement('video');
          v.id = 'peer-video';
          v.muted = true;
          v.src = s;
          document.body.append(v);
          return new Promise((r) => v.addEventListener('loadeddata', r, { once: true }));
        },
        `${peer.url}${path.basename(file)}`,
      );
      const peerSeeks = await seekThrough(peerPage, '#peer-video', clips.seconds, peer.child.pid);
      await peerPage.evaluate(() => document.querySelector('#peer-video')?.remove());
      result.files[label] = {
        bytes: sizes[label],
        playerFirstFrameMs: stats(player),
        bridge: { bareFirstFrameMs: bridgeBare, ...bridgeSeeks },
        peer: { how: 'minimal Node static server with Range, own process', bareFirstFrameMs: peerBare, ...peerSeeks },
      };
      log(
        `  ${label.padEnd(22)} player first frame median ${stats(player).median} ms (max ${stats(player).max}) | bare <video>: bridge ${bridgeBare.median} ms, peer ${peerBare.median} ms | ` +
          `${SEEKS} seeks: bridge median ${bridgeSeeks.seekMs.median} ms, RSS ${bridgeSeeks.rssMB.before}→max ${bridgeSeeks.rssMB.max}→${bridgeSeeks.rssMB.after} MB; ` +
          `peer median ${peerSeeks.seekMs.median} ms, RSS ${peerSeeks.rssMB.before}→max ${peerSeeks.rssMB.max}→${peerSeeks.rssMB.after} MB`,
      );
    }
    result.machine.loadEnd = loadavg().map((l) => +l.toFixed(2));
    const json = JSON.stringify(result, null, 2);
    process.stdout.write(json + '\n');
    const out = opt('out');
    if (out) writeFileSync(out, json);
  } finally {
    await browser?.close().catch(() => undefined);
    for (const p of processes) if (p.exitCode === null) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  log(e.stack ?? String(e));
  process.exit(1);
});
