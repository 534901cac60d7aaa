import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OcrPageText } from '../domain/ocr-text.js';
import type { OcrEngine } from './engine.js';

/**
 * A folder of recognised pages keyed by the SHA-256 of the picture and the engine's name, in front of
 * an engine. The catalogue already reads each stored image once; this is for building the same
 * archive again (the demo, rebuilt by every end-to-end test and by a newcomer trying it twice), whose
 * generated scans are byte-identical each time. Set by JUANZONG_OCR_CACHE; a damaged entry is read again.
 */
export function withOcrCache(engine: OcrEngine, dir: string): OcrEngine {
  return {
    name: engine.name,
    async recognise(image, size) {
      const key = createHash('sha256').update(engine.name).update('\0').update(image).digest('hex');
      const file = path.join(dir, `${key}.json`);
      try {
        const hit = JSON.parse(readFileSync(file, 'utf8')) as OcrPageText;
        if (hit.width === size.width && hit.height === size.height && Array.isArray(hit.lines)) return hit;
      } catch {
        // not cached (or damaged): read it
      }
      const text = await engine.recognise(image, size);
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(text));
        renameSync(tmp, file);
      } catch {
        // a cache that cannot be written only costs time
      }
      return text;
    },
    close: () => engine.close(),
  };
}
