import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '../api/errors.js';
import { DIGEST_WORKER_SOURCE } from './digest-worker-source.js';
import { createHasher, type DigestAlg, hashWasmPath, type Hasher, type Sm3Backend, sm3Backend } from '../ports/digests.js';

export interface Slot {
  index: number;
  /** The whole slot (chunkSize bytes) to read into. */
  view: Uint8Array;
}

/** One file's digests: the caller reads chunks into slots, hands them over, and gets the hex digests. */
export interface DigestSession {
  acquire(): Promise<Slot>;
  /** Resolves when the hashers have consumed `len` bytes of the slot (the slot is then free to reuse). */
  hash(slot: Slot, len: number): Promise<void>;
  release(slot: Slot): void;
  finish(): Promise<Partial<Record<DigestAlg, string>>>;
  abort(): void;
}

export interface DigestPoolOptions {
  /** Worker threads (default: JUANZONG_DIGEST_THREADS, else one per core, at most 2). 0 hashes on the calling thread. */
  threads?: number;
  slots?: number;
  chunkSize?: number;
  backend?: Sm3Backend;
}

interface Pending {
  acks: Map<number, () => void>;
  done: ((d: Partial<Record<DigestAlg, string>>) => void) | null;
  fail: (e: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  sessions: Map<number, Pending>;
}

/**
 * Hashes files on worker threads so two files are digested at once (SM3 is CPU-bound: ≈ 266 MiB/s on
 * one core here). Each session is bound to one worker; sessions go to the least busy worker. Workers
 * hold the process open only while they have work.
 */
export class DigestPool {
  readonly threads: number;
  readonly chunkSize: number;
  readonly slots: number;
  readonly backend: Sm3Backend;
  private readonly workers: (PoolWorker | null)[];
  private nextSid = 1;

  constructor(opts: DigestPoolOptions = {}) {
    const env = Number(process.env.JUANZONG_DIGEST_THREADS);
    this.threads = opts.threads ?? (Number.isInteger(env) && env >= 0 && process.env.JUANZONG_DIGEST_THREADS ? env : Math.min(2, availableParallelism()));
    this.chunkSize = opts.chunkSize ?? 4 * 1024 * 1024;
    this.slots = opts.slots ?? 3;
    this.backend = opts.backend ?? sm3Backend();
    this.workers = Array.from({ length: this.threads }, () => null);
  }

  async open(algs: readonly DigestAlg[]): Promise<DigestSession> {
    const sab = new SharedArrayBuffer(this.chunkSize * this.slots);
    const slots = new SlotSet(sab, this.chunkSize, this.slots);
    if (this.threads === 0) return inThreadSession(slots, await Promise.all(algs.map((a) => createHasher(a, this.backend))), algs);
    const pw = this.pickWorker();
    const sid = this.nextSid++;
    let failure: Error | null = null;
    const pending: Pending = {
      acks: new Map(),
      done: null,
      fail: (e) => {
        failure = e;
        for (const r of pending.acks.values()) r();
        pending.acks.clear();
        pending.done?.({});
      },
    };
    pw.sessions.set(sid, pending);
    pw.worker.ref();
    const end = () => {
      pw.sessions.delete(sid);
      if (pw.sessions.size === 0) pw.worker.unref();
    };
    const check = () => {
      if (failure) throw new AppError('internal', `digest worker failed: ${(failure as Error).message}`, `摘要计算线程出错：${(failure as Error).message}`);
    };
    pw.worker.postMessage({ t: 'begin', sid, algs, sm3: this.backend, sab });
    return {
      acquire: () => slots.acquire(),
      release: (s) => slots.release(s),
      hash: async (slot, len) => {
        check();
        await new Promise<void>((resolve) => {
          pending.acks.set(slot.index, resolve);
          pw.worker.postMessage({ t: 'chunk', sid, off: slot.index * this.chunkSize, len, slot: slot.index });
        });
        check();
      },
      finish: async () => {
        check();
        const d = await new Promise<Partial<Record<DigestAlg, string>>>((resolve) => {
          pending.done = resolve;
          pw.worker.postMessage({ t: 'end', sid });
        });
        end();
        check();
        return d;
      },
      abort: () => {
        pw.worker.postMessage({ t: 'abort', sid });
        end();
        // Chunks still in flight will never be acknowledged now: release their waiters.
        if (!failure) pending.fail(new Error('aborted'));
      },
    };
  }

  /** Stops the workers (the pool starts new ones if used again). */
  async close(): Promise<void> {
    const all = this.workers.splice(0, this.workers.length, ...this.workers.map(() => null));
    await Promise.all(all.map((w) => w?.worker.terminate()));
  }

  private pickWorker(): PoolWorker {
    let best = -1;
    for (let i = 0; i < this.workers.length; i++) {
      const w = this.workers[i];
      if (!w) {
        this.workers[i] = this.startWorker(i);
        return this.workers[i]!;
      }
      if (best < 0 || w.sessions.size < this.workers[best]!.sessions.size) best = i;
    }
    return this.workers[best]!;
  }

  private startWorker(i: number): PoolWorker {
    // A clean execArgv: the worker needs no loader, and must not inherit flags such as --input-type.
    const worker = new Worker(DIGEST_WORKER_SOURCE, { eval: true, execArgv: [], workerData: { hashWasmPath: hashWasmPath() } });
    worker.unref();
    const pw: PoolWorker = { worker, sessions: new Map() };
    worker.on('message', (m: { t: string; sid: number; slot?: number; digests?: Partial<Record<DigestAlg, string>>; message?: string }) => {
      const p = pw.sessions.get(m.sid);
      if (!p) return;
      if (m.t === 'ack') {
        const r = p.acks.get(m.slot!);
        p.acks.delete(m.slot!);
        r?.();
      } else if (m.t === 'done') p.done?.(m.digests ?? {});
      else if (m.t === 'error') p.fail(new Error(m.message));
    });
    const dead = (e: Error) => {
      if (this.workers[i] === pw) this.workers[i] = null;
      for (const p of pw.sessions.values()) p.fail(e);
    };
    worker.on('error', dead);
    worker.on('exit', (code) => dead(new Error(`worker exited with code ${code}`)));
    return pw;
  }
}

class SlotSet {
  private readonly free: number[];
  private readonly waiting: ((s: Slot) => void)[] = [];
  private readonly views: Uint8Array[];

  constructor(sab: SharedArrayBuffer, size: number, count: number) {
    this.views = Array.from({ length: count }, (_, i) => new Uint8Array(sab, i * size, size));
    this.free = this.views.map((_, i) => i);
  }

  acquire(): Promise<Slot> {
    const i = this.free.shift();
    if (i !== undefined) return Promise.resolve({ index: i, view: this.views[i]! });
    return new Promise((r) => this.waiting.push(r));
  }

  release(s: Slot): void {
    const w = this.waiting.shift();
    if (w) w(s);
    else this.free.push(s.index);
  }
}

function inThreadSession(slots: SlotSet, hashers: Hasher[], algs: readonly DigestAlg[]): DigestSession {
  return {
    acquire: () => slots.acquire(),
    release: (s) => slots.release(s),
    hash: async (slot, len) => {
      const v = slot.view.subarray(0, len);
      for (const h of hashers) h.update(v);
    },
    finish: async () => Object.fromEntries(algs.map((a, i) => [a, hashers[i]!.hex()])),
    abort: () => undefined,
  };
}
