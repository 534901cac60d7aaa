import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppCore, MEDIA_KINDS, type MediaKind } from '../app-core.js';
import { parseCookies, setCookie } from './cookies.js';
import { fileResponse } from './file-response.js';
import { hostAndOriginOk, sameSecret } from './request-guard.js';
import { MAX_JSON_BYTES, MAX_UPLOAD_BYTES, declaredTooLarge, drain, limitedBody, readLimited, tooLarge } from './body-limit.js';
import { AppError, toErrorPayload } from '../api/errors.js';
import { serveStatic } from './static-files.js';

/** `/media/<kind>/<id>`: ids in, never paths. */
const MEDIA_PATH = new RegExp(`^/media/(${MEDIA_KINDS.join('|')})/(\\d+)$`);

export interface BridgeOptions {
  core: AppCore;
  /** dist-renderer/ */
  staticDir: string;
  port?: number;
  /** For tests; a random one otherwise. */
  launchToken?: string;
}

export interface Bridge {
  server: Server;
  port: number;
  /** Open this in the browser: it trades the launch token for a cookie. */
  url: string;
  launchToken: string;
  close(): Promise<void>;
}

const LAUNCH_COOKIE = 'jz_launch';
const SESSION_COOKIE = 'jz_session';

/**
 * The localhost HTTP bridge: the same contract as Electron's IPC, for the React UI in a browser.
 * Binds 127.0.0.1 only; every request needs the per-launch token (cookie or X-Juanzong-Launch) and a
 * Host/Origin of our own, so no other web page can drive it.
 */
