/**
 * The body of a digest worker thread, as plain CommonJS text run with `new Worker(src, { eval: true })`.
 * Kept as a string on purpose: the same code then runs under tsx, vitest, the compiled build and
 * Electron without a loader for a separate worker file. It hashes chunks that the main thread has read
 * into a SharedArrayBuffer (the main thread does all file I/O through the FilePort, so faults can be
 * injected there) and acknowledges each chunk so its slot can be reused.
 *
 * Messages in:  {t:'begin', sid, algs, sm3, sab} · {t:'chunk', sid, off, len, slot} · {t:'end', sid} · {t:'abort', sid}
 * Messages out: {t:'ack', sid, slot} · {t:'done', sid, digests} · {t:'error', sid, message}
 */
export const DIGEST_WORKER_SOURCE = String.raw`
(async () => {
  // Dynamic import works whether this eval runs as CommonJS or as an ES module.
  const { parentPort, workerData } = await import('node:worker_threads');
  const { createHash } = await import('node:crypto');
  const { pathToFileURL } = await import('node:url');
  let wasm = null;
  const sessions = new Map();

  async function hasher(alg, backend) {
    if (alg === 'sha256' || backend === 'node') {
      const h = createHash(alg);
      return { update: (b) => h.update(b), hex: () => h.digest('hex') };
    }
    if (!wasm) {
      const mod = await import(pathToFileURL(workerData.hashWasmPath).href);
      wasm = mod.createSM3 ? mod : mod.default;
    }
    const h = await wasm.createSM3();
    h.init();
    return { update: (b) => h.update(b), hex: () => h.digest('hex') };
  }

  function fail(sid, e) {
    const s = sessions.get(sid);
    if (s) s.failed = true;
    sessions.delete(sid);
    parentPort.postMessage({ t: 'error', sid, message: String((e && e.message) || e) });
  }

  parentPort.on('message', (m) => {
    if (m.t === 'begin') {
      const s = { sab: m.sab, hashers: null, failed: false, queue: null };
      s.queue = Promise.all(m.algs.map((a) => hasher(a, m.sm3))).then((hs) => { s.hashers = m.algs.map((a, i) => [a, hs[i]]); });
      s.queue.catch((e) => fail(m.sid, e));
      sessions.set(m.sid, s);
      return;
    }
    const s = sessions.get(m.sid);
    if (!s) return;
    if (m.t === 'abort') { sessions.delete(m.sid); return; }
    s.queue = s.queue.then(() => {
      if (s.failed) return;
      if (m.t === 'chunk') {
        const view = new Uint8Array(s.sab, m.off, m.len);
        for (const [, h] of s.hashers) h.update(view);
        parentPort.postMessage({ t: 'ack', sid: m.sid, slot: m.slot });
      } else if (m.t === 'end') {
        const digests = {};
        for (const [a, h] of s.hashers) digests[a] = h.hex();
        sessions.delete(m.sid);
        parentPort.postMessage({ t: 'done', sid: m.sid, digests });
      }
    }).catch((e) => fail(m.sid, e));
  });
})();
`;
