import path from 'node:path';
import type { OpResult } from '../../src/api/contract.js';
import { openCore } from '../../src/app-core.js';
import { startBridge, type Bridge } from '../../src/bridge/server.js';
import type { Clock } from '../../src/ports/clock.js';
import { projectRoot } from '../../src/resources/paths.js';
import { tmpDir } from '../helpers/tmp.js';

export const PASSWORD = 'secret-pass-1';

/** A clock the test moves by hand. */
export function manualClock(): Clock & { advance(ms: number): void } {
  let t = Date.parse('2025-03-01T01:00:00Z');
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

export type Core = Awaited<ReturnType<typeof openCore>>;

/** A real archive behind a real bridge, probed with plain HTTP as a browser tab (or an attacker on the machine) would. */
export async function probeBridge(opts: { clock?: Clock } = {}) {
  const core = await openCore({ archiveDir: path.join(tmpDir(), 'archive'), createIfMissing: true, ...(opts.clock ? { clock: opts.clock } : {}) });
  const bridge: Bridge = await startBridge({ core, staticDir: path.join(projectRoot(), 'dist-renderer') });
  const base = `http://127.0.0.1:${bridge.port}`;
  const launch = { 'X-Juanzong-Launch': bridge.launchToken };

  async function post(name: string, input: unknown, token?: string): Promise<{ status: number; headers: Headers; body: OpResult<never> }> {
    const r = await fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: { ...launch, 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
    return { status: r.status, headers: r.headers, body: (await r.json()) as OpResult<never> };
  }

  async function signIn(username: string, password = PASSWORD): Promise<string> {
    const r = await post('auth.login', { username, password });
    if (!r.body.ok) throw new Error(`sign-in of ${username}: ${r.body.error.message}`);
    return (r.body.value as { token: string }).token;
  }

  /** Sets up the administrator and the given accounts; returns their session tokens. */
  async function accounts(roles: Record<string, string>): Promise<Record<string, string>> {
    const s = await post('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD });
    if (!s.body.ok) throw new Error(s.body.error.message);
    const tokens: Record<string, string> = { admin: (s.body.value as { token: string }).token };
    for (const [username, role] of Object.entries(roles)) {
      const r = await post('user.create', { username, displayName: username, role, password: PASSWORD }, tokens.admin);
      if (!r.body.ok) throw new Error(r.body.error.message);
      tokens[username] = await signIn(username);
    }
    return tokens;
  }

  /** Opens /api/events and collects what arrives (`status` is the HTTP answer). */
  async function events(token?: string) {
    const ac = new AbortController();
    const r = await fetch(`${base}/api/events`, { headers: { ...launch, ...(token ? { Authorization: `Bearer ${token}` } : {}) }, signal: ac.signal });
    const received: Record<string, unknown>[] = [];
    let text = '';
    const done = (async () => {
      if (r.status !== 200 || !r.body) {
        text = await r.text();
        return;
      }
      const decoder = new TextDecoder();
      try {
        for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
          text += decoder.decode(chunk, { stream: true });
          for (const m of text.matchAll(/^data: (.*)$/gm)) received.push(JSON.parse(m[1]!) as Record<string, unknown>);
          text = text.slice(text.lastIndexOf('\n') + 1);
        }
      } catch {
        /* aborted */
      }
    })();
    if (r.status !== 200) await done;
    return {
      status: r.status,
      received,
      text: () => text,
      close: async () => {
        ac.abort();
        await done;
      },
    };
  }

  return {
    core,
    bridge,
    base,
    launch,
    post,
    signIn,
    accounts,
    events,
    close: async () => {
      await bridge.close();
      await core.close();
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