export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const launchToken = opts.launchToken ?? randomBytes(24).toString('base64url');
  const { core } = opts;
  const sse = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      const error = toErrorPayload(e);
      if (!res.headersSent) res.writeHead(statusFor(error.code), { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ ok: false, error }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!hostAndOriginOk(req, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden host or origin / 拒绝：来源不受信任');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      throw new AppError('invalid_input', 'malformed request address', '请求地址格式错误', { item: req.url ?? '' });
    }
    const cookies = parseCookies(req.headers.cookie);
    const address = `http:${req.socket.remoteAddress ?? 'unknown'}`;

    if (req.method === 'GET' && url.searchParams.has('launch')) {
      if (!sameSecret(url.searchParams.get('launch') ?? undefined, launchToken)) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Wrong launch token / 启动令牌无效');
        return;
      }
      res.writeHead(302, { 'Set-Cookie': setCookie(LAUNCH_COOKIE, launchToken), Location: url.pathname }).end();
      return;
    }
    const launched = sameSecret(cookies.get(LAUNCH_COOKIE), launchToken) || sameSecret(header(req, 'x-juanzong-launch'), launchToken);
    if (!launched) {
      res
        .writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Open the address printed by `juanzong serve` / 请打开 juanzong serve 输出的地址');
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(header(req, 'authorization') ?? '')?.[1];
    const session = bearer ?? cookies.get(SESSION_COOKIE);

    if (url.pathname.startsWith('/api/') && req.method === 'POST') return api(url.pathname.slice(5), req, res, session, address);
    if (url.pathname === '/api/events' && req.method === 'GET') return events(res, session);
    if (url.pathname === '/upload' && req.method === 'POST') {
      const name = url.searchParams.get('name') ?? '';
      if (declaredTooLarge(req, MAX_UPLOAD_BYTES)) return refuseBody(req, res, tooLarge(name || 'upload', MAX_UPLOAD_BYTES));
      const r = await core.stageStream(name, limitedBody(req, MAX_UPLOAD_BYTES, name || 'upload'), session);
      if (!r.ok && r.error.code === 'too_large') return refuseBody(req, res, r.error);
      return json(res, r.ok ? 200 : statusFor(r.error.code), r);
    }
    const media = MEDIA_PATH.exec(url.pathname);
    if (media && (req.method === 'GET' || req.method === 'HEAD')) return sendMedia(media[1] as MediaKind, Number(media[2]), req, res, session);
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(opts.staticDir, url.pathname, res);
    res.writeHead(405).end();
  }

  async function api(name: string, req: IncomingMessage, res: ServerResponse, session: string | undefined, address: string): Promise<void> {
    if (!(header(req, 'content-type') ?? '').startsWith('application/json')) {
      return json(res, 415, {
        ok: false,
        error: { code: 'invalid_input', message: 'Content-Type must be application/json', messageZh: '请求格式必须为 JSON' },
      });
    }
    if (declaredTooLarge(req, MAX_JSON_BYTES)) return refuseBody(req, res, tooLarge(name, MAX_JSON_BYTES));
    let input: unknown;
    try {
      const body = await readLimited(req, MAX_JSON_BYTES, name);
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (e) {
      if (e instanceof AppError && e.code === 'too_large') return refuseBody(req, res, e.toJSON());
      return json(res, 400, {
        ok: false,
        error: { code: 'invalid_input', message: `bad JSON body: ${(e as Error).message}`, messageZh: '请求内容不是有效的 JSON' },
      });
    }
    const r = await core.invoke(name, input, { transport: 'http', address, ...(session ? { sessionToken: session } : {}) });
    const headers: Record<string, string> = {};
    if (r.ok && (name === 'auth.login' || name === 'auth.setup')) headers['Set-Cookie'] = setCookie(SESSION_COOKIE, (r.value as { token: string }).token);
    if (name === 'auth.logout') headers['Set-Cookie'] = setCookie(SESSION_COOKIE, '', { maxAge: 0 });
    if (!r.ok && r.error.code === 'throttled')
      headers['Retry-After'] = String((r.error.details as { retryAfterSec?: number } | undefined)?.retryAfterSec ?? 30);
    json(res, r.ok ? 200 : statusFor(r.error.code), r, headers);
  }

  /** Server-sent events, for a signed-in session only, and only the events its role may see. */
  function events(res: ServerResponse, session: string | undefined): void {
    const stop = core.subscribeAs(
      session,
      (e) => res.write(`data: ${JSON.stringify(e)}\n\n`),
      () => res.end(),
    );
    if (stop === null) return json(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'please sign in', messageZh: '请先登录' } });
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sse.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15000);
    res.on('close', () => {
      clearInterval(ping);
      stop();
      sse.delete(res);
    });
  }

  /** 413 with the reason, then drop the rest of the body so the client reads the answer. */
  function refuseBody(req: IncomingMessage, res: ServerResponse, error: ReturnType<typeof toErrorPayload>): void {
    drain(req);
    json(res, 413, { ok: false, error }, { Connection: 'close' });
  }

  async function sendMedia(kind: MediaKind, id: number, req: IncomingMessage, res: ServerResponse, session: string | undefined): Promise<void> {
    const file = core.media(kind, id, session);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found / 未找到');
      return;
    }
    if ('refused' in file) return json(res, file.status, { ok: false, error: file.error });
    // Original footage is re-checked on every range (a revoked grant stops the next one): never cached.
    const cache = file.strictRange ? 'no-store' : 'private, max-age=3600';
    let answer: Response;
    try {
      answer = await fileResponse(file.path, {
        mediaType: file.mediaType,
        method: req.method ?? 'GET',
        range: header(req, 'range') ?? null,
        headers: { 'Cache-Control': cache },
        strictRange: file.strictRange ?? false,
      });
    } catch {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Cannot read the stored file / 无法读取存储文件');
      return;
    }
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    if (answer.body) Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream).pipe(res);
    else res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    launchToken,
    url: `http://127.0.0.1:${port}/?launch=${launchToken}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of sse) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function statusFor(code: string): number {
  switch (code) {
    case 'unauthenticated':
    case 'bad_credentials':
      return 401;
    case 'throttled':
      return 429;
    case 'locked':
      return 423;
    case 'too_large':
      return 413;
    case 'busy':
      return 503;
    case 'disk_full':
      return 507;
    case 'forbidden':
    case 'transport_not_allowed':
      return 403;
    case 'not_found':
      return 404;
    case 'duplicate':
    case 'setup_done':
    case 'sealed':
      return 409;
    case 'internal':
    case 'io_error':
      return 500;
    default:
      return 400;
  }
}
