import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OpName, OpResult } from '../../src/api/contract.js';
import type { StagedUpload } from '../../src/api/types.js';
import { openCore } from '../../src/app-core.js';
import { startBridge, type Bridge } from '../../src/bridge/server.js';
import { projectRoot } from '../../src/resources/paths.js';

/** One way into the core: the contract suite runs the same tests through each. */
export interface TestClient {
  name: string;
  token: string | undefined;
  call<N extends OpName>(name: N, input: unknown): Promise<OpResult<N>>;
  /** Hands a local file to the core the way this transport does (path or HTTP upload). */
  upload(file: string, name?: string): Promise<OpResult<'upload.stagePath'>>;
  close(): Promise<void>;
}

type Core = Awaited<ReturnType<typeof openCore>>;

export async function directClient(archiveDir: string): Promise<TestClient & { core: Core }> {
  const core = await openCore({ archiveDir, createIfMissing: true });
  const c: TestClient & { core: Core } = {
    name: 'direct',
    core,
    token: undefined,
    call: (name, input) => core.invoke(name, input, { transport: 'direct', ...(c.token ? { sessionToken: c.token } : {}) }),
    upload: async (file, name) => {
      if (name === undefined) return core.invoke('upload.stagePath', { path: file }, { transport: 'direct', ...(c.token ? { sessionToken: c.token } : {}) });
      async function* body() {
        yield readFileSync(file);
      }
      return core.stageStream(name, body(), c.token);
    },
    close: async () => core.close(),
  };
  return c;
}

export async function bridgeClient(archiveDir: string): Promise<TestClient & { bridge: Bridge; core: Core }> {
  const core = await openCore({ archiveDir, createIfMissing: true });
  const bridge = await startBridge({ core, staticDir: path.join(projectRoot(), 'dist-renderer') });
  const base = `http://127.0.0.1:${bridge.port}`;
  const headers = (): Record<string, string> => ({
    'X-Juanzong-Launch': bridge.launchToken,
    ...(c.token ? { Authorization: `Bearer ${c.token}` } : {}),
  });
  const c: TestClient & { bridge: Bridge; core: Core } = {
    name: 'http',
    bridge,
    core,
    token: undefined,
    call: async (name, input) => {
      const r = await fetch(`${base}/api/${name}`, {
        method: 'POST',
        headers: { ...headers(), 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await r.json()) as OpResult<typeof name>;
    },
    upload: async (file, name) => {
      const r = await fetch(`${base}/upload?name=${encodeURIComponent(name ?? path.basename(file))}`, {
        method: 'POST',
        headers: headers(),
        body: readFileSync(file),
      });
      return (await r.json()) as OpResult<'upload.stagePath'>;
    },
    close: async () => {
      await bridge.close();
      await core.close();
    },
  };
  return c;
}

export function ok<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error.message}`);
  return r.value;
}

export type Staged = StagedUpload;
