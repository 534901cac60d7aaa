/**
 * The few pieces of PDF syntax the streaming writer emits itself (ISO 32000-1 §7.3). Every function
 * returns a string of byte values 0–255 (latin1), which the writer turns into bytes unchanged.
 */

/** A number the way PDF wants it: no exponent, at most 4 decimals, no trailing zeros. */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  if (Number.isInteger(n)) return String(n);
  const s = n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

export function ref(objectNumber: number): string {
  return `${objectNumber} 0 R`;
}

const NAME_REGULAR = /^[A-Za-z0-9._+-]$/;

/** A name object: characters outside the regular set are written as #xx. */
export function name(value: string): string {
  let out = '/';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += NAME_REGULAR.test(ch) ? ch : `#${byte.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return out;
}

/**
 * A text string (§7.9.2.2): printable ASCII as a literal string, anything else as UTF-16BE with a
 * byte-order mark, in hex so the file stays 7-bit outside streams.
 */
export function textString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/([\\()])/g, '\\$1')})`;
  const utf16 = Buffer.from(value, 'utf16le');
  utf16.swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

export function hexString(bytes: Uint8Array): string {
  return `<${Buffer.from(bytes).toString('hex').toUpperCase()}>`;
}

/**
 * A PDF date in UTC (`D:YYYYMMDDHHmmSSZ`). The XMP packet (pdf-lib's buildPDFAMetadata) writes the
 * same instant as `YYYY-MM-DDTHH:mm:SSZ`; PDF/A requires the two to agree.
 */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `(D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`;
}

/** Drops milliseconds: Info dates have second precision, and XMP must say the same. */
export function toSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** `<< /K v … >>` from ordered pairs; undefined values are left out. */
export function dict(entries: Record<string, string | undefined>): string {
  let out = '<<';
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out += `/${k} ${v}`;
  return `${out}>>`;
}

export function array(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}
