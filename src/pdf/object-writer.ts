import type { ByteSink } from './byte-sink.js';
import { array, dict, ref } from './pdf-syntax.js';

/**
 * Writes a PDF one object at a time: header, objects in any order as they become ready, then a
 * classic cross-reference table and trailer. Only the offsets (8 bytes an object) stay in memory, so
 * a volume of any length costs the same memory as one page. Object numbers are handed out up front
 * (alloc) so a page can point at its parent before the page tree is written.
 *
 * Written by hand because pdf-lib serialises only a whole in-memory document (PDFWriter walks the
 * complete context); see docs/decisions/0003-pdf-export.md.
 */
export class PdfObjectWriter {
  /** offsets[n] = byte offset of object n; -1 while allocated but not written. */
  private readonly offsets: number[] = [0];

  constructor(readonly sink: ByteSink) {}

  /** `%PDF-1.7` and the binary comment PDF/A asks for (4 bytes ≥ 128), so tools treat it as binary. */
  async header(): Promise<void> {
    await this.sink.write(Buffer.from([...Buffer.from('%PDF-1.7\n%', 'latin1'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
  }

  alloc(): number {
    this.offsets.push(-1);
    return this.offsets.length - 1;
  }

  get objectCount(): number {
    return this.offsets.length - 1;
  }

  /** Writes `n 0 obj <body> endobj`; body is PDF syntax (latin1). */
  async object(n: number, body: string): Promise<void> {
    this.begin(n);
    await this.sink.text(`${n} 0 obj\n${body}\nendobj\n`);
  }

  /**
   * Writes a stream object. `dictBody` is the inside of the dictionary without /Length; the data is
   * given as chunks whose total length is known (a JPEG read from disk, a compressed content stream).
   */
  async stream(n: number, dictBody: string, data: Uint8Array | readonly Uint8Array[]): Promise<void> {
    const chunks = data instanceof Uint8Array ? [data] : data;
    const length = chunks.reduce((s, c) => s + c.byteLength, 0);
    this.begin(n);
    await this.sink.text(`${n} 0 obj\n<<${dictBody}/Length ${length}>>\nstream\n`);
    for (const c of chunks) await this.sink.write(c);
    await this.sink.text('\nendstream\nendobj\n');
  }

  /** The cross-reference table and trailer. Every allocated object must have been written. */
  async finish(trailer: { root: number; info: number; id: string }): Promise<void> {
    const missing = this.offsets.findIndex((o, i) => i > 0 && o < 0);
    if (missing > 0) throw new Error(`PDF object ${missing} was allocated but never written`);
    const xrefAt = this.sink.offset;
    const size = this.offsets.length;
    const lines = [`xref\n0 ${size}\n0000000000 65535 f \n`];
    for (let i = 1; i < size; i++) lines.push(`${String(this.offsets[i]).padStart(10, '0')} 00000 n \n`);
    // Join in slices: a 2,000-page volume has ~10k entries (200 KB), fine as one write.
    await this.sink.text(lines.join(''));
    const t = dict({ Size: String(size), Root: ref(trailer.root), Info: ref(trailer.info), ID: array([trailer.id, trailer.id]) });
    await this.sink.text(`trailer\n${t}\nstartxref\n${xrefAt}\n%%EOF\n`);
  }

  private begin(n: number): void {
    if (n <= 0 || n >= this.offsets.length) throw new Error(`PDF object ${n} was not allocated`);
    if (this.offsets[n] !== -1) throw new Error(`PDF object ${n} written twice`);
    this.offsets[n] = this.sink.offset;
  }
}
