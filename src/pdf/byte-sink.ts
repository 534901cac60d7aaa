import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { Hasher } from '../ports/digests.js';
import { borrowBuffer, giveBackBuffer } from './buffer-cache.js';

const BUFFER_BYTES = 1 << 20;

/**
 * Appends bytes to an open file through a 1 MiB buffer, counting the offset (the xref needs it)
 * and hashing everything on the way, so the digest of the output costs no second read. Large chunks
 * (JPEG scans) go straight to the file after the buffer is flushed.
 */
export class ByteSink {
  private buf = borrowBuffer(BUFFER_BYTES);
  private used = 0;
  private written = 0;
  private readonly sha256: Hash = createHash('sha256');

  constructor(
    private readonly handle: FileHandle,
    private readonly extra: Hasher | null = null,
  ) {}

  /** Bytes appended so far (buffered or not): the offset of the next byte in the file. */
  get offset(): number {
    return this.written + this.used;
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.sha256.update(bytes);
    this.extra?.update(bytes);
    if (bytes.byteLength >= BUFFER_BYTES / 2) {
      await this.flush();
      await this.writeAll(bytes);
      return;
    }
    if (this.used + bytes.byteLength > BUFFER_BYTES) await this.flush();
    this.buf.set(bytes, this.used);
    this.used += bytes.byteLength;
  }

  /** Appends a latin1 string (PDF syntax) as bytes 0–255. */
  async text(s: string): Promise<void> {
    await this.write(Buffer.from(s, 'latin1'));
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    const n = this.used;
    this.used = 0;
    await this.writeAll(this.buf.subarray(0, n));
  }

  /** Flushes and returns the digests of everything written. Call once, at the end. */
  async finish(): Promise<{ size: number; sha256: string; extra: string | null }> {
    await this.flush();
    this.release();
    return { size: this.written, sha256: this.sha256.digest('hex'), extra: this.extra?.hex() ?? null };
  }

  /** Gives the buffer back for the next volume (also on failure); the sink must not be used afterwards. */
  release(): void {
    if (this.buf.length) giveBackBuffer(this.buf);
    this.buf = Buffer.alloc(0);
  }

  private async writeAll(bytes: Uint8Array): Promise<void> {
    let off = 0;
    while (off < bytes.byteLength) {
      const { bytesWritten } = await this.handle.write(bytes, off, bytes.byteLength - off, null);
      if (bytesWritten <= 0) throw Object.assign(new Error('write returned no progress'), { code: 'EIO' });
      off += bytesWritten;
    }
    this.written += bytes.byteLength;
  }
}
