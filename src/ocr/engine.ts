import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { createScheduler, createWorker, OEM, type Scheduler } from 'tesseract.js';
import type { OcrLine, OcrPageText } from '../domain/ocr-text.js';
import { normaliseOcrLine } from './normalise-text.js';

/**
 * Simplified-Chinese OCR with tesseract.js (Tesseract compiled to WebAssembly, each worker a Node
 * worker thread) and the chi_sim traineddata from the npm package @tesseract.js-data/chi_sim — so it
 * runs in Electron on an office PC with no system tesseract and no network. One worker per core by
 * default; the workers start on first use and end with `close()`.
 */
export interface OcrEngine {
  recognise(image: Buffer, size: { width: number; height: number }): Promise<OcrPageText>;
  close(): Promise<void>;
  readonly name: string;
}

const require = createRequire(import.meta.url);
const CHI_SIM = require('@tesseract.js-data/chi_sim') as { langPath: string; gzip: boolean };
const TESSERACT_VERSION = (require('tesseract.js/package.json') as { version: string }).version;

/** What the catalogue records as the engine of a page's text. */
export const ENGINE_NAME = `tesseract.js ${TESSERACT_VERSION} chi_sim 4.0.0 (LSTM)`;

export function createOcrEngine(o: { workers?: number } = {}): OcrEngine {
  const count = Math.max(1, o.workers ?? Math.min(availableParallelism(), 4));
  let scheduler: Promise<Scheduler> | null = null;
  const start = async (): Promise<Scheduler> => {
    const s = createScheduler();
    const workers = await Promise.all(
      Array.from({ length: count }, () =>
        createWorker('chi_sim', OEM.LSTM_ONLY, {
          langPath: CHI_SIM.langPath,
          gzip: CHI_SIM.gzip,
          // Read the traineddata from node_modules every time; never write a cache into the working folder.
          cacheMethod: 'none',
        }),
      ),
    );
    for (const w of workers) {
      await w.setParameters({ preserve_interword_spaces: '1' });
      s.addWorker(w);
    }
    return s;
  };
  return {
    name: ENGINE_NAME,
    async recognise(image, size) {
      scheduler ??= start();
      const s = await scheduler;
      const r = await s.addJob('recognize', image, {}, { text: false, blocks: true });
      const lines: OcrLine[] = [];
      for (const b of r.data.blocks ?? [])
        for (const p of b.paragraphs)
          for (const l of p.lines) {
            const text = normaliseOcrLine(l.text);
            if (!text) continue;
            lines.push({ text, bbox: [l.bbox.x0, l.bbox.y0, l.bbox.x1, l.bbox.y1], confidence: Math.round(l.confidence * 10) / 10 });
          }
      // The page's confidence: the mean over its characters, so a long good line outweighs a speck.
      const chars = lines.reduce((n, l) => n + l.text.length, 0);
      const confidence = chars ? lines.reduce((s, l) => s + l.confidence * l.text.length, 0) / chars : 0;
      return { width: size.width, height: size.height, lines, confidence: Math.round(confidence * 10) / 10 };
    },
    async close() {
      const s = scheduler;
      scheduler = null;
      if (s) await (await s).terminate();
    },
  };
}
