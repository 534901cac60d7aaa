import react from '@vitejs/plugin-react';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The renderer is a static bundle served by the localhost bridge (`juanzong serve`) and loaded by the
// Electron window. `base: './'` keeps asset URLs relative so both work from any folder.
// `vite dev` against a running bridge: pass the address `juanzong serve` printed (with its launch token):
//   JUANZONG_BRIDGE='http://127.0.0.1:PORT/?launch=TOKEN' npx vite --config renderer/vite.config.ts
const root = fileURLToPath(new URL('.', import.meta.url));
const bridge = process.env.JUANZONG_BRIDGE ? new URL(process.env.JUANZONG_BRIDGE) : null;

/** Proxies /api, /upload and /media to the bridge, which only trusts its own Host and launch token. */
function bridgeProxy(target: URL) {
  const launch = target.searchParams.get('launch') ?? '';
  const options = {
    target: target.origin,
    changeOrigin: true,
    headers: { 'X-Juanzong-Launch': launch },
    configure: (proxy: { on(event: 'proxyReq', cb: (req: { removeHeader(name: string): void }) => void): void }) => {
      proxy.on('proxyReq', (req) => req.removeHeader('origin'));
    },
  };
  return Object.fromEntries(['/api', '/upload', '/media'].map((p) => [p, options]));
}

/**
 * pdf.js loads its CMaps (Chinese PDFs with unembedded fonts), standard fonts and WebAssembly image
 * decoders (JBIG2/JPEG 2000, common in scans) by URL at run time: ship them under pdfjs/.
 */
function pdfjsAssets(): Plugin {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const dirs = ['cmaps', 'standard_fonts', 'wasm', 'iccs'].filter((d) => existsSync(path.join(pkg, d)));
  const types: Record<string, string> = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript' };
  return {
    name: 'juanzong-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const rel = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '');
        const [dir, ...rest] = rel.split('/');
        const file = path.join(pkg, dir ?? '', ...rest);
        if (!dir || !dirs.includes(dir) || !file.startsWith(pkg) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', types[path.extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const dir of dirs) {
        for (const name of readdirSync(path.join(pkg, dir))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: readFileSync(path.join(pkg, dir, name)) });
        }
      }
    },
  };
}

/** `vite dev` injects inline scripts (React refresh) and a websocket, which the page's CSP forbids. */
function relaxCspInDev(): Plugin {
  return {
    name: 'juanzong-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>\s*/, ''),
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), pdfjsAssets(), relaxCspInDev()],
  build: {
    outDir: '../dist-renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
  server: {
    proxy: bridge ? bridgeProxy(bridge) : undefined,
  },
});
