import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/**
 * DNS-rebinding and cross-site defences: the Host must be our loopback address and port, and an
 * Origin (browsers send one on POST and on cross-origin requests) must be our own origin.
 */
export function hostAndOriginOk(req: IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host;
  if (!host || !allowedHosts.includes(host.toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin.toLowerCase() === `http://${h}`)) return false;
  return true;
}

export function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
