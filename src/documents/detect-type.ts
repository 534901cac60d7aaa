import type { FileHandle } from 'node:fs/promises';

export type ScanMediaType = 'image/jpeg' | 'image/png' | 'image/tiff' | 'application/pdf';

/** Identifies a document file by its first bytes, never by its name. */
export async function detectMediaType(h: FileHandle): Promise<ScanMediaType | null> {
  const buf = Buffer.alloc(1024);
  const { bytesRead } = await h.read(buf, 0, buf.length, 0);
  const b = buf.subarray(0, bytesRead);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 4 && (b.subarray(0, 4).equals(Buffer.from('II*\0', 'latin1')) || b.subarray(0, 4).equals(Buffer.from('MM\0*', 'latin1'))))
    return 'image/tiff';
  // PDF readers accept the header anywhere in the first 1024 bytes.
  if (b.includes(Buffer.from('%PDF-', 'latin1'))) return 'application/pdf';
  return null;
}
