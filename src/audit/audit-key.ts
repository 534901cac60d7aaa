import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { appendLines } from './append-log.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The audit anchor's HMAC-SHA-256 key and the witness, kept OUTSIDE the archive folder, one pair per
 * archive id, in the user's config dir (`JUANZONG_KEY_DIR` overrides it):
 *   Linux   $XDG_CONFIG_HOME/juanzong/keys (default ~/.config/juanzong/keys)
 *   macOS   ~/Library/Application Support/Juanzong/keys
 *   Windows %APPDATA%\Juanzong\keys
 * Why a key file and not an env var or the OS keychain: an env var has to be typed into every shell
 * and the Electron app, so it ends up in a script beside the archive; no keychain (libsecret, DPAPI)
 * is reachable from plain Node here, and a key file under the user's profile is what a keychain
 * protects with the same login anyway. Someone who can write the archive folder (a shared drive, a
 * copied disk, a database editor) but not this profile folder cannot forge anchors or move the witness.
 */
export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JUANZONG_KEY_DIR) return path.resolve(env.JUANZONG_KEY_DIR);
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'Juanzong', 'keys');
  if (process.platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', 'Juanzong', 'keys');
  return path.join(env.XDG_CONFIG_HOME || path.join(homedir(), '.config'), 'juanzong', 'keys');
}

/**
 * What the witness remembers outside the archive after every commit: the newest audit entry and the
 * highest 归档号 serial of each year. A catalogue and anchor file cut back together (or restored from
 * an old copy) fall behind it.
 */
export interface Witness {
  seq: number;
  hash: string;
  serials: Record<string, number>;
}

export class AuditKey {
  readonly keyPath: string;
  readonly witnessPath: string;
  private key: Buffer | null | undefined;

  constructor(
    readonly archiveId: string,
    readonly dir: string = defaultKeyDir(),
  ) {
    if (!/^[0-9a-zA-Z-]{1,64}$/.test(archiveId)) throw new Error(`archive id ${archiveId} is not a safe file name`);
    this.keyPath = path.join(dir, `${archiveId}.key`);
    this.witnessPath = path.join(dir, `${archiveId}.witness.log`);
  }

  /** Whether the key file exists (without creating it). */
  exists(): boolean {
    return this.load() !== null;
  }

  /** The key, created (random 32 bytes, mode 0600) the first time this archive writes an anchor. */
  private ensure(): Buffer {
    const k = this.load();
    if (k) return k;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const fresh = randomBytes(32);
    writeDurably(this.keyPath, fresh.toString('hex') + '\n', 0o600);
    this.key = fresh;
    return fresh;
  }

  private load(): Buffer | null {
    if (this.key !== undefined) return this.key;
    try {
      const hex = readFileSync(this.keyPath, 'utf8').trim();
      this.key = /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
    } catch {
      this.key = null;
    }
    return this.key;
  }

  /** HMAC-SHA-256 of `text` bound to this archive id; creates the key when needed. */
  mac(text: string): string {
    return createHmac('sha256', this.ensure()).update(`${this.archiveId}\n${text}`).digest('hex');
  }

  /** Whether `mac` is this key's MAC of `text`; false when there is no key. */
  check(text: string, mac: string): boolean {
    const key = this.load();
    if (!key || !/^[0-9a-f]{64}$/.test(mac)) return false;
    const want = createHmac('sha256', key).update(`${this.archiveId}\n${text}`).digest();
    return timingSafeEqual(want, Buffer.from(mac, 'hex'));
  }

  /**
   * The witness: the last complete line of `<id>.witness.log`, with whether its MAC holds; null when
   * there is none. Only the file's tail is read (it grows by one short line per change).
   */
  readWitness(): { witness: Witness; macOk: boolean } | null {
    const last = lastLine(this.witnessPath);
    if (last === null) return null;
    try {
      const { mac, ...w } = JSON.parse(last) as Witness & { mac: string };
      const witness: Witness = { seq: Number(w.seq), hash: String(w.hash), serials: w.serials ?? {} };
      return { witness, macOk: this.check(canonicalJson(witness), String(mac)) };
    } catch {
      return { witness: { seq: 0, hash: '', serials: {} }, macOk: false };
    }
  }

  /**
   * Appends a witness line. Not fsynced: a power cut may cost the newest lines (the witness then lags,
   * which verify allows), never the older ones; a torn last line is skipped when reading.
   */
  writeWitness(w: Witness): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    appendLines(this.witnessPath, [JSON.stringify({ ...w, mac: this.mac(canonicalJson(w)) })], { sync: false, mode: 0o600 });
  }
}

/** The last complete (newline-terminated) line of a file, reading only its tail; null when none. */
function lastLine(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const len = Math.min(size, 16_384);
    const buf = Buffer.alloc(len);
    readSync(fd, buf, 0, len, size - len);
    const text = buf.toString('utf8');
    const end = text.lastIndexOf('\n');
    if (end < 0) return null;
    const start = text.lastIndexOf('\n', end - 1);
    return text.slice(start + 1, end);
  } finally {
    closeSync(fd);
  }
}

function writeDurably(file: string, text: string, mode: number): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
