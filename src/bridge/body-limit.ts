import type { IncomingMessage } from 'node:http';
import { AppError } from '../api/errors.js';

/** Request bodies: JSON calls of the contract, and uploads of scans and PDFs (a 200-page colour scan is ~430 MB). */
export const MAX_JSON_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export function tooLarge(what: string, limit: number): AppError {
  const mb = Math.round(limit / (1024 * 1024));
  return new AppError('too_large', `${what}: the request body is larger than ${mb} MiB`, `${what}：请求内容超过 ${mb} MiB 上限`, { item: what });
}

/** The declared Content-Length, when it is already over `limit` (answer 413 before reading a byte). */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const n = Number(req.headers['content-length']);
  return Number.isFinite(n) && n > limit;
}

/** The body as it streams in; throws `too_large` as soon as it passes `limit`. */
export async function* limitedBody(req: AsyncIterable<Uint8Array>, limit: number, what: string): AsyncIterable<Uint8Array> {
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw tooLarge(what, limit);
    yield chunk;
  }
}

export async function readLimited(req: IncomingMessage, limit: number, what: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of limitedBody(req, limit, what)) chunks.push(c);
  return Buffer.concat(chunks);
}

/**
 * After answering early (413), read and drop what the client is still sending, so that it receives
 * the answer instead of a connection reset; past `cap` bytes more, give up and close.
 */
export function drain(req: IncomingMessage, cap = 64 * 1024 * 1024): void {
  let dropped = 0;
  req.on('data', (c: Buffer) => {
    dropped += c.length;
    if (dropped > cap) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}
