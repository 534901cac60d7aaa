import type { FileHandle } from 'node:fs/promises';
import { toIoError } from '../archive/object-store.js';
import type { FilePort } from '../ports/file-port.js';
import { borrowBuffer, giveBackBuffer } from './buffer-cache.js';

/**
 * Reads scan files into two reusable buffers, alternately: one holds the page being written while the
 * next page is read into the other. A 2 MB Buffer per page would be garbage the moment the page is
 * written, and V8 collects such external memory lazily — the process then grows with the page count
 * although nothing is kept. A buffer grows to the largest file read and stays that size.
 *
 * The caller must be done with the bytes of read k before read k + 2 starts.
 */
export class ReadPool {
  private readonly slots: Buffer[] = [borrowBuffer(4 << 20), borrowBuffer(4 << 20)];
  private count = 0;

  constructor(private readonly files: FilePort) {}

  /** Hands the buffers back for the next volume. The pool must not be used afterwards. */
  release(): void {
    for (const b of this.slots.splice(0)) giveBackBuffer(b);
  }

  async read(file: string, label: string): Promise<Uint8Array> {
    const slot = this.count++ % 2;
    let h: FileHandle | null = null;
    try {
      h = await this.files.open(file, 'r');
      const size = (await h.stat()).size;
      if (this.slots[slot]!.length < size) this.slots[slot] = Buffer.allocUnsafe(Math.ceil(size * 1.25)); // kept by release()
      const buf = this.slots[slot]!;
      let off = 0;
      while (off < size) {
        const { bytesRead } = await h.read(buf, off, size - off, off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      return buf.subarray(0, off);
    } catch (e) {
      throw toIoError(e, label);
    } finally {
      await h?.close().catch(() => undefined);
    }
  }
}
