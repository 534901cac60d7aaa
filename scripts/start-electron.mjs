#!/usr/bin/env node
// `npm start`: run the desktop app from the project folder.
//   1. make sure the Electron binary is there (it is downloaded on first use: needs internet);
//   2. compile the shell (tsc -b electron, incremental) and the renderer if it was never built;
//   3. rebuild better-sqlite3 for Electron's ABI, only when it is not already built for this
//      Electron (a marker remembers the version and the fingerprint of the built module);
//   4. start Electron on the project root, passing our own arguments (e.g. --archive DIR).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const nativeModule = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const marker = path.join(root, 'node_modules', '.juanzong-electron-native.json');

const NO_ELECTRON = `
无法获取 Electron 运行文件（首次启动需要联网下载）。
不需要 Electron 也能使用卷宗：
  npm run demo    生成演示档案库（命令行）
  npm run serve   在浏览器中打开卷宗（本机 HTTP 服务）

The Electron binary is missing and could not be downloaded (the first start needs internet).
Juanzong also works without Electron:
  npm run demo    build a demo archive (command line)
  npm run serve   use Juanzong in a browser (local HTTP bridge)
`;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status === 0 && !r.error;
}

function fail(message) {
  process.stderr.write(`${message.trim()}\n`);
  process.exit(1);
}

function electronBinary() {
  const pathTxt = path.join(electronDir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const bin = path.join(electronDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

// 1. The Electron binary.
if (!existsSync(path.join(electronDir, 'package.json'))) fail(`node_modules/electron 未安装 / is not installed: run npm install.\n${NO_ELECTRON}`);
let electron = electronBinary();
if (electron === null) {
  console.log('正在下载 Electron 运行文件… / Downloading the Electron binary…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  run(process.execPath, [path.join(electronDir, 'install.js')], { env });
  electron = electronBinary();
  if (electron === null) fail(NO_ELECTRON);
}
const electronVersion = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;

// 2. The code Electron runs.
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!run(process.execPath, [tsc, '-b', 'electron'])) fail('编译桌面外壳失败 / Compiling the desktop shell failed (tsc -b electron).');
if (!existsSync(path.join(root, 'dist-renderer', 'index.html'))) {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!run(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'])) {
    fail('构建界面失败 / Building the renderer failed (vite build).');
  }
}

// 3. Native modules for Electron's ABI (sharp uses N-API and needs no rebuild; better-sqlite3 does).
function fingerprint() {
  if (!existsSync(nativeModule)) return null;
  const s = statSync(nativeModule);
  return { electron: electronVersion, platform: process.platform, arch: process.arch, size: s.size, mtimeMs: s.mtimeMs };
}
function readMarker() {
  try {
    return JSON.parse(readFileSync(marker, 'utf8'));
  } catch {
    return null;
  }
}
const current = fingerprint();
const recorded = readMarker();
const upToDate = current !== null && recorded !== null && Object.entries(current).every(([k, v]) => recorded[k] === v);
if (!upToDate) {
  console.log(`正在为 Electron ${electronVersion} 重新编译原生模块… / Rebuilding native modules for Electron ${electronVersion}…`);
  const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  if (!run(process.execPath, [builder, 'install-app-deps'])) {
    fail(`为 Electron 重新编译 better-sqlite3 失败（需要联网下载 Electron 头文件或预编译包）。
Rebuilding better-sqlite3 for Electron failed (it needs internet for Electron's headers or a prebuilt binary).
${NO_ELECTRON}`);
  }
  const after = fingerprint();
  if (after !== null) writeFileSync(marker, `${JSON.stringify(after, null, 2)}\n`);
  console.log(`提示：better-sqlite3 现为 Electron 编译；命令行与测试（npm run demo / serve / test）需先运行 npm rebuild better-sqlite3。
Note: better-sqlite3 is now built for Electron; before using the CLI or tests under plain Node again, run npm rebuild better-sqlite3.`);
}

// 4. Start the app on the project root.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('error', (e) => fail(`无法启动 Electron / Cannot start Electron: ${e.message}\n${NO_ELECTRON}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
