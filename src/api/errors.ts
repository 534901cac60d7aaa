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
  const known = systemError(e);
  if (known) return known;
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: `Internal error: ${msg}`, messageZh: `内部错误：${msg}` };
}

/**
 * The failures of the machine rather than of the input, in words a records clerk can act on: a full
 * disk (ENOSPC, SQLITE_FULL) naming the file, a catalogue another program kept locked past the busy
 * timeout, a disk that refuses to write. Duck-typed (errno / SQLite codes), no Node imports here.
 */
function systemError(e: unknown): ErrorPayload | null {
  if (typeof e !== 'object' || e === null) return null;
  const { code, path, message } = e as { code?: unknown; path?: unknown; message?: unknown };
  const file = typeof path === 'string' ? path : undefined;
  const msg = typeof message === 'string' ? message : '';
  const withItem = (p: ErrorPayload): ErrorPayload => (file ? { ...p, item: file } : p);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') {
    const where = file ?? (code === 'SQLITE_FULL' ? 'catalog.db' : 'the archive');
    const whereZh = file ?? (code === 'SQLITE_FULL' ? '目录数据库 catalog.db' : '档案库');
    return {
      code: 'disk_full',
      message: `the disk is full: cannot write ${where}; free some space and try again`,
      messageZh: `磁盘空间已满，无法写入 ${whereZh}，请清理磁盘后重试`,
      item: where,
    };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || /database is locked/.test(msg)) {
    return {
      code: 'busy',
      message: 'the archive is busy (another Juanzong program is writing to it); try again in a moment',
      messageZh: '档案库正忙，请稍后重试',
      item: 'catalog.db',
    };
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_IOERR')) {
    return {
      code: 'io_error',
      message: `the catalogue catalog.db could not be written (${code}: the disk may be full, removed or failing)`,
      messageZh: `无法写入目录数据库 catalog.db（${code}：磁盘可能已满、被拔出或出错）`,
      item: 'catalog.db',
    };
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'EIO') {
    const what = file ?? 'a file of the archive';
    return withItem({ code: 'io_error', message: `cannot read or write ${what} (${code})`, messageZh: `无法读写 ${file ?? '档案库文件'}（${code}）` });
  }
  return null;
}
