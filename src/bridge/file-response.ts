import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { contentRange, parseRange, unsatisfiedRange } from './http-range.js';

/**
 * A fetch `Response` for a stored file, answering a Range request with 206 (or 416) and anything
 * else with 200. No Electron in here, so the tests run it against real files under plain Node.
 */
export async function fileResponse(
  file: string,
  opts: { mediaType: string; method: string; range: string | null; headers?: Record<string, string>; strictRange?: boolean },
): Promise<Response> {
  const size = (await stat(file)).size;
  const base: Record<string, string> = {
    ...opts.headers,
    'Content-Type': opts.mediaType,
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  };
  const answer = parseRange(opts.range, size, { strict: opts.strictRange ?? false });
  if (answer.kind === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...base, 'Content-Range': unsatisfiedRange(size) } });
  }
  const [status, start, end] = answer.kind === 'partial' ? [206, answer.start, answer.end] : [200, 0, size - 1];
  const headers: Record<string, string> = { ...base, 'Content-Length': String(end - start + 1) };
  if (status === 206) headers['Content-Range'] = contentRange(start, end, size);
  if (opts.method === 'HEAD' || size === 0) return new Response(null, { status, headers });
  const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}
