import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * Renders PDF pages (documents imported from PDF have no thumbnails of their own) with pdf.js,
 * loaded on first use. Each stored file is fetched once and kept in a small cache.
 */
type PdfJs = typeof import('pdfjs-dist');

let lib: Promise<PdfJs> | null = null;
function pdfjs(): Promise<PdfJs> {
  lib ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([mod, worker]) => {
    mod.GlobalWorkerOptions.workerSrc = worker.default;
    return mod;
  });
  return lib;
}

const MAX_DOCS = 6;
const docs = new Map<string, Promise<PDFDocumentProxy>>();

function assets(dir: string): string {
  return new URL(`pdfjs/${dir}/`, document.baseURI).href;
}

export function loadPdf(url: string): Promise<PDFDocumentProxy> {
  const hit = docs.get(url);
  if (hit) {
    docs.delete(url);
    docs.set(url, hit); // most recently used last
    return hit;
  }
  const loading = (async () => {
    const mod = await pdfjs();
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const data = new Uint8Array(await res.arrayBuffer());
    return mod.getDocument({
      data,
      isEvalSupported: false,
      cMapUrl: assets('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: assets('standard_fonts'),
      wasmUrl: assets('wasm'),
      iccUrl: assets('iccs'),
    }).promise;
  })();
  loading.catch(() => docs.delete(url));
  docs.set(url, loading);
  while (docs.size > MAX_DOCS) {
    const [oldest, doc] = docs.entries().next().value as [string, Promise<PDFDocumentProxy>];
    docs.delete(oldest);
    void doc.then((d) => d.destroy()).catch(() => undefined);
  }
  return loading;
}

/** Draws page `pageNumber` (1-based) into `canvas`, fitting `cssWidth` × `cssHeight`. */
export async function renderPdfPage(url: string, pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): Promise<void> {
  const doc = await loadPdf(url);
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(cssWidth / base.width, cssHeight / base.height);
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  const viewport = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
  page.cleanup();
}
