import { AppError } from '../api/errors.js';

/**
 * A payload path as the manifests will list it (`data/` + path). RFC 8493 §2.1.3 asks for CR, LF
 * and % to be percent-encoded; `sha256sum -c` would also escape backslashes. We refuse all of those
 * (and absolute paths, `.`/`..` segments, empty segments), so every manifest line is the plain path
 * and both BagIt tools and sha256sum read it the same way.
 */
export function checkPayloadPath(p: string): string {
  const bad = (why: string, zh: string) => new AppError('invalid_input', `payload path "${p}": ${why}`, `移交包内路径“${p}”：${zh}`, { item: p });
  if (!p || p.startsWith('/')) throw bad('must be relative', '必须是相对路径');
  if (/[\r\n%\\\0]/.test(p)) throw bad('must not contain CR, LF, %, backslash or NUL', '不得包含换行、%、反斜杠或空字符');
  const segs = p.split('/');
  if (segs.some((s) => s === '' || s === '.' || s === '..')) throw bad('has an empty, "." or ".." segment', '含有空段、“.”或“..”');
  if (p === 'metadata.xml') throw bad('is reserved for the package metadata', '为移交包元数据保留');
  return `data/${p}`;
}

export { safeSegment } from '../domain/file-names.js';

/** Bidirectional controls (LRE…RLO, LRI…PDI, LRM, RLM, ALM) and zero-width characters: they make a name read other than it is. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** What Windows refuses in a name, C0 controls, DEL, and `%` (which BagIt manifests would have to percent-encode). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*%\u0000-\u001f\u007f]/g;
/** Windows device names, with or without an extension (`CON.mp4` opens the console there). */
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\.|$)/i;
const MAX_BYTES = 255;

/**
 * The name a clip's original gets in the package's data/footage/, so the package unpacks on Windows
 * and macOS as it does here: NFC (macOS would otherwise see `café.mp4` in NFC and NFD as one name),
 * bidi and zero-width controls removed (an RLO turns `gpj.exe` into what looks like `exe.jpg`),
 * characters Windows refuses replaced by `_`, trailing dots and spaces dropped (Windows strips them
 * and two names would then meet), device names (`CON`, `NUL`, `COM1` …) prefixed with `_`, at most
 * 255 UTF-8 bytes with the extension kept. The original name stays in metadata.xml (`<fileName>`).
 */
export function safeFileName(original: string): string {
  let s = original.normalize('NFC').replace(INVISIBLE, '').replace(UNSAFE, '_').replace(/\s+/g, ' ');
  s = s.replace(/[. ]+$/, '').replace(/^ +/, '');
  if (s.startsWith('.')) s = `_${s.slice(1)}`;
  if (!s) s = '_';
  if (RESERVED.test(s)) s = `_${s}`;
  return truncateBytes(s, MAX_BYTES);
}

/** Splits `name.ext` (a leading dot is not an extension separator). */
function splitExt(name: string): [stem: string, ext: string] {
  const i = name.lastIndexOf('.');
  return i > 0 ? [name.slice(0, i), name.slice(i)] : [name, ''];
}

function truncateBytes(name: string, max: number): string {
  const enc = new TextEncoder();
  if (enc.encode(name).length <= max) return name;
  const [stem, ext] = splitExt(name);
  const room = Math.max(1, max - enc.encode(ext).length);
  let out = '';
  for (const ch of stem) {
    if (enc.encode(out + ch).length > room) break;
    out += ch;
  }
  return (out.replace(/[. ]+$/, '') || '_') + ext;
}

/**
 * Safe, unique names for a list of originals, in order: two names that differ only in case (or in
 * Unicode normalisation, or in what was removed) would overwrite each other on Windows and macOS, so
 * the later one gets ` (2)`, ` (3)` … before its extension. `taken` holds names already used in the
 * same folder (compared without regard to case).
 */
export function uniqueFileNames(originals: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set([...taken].map(foldKey));
  return originals.map((o) => {
    const safe = safeFileName(o);
    let name = safe;
    for (let n = 2; used.has(foldKey(name)); n++) {
      const suffix = ` (${n})`;
      const [stem, ext] = splitExt(truncateBytes(safe, MAX_BYTES - new TextEncoder().encode(suffix).length));
      name = `${stem}${suffix}${ext}`;
    }
    used.add(foldKey(name));
    return name;
  });
}

/** How Windows and macOS (default, case-insensitive APFS/HFS+/NTFS) compare names. */
export function foldKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
