import { PDFArray, PDFDict, PDFInvalidObject, PDFName, type PDFContext, type PDFObject, PDFRawStream, PDFRef, PDFStream } from '@cantoo/pdf-lib';
import type { PdfObjectWriter } from './object-writer.js';
import { ref } from './pdf-syntax.js';

/** Keys a copied stream dictionary never keeps: the writer sets /Length; PDF/A forbids external streams. */
const DROPPED_STREAM_KEYS = new Set(['/Length', '/F', '/FFilter', '/FDecodeParms', '/DL']);

export interface CopyHooks {
  /** Rewrites /BaseFont and /FontName values (used to tag our own subset fonts `ABCDEF+Name`). */
  fontName?: (name: string) => string;
}

/**
 * Copies objects out of a pdf-lib context into the streaming writer, renumbering references on the
 * way. Objects are written once each (a font shared by 20 pages is copied once) and only when
 * reached, so a page is copied with exactly what it uses. Stream data is passed through as stored
 * (a JPEG inside an imported PDF stays the same bytes).
 */
export class ObjectCopier {
  private readonly numbers = new Map<string, number>();
  private readonly pending: PDFRef[] = [];
  private next = 0;

  constructor(
    private readonly writer: PdfObjectWriter,
    readonly context: PDFContext,
    private readonly hooks: CopyHooks = {},
  ) {}

  /** The output object number of a source reference (allocated on first use, copied by drain()). */
  numberOf(r: PDFRef): number {
    let n = this.numbers.get(r.tag);
    if (n === undefined) {
      n = this.writer.alloc();
      this.numbers.set(r.tag, n);
      this.pending.push(r);
    }
    return n;
  }

  /** PDF syntax for a direct object, references mapped. */
  serialize(o: PDFObject): string {
    if (o instanceof PDFRef) return ref(this.numberOf(o));
    if (o instanceof PDFDict) return this.serializeDict(o);
    if (o instanceof PDFArray)
      return `[${o
        .asArray()
        .map((x) => this.serialize(x))
        .join(' ')}]`;
    if (o instanceof PDFStream) throw new Error('a stream cannot be a direct object');
    if (o instanceof PDFInvalidObject) throw new Error('the PDF holds an object that cannot be parsed');
    return o.toString();
  }

  /**
   * A dictionary with some entries replaced (string: PDF syntax) or removed (null); replacements
   * for keys the dictionary lacks are added.
   */
  serializeDict(d: PDFDict, overrides: Record<string, string | null> = {}, dropped?: ReadonlySet<string>): string {
    let out = '<<';
    const done = new Set<string>();
    for (const [k, v] of d.entries()) {
      const key = k.toString();
      if (dropped?.has(key)) continue;
      const plain = key.slice(1);
      if (plain in overrides) {
        done.add(plain);
        const o = overrides[plain];
        if (o !== null && o !== undefined) out += `${key} ${o}`;
        continue;
      }
      if (this.hooks.fontName && (key === '/BaseFont' || key === '/FontName') && v instanceof PDFName) {
        out += `${key} ${PDFName.of(this.hooks.fontName(v.decodeText())).toString()}`;
        continue;
      }
      out += `${key} ${this.serialize(v)}`;
    }
    for (const [k, v] of Object.entries(overrides)) if (!done.has(k) && v !== null) out += `/${k} ${v}`;
    return `${out}>>`;
  }

  /** Writes every object reached so far (and whatever those reach). */
  async drain(): Promise<void> {
    while (this.next < this.pending.length) {
      const r = this.pending[this.next++]!;
      const n = this.numbers.get(r.tag)!;
      const o = this.context.lookup(r);
      if (o === undefined) {
        // A dangling reference means null (ISO 32000-1 §7.3.10).
        await this.writer.object(n, 'null');
      } else if (o instanceof PDFStream) {
        const data = o instanceof PDFRawStream ? o.contents : o.getContents();
        await this.writer.stream(n, this.serializeDict(o.dict, {}, DROPPED_STREAM_KEYS).slice(2, -2), data);
      } else {
        await this.writer.object(n, this.serialize(o));
      }
    }
  }
}
