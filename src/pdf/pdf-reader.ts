import type { FileHandle } from 'node:fs/promises';

/**
 * A minimal reader for the PDFs our writer produces (classic xref table, one section, uncompressed
 * dictionaries): enough to re-open an exported volume from disk and check its structure without
 * loading it — pdf-lib would pull a 600 MB volume into memory, which is what the writer avoids.
 * Not a general PDF parser: anything unexpected is reported as a failure.
 */
export class PdfFileReader {
  readonly offsets: number[] = [];
  trailer = '';

  private constructor(
    private readonly h: FileHandle,
    readonly size: number,
  ) {}

  static async open(h: FileHandle): Promise<PdfFileReader> {
    const size = (await h.stat()).size;
    const r = new PdfFileReader(h, size);
    await r.readXref();
    return r;
  }

  /** Scratch space reused by every read (callers turn it into a string or copy it at once). */
  private scratch = Buffer.allocUnsafe(16 * 1024);

  /** Bytes at a position. The result is only valid until the next call (it is the reader's scratch buffer). */
  async bytes(at: number, length: number): Promise<Buffer> {
    const want = Math.max(0, Math.min(length, this.size - at));
    if (this.scratch.length < want) this.scratch = Buffer.allocUnsafe(want);
    let off = 0;
    while (off < want) {
      const { bytesRead } = await this.h.read(this.scratch, off, want - off, at + off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return this.scratch.subarray(0, off);
  }

  /** Object n's text up to `endobj`, or up to `stream` for a stream (its data is not read). */
  async object(n: number): Promise<{ text: string; streamAt: number | null }> {
    const at = this.offsets[n];
    if (at === undefined || at <= 0) throw new Error(`object ${n} is not in the cross-reference table`);
    let len = 4096;
    for (;;) {
      const s = (await this.bytes(at, len)).toString('latin1');
      if (!s.startsWith(`${n} 0 obj`)) throw new Error(`the xref entry of object ${n} does not point at it`);
      const streamIdx = s.search(/>>\s*stream\r?\n/);
      const endIdx = s.indexOf('endobj');
      if (streamIdx >= 0 && (endIdx < 0 || streamIdx < endIdx)) {
        const m = /stream\r?\n/.exec(s.slice(streamIdx))!;
        return { text: s.slice(0, streamIdx + 2), streamAt: at + streamIdx + m.index + m[0].length };
      }
      if (endIdx >= 0) return { text: s.slice(0, endIdx), streamAt: null };
      if (at + len >= this.size) throw new Error(`object ${n} has no endobj`);
      len *= 4;
    }
  }

  /** The data of a stream object (unfiltered streams only: metadata, small content). */
  async streamData(n: number): Promise<Buffer> {
    const o = await this.object(n);
    const len = /\/Length (\d+)/.exec(o.text);
    if (o.streamAt === null || !len) throw new Error(`object ${n} is not a stream with a direct /Length`);
    return Buffer.from(await this.bytes(o.streamAt, Number(len[1])));
  }

  private async readXref(): Promise<void> {
    const tail = (await this.bytes(Math.max(0, this.size - 1024), 1024)).toString('latin1');
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!m) throw new Error('no startxref / %%EOF at the end of the file');
    const at = Number(m[1]);
    const head = (await this.bytes(at, 64)).toString('latin1');
    const h = /^xref\r?\n0 (\d+)\r?\n/.exec(head);
    if (!h) throw new Error('startxref does not point at an xref table');
    const count = Number(h[1]);
    const table = (await this.bytes(at + h[0].length, count * 20 + 4096)).toString('latin1');
    for (let i = 0; i < count; i++) {
      const e = table.slice(i * 20, i * 20 + 20);
      const em = /^(\d{10}) (\d{5}) ([nf])[ \r][\n\r]$/.exec(e);
      if (!em) throw new Error(`xref entry ${i} is malformed`);
      this.offsets.push(em[3] === 'n' ? Number(em[1]) : 0);
    }
    const rest = table.slice(count * 20);
    const t = /^trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(rest);
    if (!t) throw new Error('no trailer after the xref table');
    this.trailer = t[1]!;
  }
}

/** `/Key n 0 R` → n. */
export function refIn(text: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(text);
  return m ? Number(m[1]) : null;
}
