/** The core's result envelope ({ ok, value } | { ok: false, error }) and the error the client throws. Pure. */
import type { ErrorPayload } from '../../src/api/errors.js';

/** A failed operation; `payload` is the contract's error (code, message, messageZh, item, details). */
export class ClientError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ClientError';
    this.payload = payload;
  }
  get code(): ErrorPayload['code'] {
    return this.payload.code;
  }
}

function isPayload(v: unknown): v is ErrorPayload {
  return typeof v === 'object' && v !== null && typeof (v as ErrorPayload).code === 'string' && typeof (v as ErrorPayload).messageZh === 'string';
}

/**
 * The result envelope → its value, or a ClientError carrying the contract's error. `onLostSession`
 * is called when the core says the session is gone (the client passes none for public operations).
 */
export function unwrapEnvelope<T>(raw: unknown, onLostSession?: () => void): T {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    const env = raw as { ok: boolean; value?: unknown; error?: unknown };
    if (env.ok) return env.value as T;
    const payload: ErrorPayload = isPayload(env.error)
      ? env.error
      : { code: 'internal', message: 'Malformed error from the core', messageZh: '核心返回了无法识别的错误' };
    if (payload.code === 'unauthenticated') onLostSession?.();
    throw new ClientError(payload);
  }
  throw new ClientError({ code: 'internal', message: 'Malformed answer from the core', messageZh: '核心返回了无法识别的结果' });
}
