/**
 * Every failure that crosses the contract is one of these codes, with an English and a Chinese
 * message that name the item and the reason. Serialisable as plain JSON.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'bad_credentials',
  'setup_done',
  'not_found',
  'duplicate',
  'sealed',
  'not_an_archive',
  'archive_exists',
  'catalog_too_new',
  'bad_file',
  'bad_profile',
  'unknown_kind',
  'transport_not_allowed',
  'cancelled',
  'io_error',
  /** Too many failed sign-ins: wait `details.retryAfterSec` (src/auth/login-policy.ts). */
  'throttled',
  /** The account is locked after repeated failed sign-ins until an administrator unlocks it. */
  'locked',
  /** A request body or upload over the size limit. */
  'too_large',
  /** The catalogue stayed locked by another writer past the busy timeout: try again. */
  'busy',
  /** The disk holding the archive is full. */
  'disk_full',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  messageZh: string;
  /** The item the error is about (a file name, a field path, a 案号). */
  item?: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;
  readonly item: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, messageZh: string, opts: { item?: string; details?: unknown; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageZh = messageZh;
    this.item = opts.item;
    this.details = opts.details;
  }

  toJSON(): ErrorPayload {
    const out: ErrorPayload = { code: this.code, message: this.message, messageZh: this.messageZh };
    if (this.item !== undefined) out.item = this.item;
    if (this.details !== undefined) out.details = this.details;
    return out;
  }
}

export function isErrorPayload(v: unknown): v is ErrorPayload {
  return typeof v === 'object' && v !== null && typeof (v as ErrorPayload).code === 'string' && typeof (v as ErrorPayload).messageZh === 'string';
}

/** Turns anything thrown into a payload; unknown errors keep their message but get the `internal` code. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof AppError) return e.toJSON();
  if (isErrorPayload(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: `Internal error: ${msg}`, messageZh: `内部错误：${msg}` };
}
